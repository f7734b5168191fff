SELECT p.id::text AS id, p.name, p.status, p.demographics, p.personality, p.backstory, p.primary_location, p.timezone,
       p.language_preferences, p.activity_schedule, p.content_themes, p.engagement_style, p.proxy_id, p.proxy_ip,
       p.proxy_location, p.proxy_status, p.created_at, p.updated_at, p.last_active, p.total_posts, p.risk_score
FROM personas p
WHERE p.id = $1::uuid AND p.user_id = $2::uuid
