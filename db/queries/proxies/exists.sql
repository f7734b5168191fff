SELECT 1 FROM proxy_assignments WHERE id = $1::uuid AND user_id = $2::uuid
