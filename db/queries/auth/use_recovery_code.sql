UPDATE recovery_codes SET used_at = $3::timestamptz
WHERE user_id = $1::uuid AND code_hash = $2 AND used_at IS NULL
