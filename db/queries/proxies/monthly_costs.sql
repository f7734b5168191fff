-- The inventory's cost per month, newest first: a proxy counts from the month it was
-- added (deleted proxies are gone, so past months show today's inventory that existed then).
SELECT to_char(m.month, 'YYYY-MM') AS month, count(x.id) AS proxies, COALESCE(sum(x.monthly_cost_usd), 0) AS total_usd
FROM generate_series(date_trunc('month', $2::timestamptz) - make_interval(months => $3 - 1),
                     date_trunc('month', $2::timestamptz), interval '1 month') AS m(month)
LEFT JOIN proxy_assignments x ON x.user_id = $1::uuid AND x.created_at < m.month + interval '1 month'
GROUP BY m.month
ORDER BY m.month DESC
