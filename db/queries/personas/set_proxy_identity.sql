-- An assigned proxy's identity changed (PATCH /proxies/{id}): the persona's copy follows.
UPDATE personas SET proxy_id = $2, proxy_ip = $3, proxy_location = $4, updated_at = $5::timestamptz
WHERE id = $1::uuid
