SELECT a.id::text AS id, a.persona_id::text AS persona_id, a.platform_type, a.username, a.display_name, a.bio,
       a.profile_image_url, a.account_status, a.verification_level, a.follower_count, a.following_count,
       a.platform_settings, a.posting_schedule, a.daily_post_limit, a.daily_posts_count, a.last_post_at,
       a.cooldown_until, a.warning_count, a.created_at, a.updated_at, a.last_login, a.is_active,
       a.credentials_encrypted IS NOT NULL AS has_credentials, a.auth_tokens_encrypted IS NOT NULL AS has_auth_tokens
FROM platform_accounts a
WHERE a.id = $1::uuid AND a.user_id = $2::uuid
