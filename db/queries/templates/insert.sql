-- $2 is the validated body (app::ValidateTemplate); absent members take the seed's defaults.
INSERT INTO content_templates (user_id, template_name, content_type, template_text, media_urls, media_metadata,
                               target_platforms, target_personas, personalization_rules, hashtag_strategy,
                               timing_rules, is_active, created_at, updated_at)
SELECT $1::uuid, b->>'template_name', b->>'content_type', b->>'template_text', COALESCE(b->'media_urls', '[]'),
       COALESCE(b->'media_metadata', '{}'), b->'target_platforms', COALESCE(b->'target_personas', '[]'),
       COALESCE(b->'personalization_rules', '{}'), COALESCE(b->'hashtag_strategy', '{}'),
       COALESCE(b->'timing_rules', '{}'), COALESCE((b->>'is_active')::boolean, true), $3::timestamptz, $3::timestamptz
FROM (SELECT $2::jsonb AS b) body
RETURNING id::text
