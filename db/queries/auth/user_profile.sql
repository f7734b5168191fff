SELECT id::text, email, subscription_tier, max_personas, two_factor_enabled,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(last_login AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       password_hash, two_factor_secret, totp_pending_secret, totp_last_step, password_change_required
FROM users WHERE id = $1::uuid
