UPDATE personas SET proxy_status = $2 WHERE id = $1::uuid
