-- $2 names the window whose snapshot $3 becomes; $4 the post's template_effectiveness.
UPDATE manual_posts SET
    immediate_engagement = CASE WHEN $2 = 'immediate' THEN $3::jsonb ELSE immediate_engagement END,
    daily_engagement = CASE WHEN $2 = 'daily' THEN $3::jsonb ELSE daily_engagement END,
    weekly_engagement = CASE WHEN $2 = 'weekly' THEN $3::jsonb ELSE weekly_engagement END,
    template_effectiveness = $4, updated_at = $5::timestamptz
WHERE id = $1::uuid
