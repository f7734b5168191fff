SELECT m.id::text AS id, m.persona_id::text AS persona_id, m.platform_account_id::text AS platform_account_id,
       m.content_template_id::text AS content_template_id, m.session_id::text AS session_id,
       CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
            WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END AS state,
       m.creation_started_at, m.creation_completed_at, m.creation_time_minutes, m.final_content, m.final_hashtags,
       m.final_media_urls, m.content_edits_from_template, m.published_manually_at, m.platform_post_id,
       m.publishing_method, m.scheduled_for, m.immediate_engagement, m.daily_engagement, m.weekly_engagement,
       m.authenticity_rating, m.user_satisfaction, m.improvement_notes, m.template_effectiveness,
       m.manual_customization_level, m.created_at, m.updated_at
FROM manual_posts m
WHERE m.id = $1::uuid AND m.user_id = $2::uuid
