UPDATE users SET password_hash = $2, password_change_required = FALSE, updated_at = $3::timestamptz
WHERE id = $1::uuid
