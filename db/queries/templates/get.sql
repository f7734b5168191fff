SELECT t.id::text AS id, t.template_name, t.content_type, t.template_text, t.media_urls, t.media_metadata,
       t.target_platforms, t.target_personas, t.personalization_rules, t.hashtag_strategy, t.timing_rules,
       t.usage_count, t.success_rate, t.created_at, t.updated_at, t.is_active
FROM content_templates t
WHERE t.id = $1::uuid AND t.user_id = $2::uuid
