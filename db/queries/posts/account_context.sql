-- The account a post is for, with what drafting needs from its persona, and the account's
-- own hashtag limit (platform_settings.max_hashtags, when it is a whole number).
SELECT a.id::text, a.persona_id::text, a.platform_type, p.timezone,
       CASE WHEN a.platform_settings->>'max_hashtags' ~ '^[0-9]{1,4}$'
            THEN (a.platform_settings->>'max_hashtags')::integer END AS max_hashtags
FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
WHERE a.id = $1::uuid AND a.user_id = $2::uuid
