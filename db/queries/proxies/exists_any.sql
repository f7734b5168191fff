SELECT 1 FROM proxy_assignments WHERE id = $1::uuid FOR UPDATE
