-- daily_posts_count as of now ($3) in the persona's own day: 0 after its midnight until
-- the next publication counts the new day (migration 0005).
SELECT a.id::text AS id, a.persona_id::text AS persona_id, a.platform_type, a.username, a.display_name, a.bio,
       a.profile_image_url, a.account_status, a.verification_level, a.follower_count, a.following_count,
       a.platform_settings, a.posting_schedule, a.daily_post_limit,
       CASE WHEN a.daily_count_date = ($3::timestamptz AT TIME ZONE p.timezone)::date
                                      THEN a.daily_posts_count ELSE 0 END AS daily_posts_count,
       a.last_post_at,
       a.cooldown_until, a.warning_count, a.created_at, a.updated_at, a.last_login, a.is_active,
       a.credentials_encrypted IS NOT NULL AS has_credentials, a.auth_tokens_encrypted IS NOT NULL AS has_auth_tokens,
       to_char(a.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, a.id::text AS _sort_id
FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
WHERE a.persona_id = $1::uuid AND a.user_id = $2::uuid
  AND ($4::timestamptz IS NULL OR (a.created_at, a.id::text) < ($4::timestamptz, $5))
ORDER BY a.created_at DESC, a.id DESC
LIMIT $6
