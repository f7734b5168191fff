-- Counts a publication on its account for the persona-local day of $2 and on its
-- persona, unless the account is cooling down or that day's count is at the limit
-- (then nothing is counted and the caller rolls back). Concurrent publishers queue on
-- the account's row lock and re-check these conditions, so the limit is exact. A
-- publication dated on a day before the counted one leaves the day's counter alone.
-- The last statement of a publication: the two hot rows it locks stay locked only
-- until the COMMIT that follows, not across the publication's other round trips.
WITH counted AS (
    UPDATE platform_accounts a SET
        daily_posts_count = CASE WHEN a.daily_count_date IS NULL OR d.local_day > a.daily_count_date THEN 1
                                 WHEN d.local_day = a.daily_count_date THEN a.daily_posts_count + 1
                                 ELSE a.daily_posts_count END,
        daily_count_date = GREATEST(a.daily_count_date, d.local_day),
        last_post_at = GREATEST(a.last_post_at, $2::timestamptz),
        updated_at = $3::timestamptz
    FROM personas p, LATERAL (SELECT ($2::timestamptz AT TIME ZONE p.timezone)::date AS local_day) d
    WHERE a.id = $1::uuid AND p.id = a.persona_id
      AND (a.cooldown_until IS NULL OR a.cooldown_until <= $2::timestamptz)
      AND (a.daily_count_date IS NULL OR d.local_day <> a.daily_count_date OR a.daily_posts_count < a.daily_post_limit)
    RETURNING a.persona_id, a.daily_posts_count
), on_persona AS (
    UPDATE personas p SET total_posts = p.total_posts + 1, last_active = GREATEST(p.last_active, $2::timestamptz)
    FROM counted WHERE p.id = counted.persona_id
)
SELECT daily_posts_count FROM counted
