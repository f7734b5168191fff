INSERT INTO auth_sessions (user_id, token_hash, created_at, last_seen_at, expires_at, ip_address, user_agent)
VALUES ($1::uuid, $2, $3::timestamptz, $3::timestamptz, $3::timestamptz + $4::interval, $5, $6)
RETURNING id::text
