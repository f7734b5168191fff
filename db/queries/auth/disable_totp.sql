UPDATE users SET two_factor_enabled = false, two_factor_secret = NULL, totp_pending_secret = NULL,
                 updated_at = $2::timestamptz
WHERE id = $1::uuid
