-- Why count_publication refused: the cooldown, or the day's limit and the persona-local
-- midnight that frees it.
SELECT a.cooldown_until, a.daily_post_limit, a.daily_posts_count,
       to_char((date_trunc('day', $2::timestamptz AT TIME ZONE p.timezone) + interval '1 day') AT TIME ZONE p.timezone,
               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS midnight,
       to_char(a.cooldown_until, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS cooldown_text,
       a.cooldown_until > $2::timestamptz AS cooling
FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
WHERE a.id = $1::uuid
