-- Export sections: one JSON object per row, as the table holds it (column names, UTC
-- times), without hashes, which serve no one outside (passwords, tokens, codes).
-- Encrypted columns come out as stored; the exporter drops or decrypts them.
SELECT (to_jsonb(u) - 'password_hash')::text FROM users u WHERE u.id = $1::uuid
