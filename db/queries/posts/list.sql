-- Filters are optional (NULL = any); from/to apply to the post's time: when it was
-- published, else when it is scheduled, else when it was drafted.
SELECT m.id::text AS id, m.persona_id::text AS persona_id, m.platform_account_id::text AS platform_account_id,
       m.content_template_id::text AS content_template_id, m.session_id::text AS session_id,
       CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
            WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END AS state,
       m.creation_started_at, m.creation_completed_at, m.creation_time_minutes, m.final_content, m.final_hashtags,
       m.final_media_urls, m.content_edits_from_template, m.published_manually_at, m.platform_post_id,
       m.publishing_method, m.scheduled_for, m.immediate_engagement, m.daily_engagement, m.weekly_engagement,
       m.authenticity_rating, m.user_satisfaction, m.improvement_notes, m.template_effectiveness,
       m.manual_customization_level, m.created_at, m.updated_at,
       to_char(m.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, m.id::text AS _sort_id
FROM manual_posts m
WHERE m.user_id = $1::uuid
  AND ($2::uuid IS NULL OR m.persona_id = $2::uuid)
  AND ($3::uuid IS NULL OR m.platform_account_id = $3::uuid)
  AND ($4::text IS NULL OR $4 = CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
                                      WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END)
  AND ($5::timestamptz IS NULL OR COALESCE(m.published_manually_at, m.scheduled_for, m.created_at) >= $5::timestamptz)
  AND ($6::timestamptz IS NULL OR COALESCE(m.published_manually_at, m.scheduled_for, m.created_at) < $6::timestamptz)
  AND ($7::timestamptz IS NULL OR (m.created_at, m.id::text) < ($7::timestamptz, $8))
ORDER BY m.created_at DESC, m.id DESC
LIMIT $9
