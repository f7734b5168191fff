ALTER TABLE platform_accounts DROP CONSTRAINT platform_accounts_daily_count_within_limit;
ALTER TABLE platform_accounts DROP COLUMN daily_count_date;
DROP INDEX idx_manual_posts_due;
DROP INDEX idx_manual_posts_user_created;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_published_has_id;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_satisfaction_range;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_scheduled_has_time;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_publishing_method_known;
-- Without scheduled_for a 'scheduled_manual' post cannot say when; it becomes a plain
-- manual one (else applying 0005 again would fail its manual_posts_scheduled_has_time).
UPDATE manual_posts SET publishing_method = 'manual' WHERE publishing_method = 'scheduled_manual';
ALTER TABLE manual_posts DROP COLUMN scheduled_for;
ALTER TABLE manual_posts DROP COLUMN user_id;
