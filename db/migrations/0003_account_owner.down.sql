DROP INDEX idx_platform_accounts_user_platform_username;
ALTER TABLE platform_accounts DROP COLUMN user_id;
