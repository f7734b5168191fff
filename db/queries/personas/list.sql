SELECT p.id::text AS id, p.name, p.status, p.demographics, p.personality, p.backstory, p.primary_location, p.timezone,
       p.language_preferences, p.activity_schedule, p.content_themes, p.engagement_style, p.proxy_id, p.proxy_ip,
       p.proxy_location, p.proxy_status, p.created_at, p.updated_at, p.last_active, p.total_posts, p.risk_score,
       to_char(p.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, p.id::text AS _sort_id
FROM personas p
WHERE p.user_id = $1::uuid AND ($2::timestamptz IS NULL OR (p.created_at, p.id::text) < ($2::timestamptz, $3))
ORDER BY p.created_at DESC, p.id DESC
LIMIT $4
