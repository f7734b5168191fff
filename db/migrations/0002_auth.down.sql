DROP TABLE login_attempts;
DROP TABLE recovery_codes;
DROP TABLE api_tokens;
DROP TABLE auth_sessions;
ALTER TABLE users DROP COLUMN totp_pending_secret;
ALTER TABLE users DROP COLUMN totp_last_step;
