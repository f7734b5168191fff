-- The account a CSV row names: persona by id or exact name, account by id or username
-- on that persona. More than one row means the names are ambiguous.
SELECT a.id::text
FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
WHERE p.user_id = $1::uuid
  AND (p.id::text = $2 OR p.name = $2)
  AND (a.id::text = $3 OR a.username = $3)
LIMIT 2
