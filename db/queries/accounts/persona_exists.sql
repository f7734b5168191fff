SELECT 1 FROM personas WHERE id = $1::uuid AND user_id = $2::uuid
