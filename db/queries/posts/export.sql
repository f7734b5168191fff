-- Posts with their engagement for CSV export, oldest first by the post's time
-- (published, else scheduled, else drafted); filters as in the list, NULL = any.
SELECT m.id::text AS id, p.name AS persona, m.persona_id::text AS persona_id, a.platform_type, a.username AS account,
       CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
            WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END AS state,
       m.scheduled_for, m.published_manually_at, m.platform_post_id, m.final_content,
       m.content_template_id::text AS template_id,
       m.immediate_engagement, m.daily_engagement, m.weekly_engagement,
       m.template_effectiveness::float8 AS template_effectiveness, m.authenticity_rating::float8 AS authenticity_rating,
       m.user_satisfaction, m.manual_customization_level
FROM manual_posts m
JOIN personas p ON p.id = m.persona_id
JOIN platform_accounts a ON a.id = m.platform_account_id
WHERE m.user_id = $1::uuid
  AND ($2::uuid IS NULL OR m.persona_id = $2::uuid)
  AND ($3::text IS NULL OR $3 = CASE WHEN m.published_manually_at IS NOT NULL THEN 'published'
                                      WHEN m.scheduled_for IS NOT NULL THEN 'scheduled' ELSE 'draft' END)
  AND ($4::timestamptz IS NULL OR COALESCE(m.published_manually_at, m.scheduled_for, m.created_at) >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR COALESCE(m.published_manually_at, m.scheduled_for, m.created_at) < $5::timestamptz)
ORDER BY COALESCE(m.published_manually_at, m.scheduled_for, m.created_at), m.id
LIMIT 100000
