-- Attempts are kept by address, not by user: these are the ones naming the user's email.
SELECT to_jsonb(t)::text
FROM login_attempts t
WHERE t.email = (SELECT email FROM users WHERE id = $1::uuid)
ORDER BY t.attempted_at, t.id
