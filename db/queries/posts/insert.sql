-- $3 is the validated, completed body (PostService): content, hashtags, media, edits.
INSERT INTO manual_posts (user_id, persona_id, platform_account_id, content_template_id, creation_started_at,
                          final_content, final_hashtags, final_media_urls, content_edits_from_template,
                          publishing_method, scheduled_for, authenticity_rating, user_satisfaction, improvement_notes,
                          manual_customization_level, created_at, updated_at)
SELECT $1::uuid, a.persona_id, a.id, (b->>'content_template_id')::uuid,
       COALESCE((b->>'creation_started_at')::timestamptz, $4::timestamptz), b->>'final_content',
       COALESCE(b->'final_hashtags', '[]'), COALESCE(b->'final_media_urls', '[]'),
       COALESCE(b->'content_edits_from_template', '{}'),
       CASE WHEN b->>'scheduled_for' IS NULL THEN 'manual' ELSE 'scheduled_manual' END,
       (b->>'scheduled_for')::timestamptz, COALESCE((b->>'authenticity_rating')::numeric, 1.00),
       (b->>'user_satisfaction')::integer, b->>'improvement_notes',
       COALESCE(b->>'manual_customization_level', 'high'), $4::timestamptz, $4::timestamptz
FROM platform_accounts a, (SELECT $3::jsonb AS b) body
WHERE a.id = $2::uuid AND a.user_id = $1::uuid
RETURNING id::text
