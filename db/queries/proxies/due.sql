-- Never-checked proxies first, then the longest unchecked.
SELECT x.id::text, x.proxy_ip, x.proxy_port, x.proxy_username, x.proxy_password_encrypted
FROM proxy_assignments x
WHERE x.user_id IS NOT NULL AND (x.last_health_check IS NULL OR x.last_health_check <= $1::timestamptz)
ORDER BY x.last_health_check NULLS FIRST
LIMIT $2
