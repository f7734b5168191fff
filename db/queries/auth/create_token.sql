INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1::uuid, $2, $3, $4::timestamptz)
RETURNING id::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
