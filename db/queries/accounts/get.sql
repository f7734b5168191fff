SELECT a.id::text, a.persona_id::text, a.platform_type, a.username, a.display_name, a.bio, a.profile_image_url,
       a.account_status, a.verification_level, a.follower_count, a.following_count,
       a.platform_settings::text, a.posting_schedule::text, a.daily_post_limit, a.daily_posts_count,
       to_char(a.last_post_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(a.cooldown_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       a.warning_count,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(a.last_login AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       a.is_active, a.credentials_encrypted IS NOT NULL, a.auth_tokens_encrypted IS NOT NULL
FROM platform_accounts a
WHERE a.id::text = $1 AND a.user_id = $2::uuid
