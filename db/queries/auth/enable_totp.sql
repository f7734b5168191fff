UPDATE users SET two_factor_enabled = true, two_factor_secret = $2, totp_pending_secret = NULL, totp_last_step = $3,
                 updated_at = $4::timestamptz
WHERE id = $1::uuid AND NOT coalesce(two_factor_enabled, false)
