SELECT a.id::text, a.persona_id::text, a.platform_type, a.credentials_encrypted, a.auth_tokens_encrypted
FROM platform_accounts a
WHERE a.id = $1::uuid AND a.user_id = $2::uuid
