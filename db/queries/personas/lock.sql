SELECT id::text, proxy_id FROM personas WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE
