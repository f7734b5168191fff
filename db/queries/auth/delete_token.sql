DELETE FROM api_tokens WHERE id::text = $1 AND user_id = $2::uuid
