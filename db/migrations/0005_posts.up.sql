-- Manual posts: owned by a user like everything else, schedulable, and counted per
-- persona-local day against the account's daily_post_limit.
ALTER TABLE manual_posts ADD COLUMN user_id UUID REFERENCES users(id) ON DELETE CASCADE;
UPDATE manual_posts m SET user_id = p.user_id FROM personas p WHERE p.id = m.persona_id;
-- API.md: scheduled posts carry publishing_method 'scheduled_manual' and scheduled_for.
ALTER TABLE manual_posts ADD COLUMN scheduled_for TIMESTAMPTZ;
ALTER TABLE manual_posts ADD CONSTRAINT manual_posts_publishing_method_known
    CHECK (publishing_method IN ('manual', 'scheduled_manual'));
ALTER TABLE manual_posts ADD CONSTRAINT manual_posts_scheduled_has_time
    CHECK ((publishing_method = 'scheduled_manual') = (scheduled_for IS NOT NULL));
ALTER TABLE manual_posts ADD CONSTRAINT manual_posts_satisfaction_range CHECK (user_satisfaction BETWEEN 1 AND 5);
ALTER TABLE manual_posts ADD CONSTRAINT manual_posts_published_has_id
    CHECK ((published_manually_at IS NULL) = (platform_post_id IS NULL));
CREATE INDEX idx_manual_posts_user_created ON manual_posts(user_id, created_at DESC, id DESC);
CREATE INDEX idx_manual_posts_due ON manual_posts(user_id, scheduled_for) WHERE published_manually_at IS NULL;

-- The persona-local day that daily_posts_count counts: the counter starts again at the
-- persona's midnight (DST included) without a reset job, by comparing days at publish.
ALTER TABLE platform_accounts ADD COLUMN daily_count_date DATE;
ALTER TABLE platform_accounts ADD CONSTRAINT platform_accounts_daily_count_within_limit
    CHECK (daily_posts_count <= daily_post_limit OR daily_count_date IS NULL);
