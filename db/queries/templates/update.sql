-- $3 is the validated patch (app::ValidateTemplate, partial): only its members change.
UPDATE content_templates t SET
    template_name = CASE WHEN b ? 'template_name' THEN b->>'template_name' ELSE t.template_name END,
    content_type = CASE WHEN b ? 'content_type' THEN b->>'content_type' ELSE t.content_type END,
    template_text = CASE WHEN b ? 'template_text' THEN b->>'template_text' ELSE t.template_text END,
    media_urls = CASE WHEN b ? 'media_urls' THEN b->'media_urls' ELSE t.media_urls END,
    media_metadata = CASE WHEN b ? 'media_metadata' THEN b->'media_metadata' ELSE t.media_metadata END,
    target_platforms = CASE WHEN b ? 'target_platforms' THEN b->'target_platforms' ELSE t.target_platforms END,
    target_personas = CASE WHEN b ? 'target_personas' THEN b->'target_personas' ELSE t.target_personas END,
    personalization_rules = CASE WHEN b ? 'personalization_rules' THEN b->'personalization_rules'
                                 ELSE t.personalization_rules END,
    hashtag_strategy = CASE WHEN b ? 'hashtag_strategy' THEN b->'hashtag_strategy' ELSE t.hashtag_strategy END,
    timing_rules = CASE WHEN b ? 'timing_rules' THEN b->'timing_rules' ELSE t.timing_rules END,
    is_active = CASE WHEN b ? 'is_active' THEN (b->>'is_active')::boolean ELSE t.is_active END,
    updated_at = $4::timestamptz
FROM (SELECT $3::jsonb AS b) body
WHERE t.id = $1::uuid AND t.user_id = $2::uuid
RETURNING t.id::text
