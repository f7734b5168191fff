SELECT x.id::text, x.proxy_ip, x.proxy_port, x.proxy_username, x.proxy_password_encrypted
FROM proxy_assignments x
WHERE x.id = $1::uuid AND x.user_id = $2::uuid
