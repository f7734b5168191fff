-- Inserts only under a persona of the caller: no row back means no such persona.
INSERT INTO platform_accounts (id, persona_id, user_id, platform_type, username, display_name, bio,
                               profile_image_url, credentials_encrypted, auth_tokens_encrypted,
                               platform_settings, posting_schedule, daily_post_limit, created_at, updated_at)
SELECT $1::uuid, p.id, p.user_id, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13,
       $14::timestamptz, $14::timestamptz
FROM personas p
WHERE p.id = $2::uuid AND p.user_id = $3::uuid
RETURNING id::text
