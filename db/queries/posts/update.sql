-- $3 is the validated patch; content members only reach an unpublished post (PostService).
UPDATE manual_posts m SET
    final_content = CASE WHEN b ? 'final_content' THEN b->>'final_content' ELSE m.final_content END,
    final_hashtags = CASE WHEN b ? 'final_hashtags' THEN b->'final_hashtags' ELSE m.final_hashtags END,
    final_media_urls = CASE WHEN b ? 'final_media_urls' THEN b->'final_media_urls' ELSE m.final_media_urls END,
    content_edits_from_template = CASE WHEN b ? 'content_edits_from_template' THEN b->'content_edits_from_template'
                                       ELSE m.content_edits_from_template END,
    manual_customization_level = CASE WHEN b ? 'manual_customization_level' THEN b->>'manual_customization_level'
                                      ELSE m.manual_customization_level END,
    scheduled_for = CASE WHEN b ? 'scheduled_for' THEN (b->>'scheduled_for')::timestamptz ELSE m.scheduled_for END,
    publishing_method = CASE WHEN NOT b ? 'scheduled_for' THEN m.publishing_method
                             WHEN b->>'scheduled_for' IS NULL THEN 'manual' ELSE 'scheduled_manual' END,
    authenticity_rating = CASE WHEN b ? 'authenticity_rating' THEN (b->>'authenticity_rating')::numeric
                               ELSE m.authenticity_rating END,
    user_satisfaction = CASE WHEN b ? 'user_satisfaction' THEN (b->>'user_satisfaction')::integer
                             ELSE m.user_satisfaction END,
    improvement_notes = CASE WHEN b ? 'improvement_notes' THEN b->>'improvement_notes' ELSE m.improvement_notes END,
    updated_at = $4::timestamptz
FROM (SELECT $3::jsonb AS b) body
WHERE m.id = $1::uuid AND m.user_id = $2::uuid
RETURNING m.persona_id::text
