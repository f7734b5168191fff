-- The persona's copy of its proxy's identity (the seed keeps it on the persona too);
-- all NULL and 'unassigned' on release.
UPDATE personas SET proxy_id = $2, proxy_ip = $3, proxy_location = $4, proxy_status = $5, updated_at = $6::timestamptz
WHERE id = $1::uuid
