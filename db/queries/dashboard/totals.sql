-- Counts over everything user $1 owns at time $2 that the per-persona rows do not sum.
SELECT (SELECT count(*) FROM manual_posts
        WHERE user_id = $1::uuid AND published_manually_at IS NULL AND scheduled_for <= $2::timestamptz)
           AS posts_due,
       (SELECT count(*) FROM manual_posts
        WHERE user_id = $1::uuid AND published_manually_at IS NULL AND scheduled_for > $2::timestamptz)
           AS posts_scheduled,
       (SELECT COALESCE(jsonb_object_agg(severity, n), '{}'::jsonb)
        FROM (SELECT severity, count(*) AS n FROM security_events
              WHERE user_id = $1::uuid AND NOT COALESCE(resolved, false) GROUP BY severity) e)
           AS unresolved_security_events,
       (SELECT COALESCE(jsonb_object_agg(health_status, n), '{}'::jsonb)
        FROM (SELECT COALESCE(health_status, 'unknown') AS health_status, count(*) AS n FROM proxy_assignments
              WHERE user_id = $1::uuid GROUP BY 1) x)
           AS proxies_by_health,
       (SELECT count(*) FROM proxy_assignments WHERE user_id = $1::uuid AND assigned_persona_id IS NULL)
           AS proxies_unassigned
