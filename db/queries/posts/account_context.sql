-- The account a post is for, with what drafting needs from its persona.
SELECT a.id::text, a.persona_id::text, a.platform_type, p.timezone
FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
WHERE a.id = $1::uuid AND a.user_id = $2::uuid
