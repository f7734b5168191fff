SELECT id::text, password_hash, is_active, two_factor_enabled, two_factor_secret, totp_last_step
FROM users WHERE email = $1
