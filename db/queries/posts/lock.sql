SELECT m.id::text, m.platform_account_id::text, m.persona_id::text, m.content_template_id::text,
       m.published_manually_at, a.platform_type, p.timezone, m.final_content, m.scheduled_for,
       m.immediate_engagement, m.daily_engagement, m.weekly_engagement
FROM manual_posts m JOIN platform_accounts a ON a.id = m.platform_account_id JOIN personas p ON p.id = m.persona_id
WHERE m.id = $1::uuid AND m.user_id = $2::uuid
FOR UPDATE OF m
