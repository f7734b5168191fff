WITH t AS (
    SELECT a.id, a.user_id, a.last_used_at
    FROM api_tokens a JOIN users u ON u.id = a.user_id
    WHERE a.token_hash = $1 AND u.is_active
), touched AS (
    UPDATE api_tokens SET last_used_at = $2::timestamptz
    FROM t WHERE api_tokens.id = t.id
      AND (t.last_used_at IS NULL OR t.last_used_at < $2::timestamptz - interval '60 seconds')
)
SELECT id::text, user_id::text FROM t
