-- One round trip: find a live session, refresh its idle timer at most once a minute.
WITH s AS (
    SELECT a.id, a.user_id, a.last_seen_at
    FROM auth_sessions a JOIN users u ON u.id = a.user_id
    WHERE a.token_hash = $1 AND a.expires_at > $2::timestamptz
      AND a.last_seen_at > $2::timestamptz - $3::interval AND u.is_active
), touched AS (
    UPDATE auth_sessions SET last_seen_at = $2::timestamptz
    FROM s WHERE auth_sessions.id = s.id AND s.last_seen_at < $2::timestamptz - interval '60 seconds'
)
SELECT id::text, user_id::text FROM s
