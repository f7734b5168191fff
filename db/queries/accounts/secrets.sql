SELECT a.id::text, a.persona_id::text, a.platform_type, a.credentials_encrypted, a.auth_tokens_encrypted
FROM platform_accounts a
WHERE a.id::text = $1 AND a.user_id = $2::uuid
