-- $3 is the validated patch without secrets (but "auth_tokens": null when they are to be
-- removed); $4/$5 new encrypted credentials/auth_tokens or NULL for unchanged.
UPDATE platform_accounts a SET
    username = CASE WHEN b ? 'username' THEN b->>'username' ELSE a.username END,
    display_name = CASE WHEN b ? 'display_name' THEN b->>'display_name' ELSE a.display_name END,
    bio = CASE WHEN b ? 'bio' THEN b->>'bio' ELSE a.bio END,
    profile_image_url = CASE WHEN b ? 'profile_image_url' THEN b->>'profile_image_url' ELSE a.profile_image_url END,
    credentials_encrypted = COALESCE($4, a.credentials_encrypted),
    auth_tokens_encrypted = CASE WHEN b ? 'auth_tokens' THEN NULL ELSE COALESCE($5, a.auth_tokens_encrypted) END,
    platform_settings = CASE WHEN b ? 'platform_settings' THEN b->'platform_settings' ELSE a.platform_settings END,
    posting_schedule = CASE WHEN b ? 'posting_schedule' THEN b->'posting_schedule' ELSE a.posting_schedule END,
    daily_post_limit = CASE WHEN b ? 'daily_post_limit' THEN (b->>'daily_post_limit')::integer
                            ELSE a.daily_post_limit END,
    cooldown_until = CASE WHEN b ? 'cooldown_until' THEN (b->>'cooldown_until')::timestamptz ELSE a.cooldown_until END,
    account_status = CASE WHEN b ? 'account_status' THEN b->>'account_status' ELSE a.account_status END,
    verification_level = CASE WHEN b ? 'verification_level' THEN b->>'verification_level'
                              ELSE a.verification_level END,
    follower_count = CASE WHEN b ? 'follower_count' THEN (b->>'follower_count')::integer ELSE a.follower_count END,
    following_count = CASE WHEN b ? 'following_count' THEN (b->>'following_count')::integer
                           ELSE a.following_count END,
    warning_count = CASE WHEN b ? 'warning_count' THEN (b->>'warning_count')::integer ELSE a.warning_count END,
    is_active = CASE WHEN b ? 'is_active' THEN (b->>'is_active')::boolean ELSE a.is_active END,
    updated_at = $6::timestamptz
FROM (SELECT $3::jsonb AS b) body
WHERE a.id = $1::uuid AND a.user_id = $2::uuid
RETURNING a.persona_id::text, a.platform_type
