SELECT t.id::text AS id, t.template_name, t.content_type, t.template_text, t.media_urls, t.media_metadata,
       t.target_platforms, t.target_personas, t.personalization_rules, t.hashtag_strategy, t.timing_rules,
       t.usage_count, t.success_rate, t.created_at, t.updated_at, t.is_active,
       to_char(t.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, t.id::text AS _sort_id
FROM content_templates t
WHERE t.user_id = $1::uuid AND ($2::timestamptz IS NULL OR (t.created_at, t.id::text) < ($2::timestamptz, $3))
ORDER BY t.created_at DESC, t.id DESC
LIMIT $4
