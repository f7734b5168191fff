UPDATE users SET password_hash = $2, password_change_required = FALSE, updated_at = NOW() WHERE email = $1
