-- One row per persona of user $1 at time $2: its proxy's health, live session, accounts
-- with today's posts (in the persona's own day), next scheduled post and risk factors.
SELECT p.id::text AS id, p.name, p.status, p.timezone, p.total_posts, p.last_active,
       p.risk_score::float8 AS risk_score,
       CASE WHEN pa.id IS NULL THEN NULL ELSE jsonb_build_object(
           'id', pa.id::text, 'proxy_id', pa.proxy_id, 'city', pa.city, 'health_status', pa.health_status,
           'response_time_ms', pa.response_time_ms, 'uptime_percentage', pa.uptime_percentage,
           'last_health_check', to_char(pa.last_health_check, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) END AS proxy,
       (SELECT jsonb_build_object('id', s.id::text, 'session_status', s.session_status,
                                  'started_at', to_char(s.started_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                  'actions_performed', s.actions_performed, 'content_posted', s.content_posted)
        FROM persona_sessions s
        WHERE s.persona_id = p.id AND s.session_status IN ('starting', 'active', 'idle')) AS live_session,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                   'id', a.id::text, 'platform_type', a.platform_type, 'username', a.username,
                   'account_status', a.account_status, 'is_active', a.is_active,
                   'posts_today', CASE WHEN a.daily_count_date = ($2::timestamptz AT TIME ZONE p.timezone)::date
                                       THEN a.daily_posts_count ELSE 0 END,
                   'daily_post_limit', a.daily_post_limit,
                   'cooldown_until', CASE WHEN a.cooldown_until > $2::timestamptz
                                          THEN to_char(a.cooldown_until, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END)
               ORDER BY a.platform_type, a.username), '[]'::jsonb)
        FROM platform_accounts a WHERE a.persona_id = p.id) AS accounts,
       (SELECT jsonb_build_object('id', m.id::text, 'platform_account_id', m.platform_account_id::text,
                                  'scheduled_for', to_char(m.scheduled_for, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                  'overdue', m.scheduled_for <= $2::timestamptz)
        FROM manual_posts m
        WHERE m.persona_id = p.id AND m.published_manually_at IS NULL AND m.scheduled_for IS NOT NULL
        ORDER BY m.scheduled_for LIMIT 1) AS next_due_post,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object('factor', f.factor, 'count', f.count,
                                                     'contribution', f.contribution::float8)
                                  ORDER BY f.contribution DESC, f.factor), '[]'::jsonb)
        FROM persona_risk_factors(p.id) f WHERE f.contribution > 0) AS risk_factors
FROM personas p
LEFT JOIN proxy_assignments pa ON pa.assigned_persona_id = p.id
WHERE p.user_id = $1::uuid
ORDER BY p.name, p.id
