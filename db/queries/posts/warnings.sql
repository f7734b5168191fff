-- What a post of account $1 (user $2) with text $3, scheduled for $4 (or NULL), should be
-- warned about: the same text (ignoring case and surrounding space) already published or
-- scheduled there, and posts closer to its scheduled time than the platform's minimum
-- spacing (docs/engagement.md), overridable by the account's
-- platform_settings.min_spacing_minutes. $5 is the post itself (or NULL for a draft not
-- saved yet), left out of the comparisons.
WITH p AS (
    SELECT a.id AS platform_account_id, lower(btrim($3::text)) AS text, $4::timestamptz AS scheduled_for,
           COALESCE(CASE WHEN a.platform_settings->>'min_spacing_minutes' ~ '^[0-9]{1,4}$'
                         THEN (a.platform_settings->>'min_spacing_minutes')::integer END,
                    CASE a.platform_type WHEN 'twitter' THEN 30 WHEN 'instagram' THEN 240
                                         WHEN 'tiktok' THEN 180 WHEN 'linkedin' THEN 720 ELSE 60 END) AS spacing
    FROM platform_accounts a
    WHERE a.id = $1::uuid AND a.user_id = $2::uuid
)
SELECT 'duplicate_text' AS code, o.id::text AS post_id,
       CASE WHEN o.published_manually_at IS NOT NULL THEN 'the same text was already published on this account'
            ELSE 'the same text is already scheduled on this account' END AS message,
       NULL::integer AS min_spacing_minutes
FROM p JOIN manual_posts o ON o.platform_account_id = p.platform_account_id AND o.id IS DISTINCT FROM $5::uuid
WHERE lower(btrim(o.final_content)) = p.text AND (o.published_manually_at IS NOT NULL OR o.scheduled_for IS NOT NULL)
UNION ALL
SELECT 'too_close', o.id::text,
       'another post on this account is ' ||
       round(abs(extract(epoch FROM (COALESCE(o.published_manually_at, o.scheduled_for) - p.scheduled_for))) / 60)
       || ' minutes away; the minimum spacing is ' || p.spacing || ' minutes',
       p.spacing
FROM p JOIN manual_posts o ON o.platform_account_id = p.platform_account_id AND o.id IS DISTINCT FROM $5::uuid
WHERE p.scheduled_for IS NOT NULL
  AND COALESCE(o.published_manually_at, o.scheduled_for) IS NOT NULL
  AND abs(extract(epoch FROM (COALESCE(o.published_manually_at, o.scheduled_for) - p.scheduled_for))) < p.spacing * 60
ORDER BY 1, 2
