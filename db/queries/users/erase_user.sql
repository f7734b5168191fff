-- The rest goes with the user (ON DELETE CASCADE): personas with their accounts, sessions
-- and posts, templates, proxies with their checks, login sessions, tokens, recovery codes.
DELETE FROM users WHERE id = $1::uuid
