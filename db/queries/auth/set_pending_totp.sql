UPDATE users SET totp_pending_secret = $2 WHERE id = $1::uuid
