-- Accepts a TOTP step only if it is newer than every step used before: a code is
-- good once, even under concurrent logins.
UPDATE users SET totp_last_step = $2 WHERE id = $1::uuid AND totp_last_step < $2
