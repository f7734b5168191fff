-- Engagement checkpoints come due 1 h, 24 h and 7 days after publication (keep these
-- windows in step with domain::kEngagementWindows); listed until captured, flagged late
-- and then missed. Posts published more than 30 days ago are no longer chased.
SELECT m.id::text AS id, m.persona_id::text AS persona_id, m.platform_account_id::text AS platform_account_id,
       m.content_template_id::text AS content_template_id, m.session_id::text AS session_id,
       CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
            WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END AS state,
       m.creation_started_at, m.creation_completed_at, m.creation_time_minutes, m.final_content, m.final_hashtags,
       m.final_media_urls, m.content_edits_from_template, m.published_manually_at, m.platform_post_id,
       m.publishing_method, m.scheduled_for, m.immediate_engagement, m.daily_engagement, m.weekly_engagement,
       m.authenticity_rating, m.user_satisfaction, m.improvement_notes, m.template_effectiveness,
       m.manual_customization_level, m.created_at, m.updated_at,
       w.name AS _window,
       to_char(m.published_manually_at + w.due_after, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS _due_at,
       to_char((m.published_manually_at + w.due_after) AT TIME ZONE p.timezone, 'YYYY-MM-DD"T"HH24:MI') AS _local_due,
       p.timezone AS _timezone,
       m.published_manually_at + w.due_after + w.late_after < $2::timestamptz AS _late,
       m.published_manually_at + w.due_after + w.missed_after < $2::timestamptz AS _missed
FROM manual_posts m
JOIN personas p ON p.id = m.persona_id
CROSS JOIN (VALUES ('immediate', interval '1 hour', interval '30 minutes', interval '1 hour'),
                   ('daily', interval '24 hours', interval '12 hours', interval '24 hours'),
                   ('weekly', interval '7 days', interval '3 days', interval '7 days'))
    AS w(name, due_after, late_after, missed_after)
WHERE m.user_id = $1::uuid AND m.published_manually_at IS NOT NULL
  AND m.published_manually_at > $2::timestamptz - interval '30 days'
  AND m.published_manually_at + w.due_after <= $2::timestamptz
  AND CASE w.name WHEN 'immediate' THEN m.immediate_engagement WHEN 'daily' THEN m.daily_engagement
                  ELSE m.weekly_engagement END = '{}'::jsonb
ORDER BY m.published_manually_at + w.due_after
LIMIT 500
