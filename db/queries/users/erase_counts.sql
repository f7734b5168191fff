-- What the user owns, counted before the cascade takes it.
SELECT (SELECT count(*) FROM personas WHERE user_id = $1::uuid) AS personas,
       (SELECT count(*) FROM platform_accounts WHERE user_id = $1::uuid) AS platform_accounts,
       (SELECT count(*) FROM proxy_assignments WHERE user_id = $1::uuid) AS proxies,
       (SELECT count(*) FROM content_templates WHERE user_id = $1::uuid) AS templates,
       (SELECT count(*) FROM manual_posts WHERE user_id = $1::uuid) AS posts,
       (SELECT count(*) FROM persona_sessions WHERE user_id = $1::uuid) AS sessions
