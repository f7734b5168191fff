-- The data of bench/load.sh, for three users that `persona user add` created (so that they
-- can log in):
--
--   psql -v reader=UUID -v writer=UUID -v creator=UUID -v rows=N -v quiet=Q -v busy=B \
--        -v drafts=D -f bench/load_data.sql
--
-- reader   5 personas with 3 platform accounts each, a proxy each and 2 spare, 8 templates,
--          a post every other day per account for 90 days (with engagement), D drafts
--          ready to publish, 30 days of ended work sessions, a few security events, and
--          N activity rows spread evenly over the last 90 days (1 in 20 written by the
--          server for its own changes, the rest manual actions).
-- writer   2 personas with an account each and a live work session: "Quiet" with Q manual
--          actions in the last 7 days, "Busy" with B (POST /activity on both shows whether
--          its cost follows the persona's history).
-- creator  no personas and no persona limit (POST /personas creates thousands).
--
-- The activity rows are not written here: this script leaves their plan in the table
-- bench_load_streams, and bench/load_activity.sql writes them, a month at a time.
-- Addresses are from the documentation ranges; no secret is created (encrypted columns
-- hold a marker that is not a ciphertext, as in db/dev/realistic_data.sql).

\set ON_ERROR_STOP 1
BEGIN;
SET LOCAL TimeZone = 'UTC';
SET LOCAL work_mem = '64MB';
SET LOCAL maintenance_work_mem = '512MB';
SELECT setseed(0.1515) \g /dev/null

CREATE TEMP TABLE b_params ON COMMIT DROP AS
SELECT :'reader'::uuid AS reader, :'writer'::uuid AS writer, :'creator'::uuid AS creator,
       :'rows'::bigint AS rows, :'quiet'::bigint AS quiet, :'busy'::bigint AS busy, :'drafts'::integer AS drafts,
       now() AS t_now;

-- The creator may have any number of personas (max_personas NULL: the trigger counts nothing).
UPDATE users SET max_personas = NULL WHERE id = (SELECT creator FROM b_params);
UPDATE users SET max_personas = 100, subscription_tier = 'enterprise'
WHERE id IN (SELECT reader FROM b_params UNION ALL SELECT writer FROM b_params);

\echo personas, proxies, accounts, templates …
CREATE TEMP TABLE b_personas ON COMMIT DROP AS
SELECT i AS pidx, gen_random_uuid() AS id, CASE WHEN i <= 5 THEN p.reader ELSE p.writer END AS user_id,
       (ARRAY['Maria Santos', 'Jose Reyes', 'Andrea Cruz', 'Miguel Bautista', 'Katrina Ocampo', 'Quiet', 'Busy'])[i]
           AS name,
       (ARRAY['Manila', 'Quezon City', 'Cebu City', 'Davao City', 'Makati', 'Pasig', 'Iloilo City'])[i] AS location,
       (ARRAY['coffee', 'street food', 'hiking', 'K-drama', 'fitness', 'photography', 'basketball'])[i] AS topic,
       CASE WHEN i <= 5 THEN ARRAY['twitter', 'instagram', 'tiktok'] ELSE ARRAY['instagram'] END AS platforms
FROM b_params p, generate_series(1, 7) i;
ANALYZE b_personas;

-- One by one through the triggers: the persona limit and the initial risk score.
INSERT INTO personas (id, user_id, name, status, demographics, personality, backstory, primary_location, timezone,
                      language_preferences, activity_schedule, content_themes, engagement_style, created_at,
                      updated_at)
SELECT id, user_id, name, 'active',
       jsonb_build_object('age', 20 + pidx * 3, 'gender', CASE WHEN pidx % 2 = 0 THEN 'female' ELSE 'male' END,
                          'location', location, 'occupation', (ARRAY['barista', 'nurse', 'student', 'teacher',
                                                                     'graphic designer', 'call center agent',
                                                                     'software developer'])[pidx]),
       jsonb_build_object('interests', jsonb_build_array(topic, 'family'), 'communication_style', 'warm and chatty'),
       format('Grew up in %s; talks about %s with friends online.', location, topic), location, 'Asia/Manila',
       '["en", "fil"]',
       '{"posting_times": {"monday": ["08:30", "19:00"], "wednesday": ["08:30", "19:00"], "saturday": ["10:00"]}, "posts_per_day": 2}',
       jsonb_build_object('topics', jsonb_build_array(topic), 'hashtags', '["#Manila", "#PinoyPride"]'::jsonb),
       '{"comment_frequency": "medium"}', now() - interval '200 days' + pidx * interval '1 hour',
       now() - interval '2 days'
FROM b_personas ORDER BY pidx;

CREATE TEMP TABLE b_proxies ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, k, u.user_id, p.id AS persona_id, '203.0.113.' || (10 + k) AS ip,
       'pxc-' || (200000 + k) AS proxy_id
FROM (SELECT reader AS user_id FROM b_params) u
CROSS JOIN generate_series(1, 7) k
LEFT JOIN b_personas p ON p.pidx = k AND k <= 5
UNION ALL
SELECT gen_random_uuid(), 7 + p.pidx - 5, p.user_id, p.id, '198.51.100.' || (10 + p.pidx), 'pxc-' || (300000 + p.pidx)
FROM b_personas p WHERE p.pidx > 5;

INSERT INTO proxy_assignments (id, user_id, proxy_id, proxy_ip, proxy_port, proxy_username, proxy_password_encrypted,
                               country_code, city, isp_name, assignment_status, assigned_persona_id, assigned_at,
                               health_status, response_time_ms, last_health_check, uptime_percentage,
                               monthly_bandwidth_gb, monthly_requests, monthly_cost_usd, created_at, updated_at)
SELECT x.id, x.user_id, x.proxy_id, x.ip, 8080, 'pcuser' || x.k, 'bench-data: not a ciphertext', 'PH', 'Manila',
       'PLDT', CASE WHEN x.persona_id IS NULL THEN 'available' ELSE 'assigned' END, x.persona_id,
       CASE WHEN x.persona_id IS NOT NULL THEN now() - interval '190 days' END, 'healthy', 180 + x.k * 20,
       now() - interval '3 minutes', 99.5, 12.5, 40000, 1.27, now() - interval '195 days', now() - interval '1 day'
FROM b_proxies x ORDER BY x.k;

UPDATE personas p SET proxy_id = x.proxy_id, proxy_ip = x.ip, proxy_location = 'Manila', proxy_status = 'active'
FROM b_proxies x WHERE x.persona_id = p.id;

-- Publishing is what the benchmark measures, not the daily limit: the accounts' limit is
-- far above what a run publishes (the check itself still runs on every publication).
CREATE TEMP TABLE b_accounts ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, (row_number() OVER (ORDER BY p.pidx, a.ord))::integer AS aidx, p.pidx,
       p.id AS persona_id, p.user_id, p.name, p.location, p.topic, a.platform
FROM b_personas p, unnest(p.platforms) WITH ORDINALITY a(platform, ord);
ANALYZE b_accounts;

INSERT INTO platform_accounts (id, persona_id, user_id, platform_type, username, display_name, bio,
                               credentials_encrypted, account_status, verification_level, follower_count,
                               following_count, platform_settings, posting_schedule, daily_post_limit,
                               daily_posts_count, warning_count, created_at, updated_at, last_login, is_active)
SELECT id, persona_id, user_id, platform, lower(replace(name, ' ', '.')) || '.' || aidx, name,
       format('%s | %s', location, topic), 'bench-data: not a ciphertext', 'verified', 'basic',
       1000 + aidx * 317, 200 + aidx * 11, '{"min_spacing_minutes": 60}', '{"preferred_local_times": ["08:30"]}',
       1000000, 0, 0, now() - interval '190 days', now() - interval '1 day', now() - interval '5 hours', true
FROM b_accounts ORDER BY aidx;

CREATE TEMP TABLE b_templates ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, t.ord, p.reader AS user_id, t.name, t.template_text
FROM b_params p
CROSS JOIN (VALUES (1, 'Question of the day', 'Quick question: {{theme}} — overrated or underrated?'),
                   (2, 'Rainy day', 'Maulan na naman sa {{persona.primary_location}}. Perfect weather for {{theme}}.'),
                   (3, 'Morning greeting', 'Magandang umaga from {{persona.primary_location}}! Starting with {{theme}}.'),
                   (4, 'Food find', 'Found the best {{theme}} spot in {{persona.primary_location}} today. Sulit!'),
                   (5, 'Career tip', 'One thing I learned this week about {{theme}}: start small, stay consistent.'),
                   (6, 'Short video hook', 'POV: you try {{theme}} for the first time'),
                   (7, 'Weekend plans', 'Weekend plans: {{theme}} and a long merienda. Kayo?'),
                   (8, 'Budget pick', '{{persona.name}} recommends: {{theme}} essentials under ₱500.')) t(ord, name, template_text);

INSERT INTO content_templates (id, user_id, template_name, content_type, template_text, media_urls, media_metadata,
                               target_platforms, target_personas, personalization_rules, hashtag_strategy,
                               timing_rules, created_at, updated_at, is_active)
SELECT id, user_id, name, 'text', template_text, '[]', '{}', '["twitter", "instagram", "tiktok"]', '[]', '{}',
       '{"default": {"fixed": ["#PinoyPride"], "include_persona_hashtags": true, "max": 5}}',
       '{"preferred_slots": ["morning", "evening"]}', now() - interval '180 days' + ord * interval '1 day',
       now() - interval '20 days', true
FROM b_templates ORDER BY ord;

\echo posts, sessions, security events …
-- Published: one post every other day per account over 90 days, 60 % from a template,
-- with the engagement captured so far (docs/engagement.md).
INSERT INTO manual_posts (persona_id, platform_account_id, user_id, content_template_id, creation_started_at,
                          creation_completed_at, creation_time_minutes, final_content, final_hashtags,
                          final_media_urls, published_manually_at, platform_post_id, publishing_method,
                          immediate_engagement, daily_engagement, weekly_engagement, template_effectiveness,
                          manual_customization_level, created_at, updated_at)
SELECT a.persona_id, a.id, a.user_id, CASE WHEN r.r1 < 0.6 THEN t.id END, r.at - interval '20 minutes', r.at, 20,
       format('Sunset walk in %s, then %s. Grateful for days like this.', a.location, a.topic),
       '["#Manila", "#PinoyPride"]', '[]', r.at, 'bench-' || a.aidx || '-' || r.k, 'manual',
       jsonb_build_object('metrics', jsonb_build_object('likes', r.likes, 'comments', r.likes / 8, 'shares',
                                                        r.likes / 20, 'views', r.likes * 30),
                          'due_at', to_char(r.at + interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'captured_at', to_char(r.at + interval '70 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'late', false),
       CASE WHEN r.k > 1 THEN jsonb_build_object('metrics', jsonb_build_object('likes', r.likes * 3, 'comments',
                                                         r.likes / 3, 'shares', r.likes / 6, 'views', r.likes * 90),
                          'due_at', to_char(r.at + interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'captured_at', to_char(r.at + interval '25 hours', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'late', false) ELSE '{}' END,
       '{}', round((r.r1 * 4)::numeric, 2), CASE WHEN r.r1 < 0.6 THEN 'low' ELSE 'high' END, r.at - interval '20 minutes',
       r.at + interval '25 hours'
FROM b_accounts a
CROSS JOIN LATERAL (SELECT k, now() - k * interval '2 days' - (a.aidx * 37 % 600) * interval '1 minute' AS at,
                           random() AS r1, 20 + (random() * 400)::integer AS likes
                    FROM generate_series(1, 45) k) r
LEFT JOIN b_templates t ON t.ord = 1 + (a.aidx + r.k) % 8
WHERE a.pidx <= 5;

-- Drafts ready to publish, spread over the reader's accounts.
INSERT INTO manual_posts (persona_id, platform_account_id, user_id, creation_started_at, final_content,
                          final_hashtags, publishing_method, created_at, updated_at)
SELECT a.persona_id, a.id, a.user_id, now() - interval '1 hour',
       format('Draft %s: %s notes from %s.', d, a.topic, a.location), '["#Manila"]', 'manual',
       now() - interval '1 hour', now() - interval '1 hour'
FROM generate_series(1, (SELECT drafts FROM b_params)) d
JOIN b_accounts a ON a.pidx <= 5 AND a.aidx = 1 + (d - 1) % 15;

UPDATE personas p SET total_posts = c.n, last_active = c.last_at
FROM (SELECT persona_id, count(*) AS n, max(published_manually_at) AS last_at FROM manual_posts
      WHERE published_manually_at IS NOT NULL GROUP BY persona_id) c
WHERE p.id = c.persona_id;
UPDATE content_templates t SET usage_count = c.n,
    success_rate = round(100.0 * c.good / c.n, 2)
FROM (SELECT content_template_id, count(*) AS n, count(*) FILTER (WHERE template_effectiveness >= 2) AS good
      FROM manual_posts WHERE content_template_id IS NOT NULL GROUP BY content_template_id) c
WHERE t.id = c.content_template_id;

-- The reader's last 30 days of work sessions (two a day per persona, ended); the writer's
-- personas each have one under way.
INSERT INTO persona_sessions (persona_id, user_id, session_status, active_platforms, platform_sessions,
                              actions_performed, content_posted, errors_encountered, started_at, ended_at,
                              duration_minutes, suspicious_activity_detected, risk_events, last_activity_at,
                              end_reason, updated_at)
SELECT p.id, p.user_id, 'ended', to_jsonb(p.platforms), '{}'::jsonb, 40, 1, 0, s.at, s.at + interval '75 minutes', 75,
       false, '[]'::jsonb, s.at + interval '75 minutes', 'manual', s.at + interval '75 minutes'
FROM b_personas p
CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - d * interval '1 day' + h * interval '1 hour' AS at
                    FROM generate_series(1, 30) d, unnest(ARRAY[0, 11]) h) s
WHERE p.pidx <= 5
UNION ALL
SELECT p.id, p.user_id, 'active', to_jsonb(p.platforms), '{}', 0, 0, 0, now() - interval '5 minutes', NULL, NULL,
       false, '[]', now() - interval '5 minutes', NULL, now() - interval '5 minutes'
FROM b_personas p WHERE p.pidx > 5
ORDER BY 9;

INSERT INTO security_events (event_type, severity, user_id, persona_id, event_description, event_data, source_ip,
                             user_agent, actions_taken, resolved, resolved_at, resolved_by, created_at)
SELECT 'suspicious_activity', 'warning', p.user_id, p.id, 'manual actions far above the usual rate',
       '{"activity_type": "like", "score": 0.74}', '192.0.2.10', 'Mozilla/5.0 (X11; Linux x86_64)', '[]', true,
       now() - k * interval '20 days' + interval '5 hours', p.user_id, now() - k * interval '20 days'
FROM b_personas p CROSS JOIN generate_series(1, 3) k WHERE p.pidx <= 5;

-- The activity rows, as streams: row n of a stream belongs to persona n mod (its personas)
-- and is dated t0 + (n + 0.5) * (t1 - t0) / n_rows; 1 in system_every (0: none) is a row the
-- server wrote for its own change. bench/load_activity.sql reads this and drops it.
CREATE TABLE bench_load_streams AS
SELECT p.reader AS user_id, ARRAY(SELECT id FROM b_personas WHERE pidx <= 5 ORDER BY pidx) AS personas,
       p.rows AS n_rows, p.t_now - interval '90 days' AS t0, p.t_now - interval '1 minute' AS t1, 20 AS system_every,
       ARRAY['twitter', 'instagram', 'tiktok'] AS platforms
FROM b_params p
UNION ALL
SELECT p.writer, ARRAY[(SELECT id FROM b_personas WHERE pidx = 6)], p.quiet, p.t_now - interval '7 days',
       p.t_now - interval '1 minute', 0, ARRAY['instagram']
FROM b_params p
UNION ALL
SELECT p.writer, ARRAY[(SELECT id FROM b_personas WHERE pidx = 7)], p.busy, p.t_now - interval '7 days',
       p.t_now - interval '1 minute', 0, ARRAY['instagram']
FROM b_params p;

COMMIT;
