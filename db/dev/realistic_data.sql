-- Realistic development data for a Persona database migrated to the latest migration:
--
--   psql -v ON_ERROR_STOP=1 [-v users=N] [-v activity_rows=M] -d DB -f db/dev/realistic_data.sql
--
-- Adds N users (default 3: dev-operator1@example.com, …) with personas, accounts, proxies
-- and their 30-day check history, templates, posts, work sessions, M activity rows
-- (default 100 000) spread over the last 180 days, security events, login sessions, API
-- tokens, recovery codes and login attempts: every table has rows. Refuses a database that
-- already holds these users. One transaction: it all goes in, or nothing does.
--
-- Everything is set-based (generate_series, INSERT … SELECT): 10 million activity rows
-- are one INSERT, bounded by the upkeep of activity_logs' indexes.
--
-- Conventions:
-- * Addresses come from the documentation ranges (RFC 5737 IPs, example.com), so nothing
--   points at a real host or person.
-- * No secret is created: password hashes are well-formed Argon2id strings of random bytes
--   that no password matches (set one with `persona user passwd --email … --password-stdin`);
--   token and code hashes are SHA-256 of random bytes nobody holds.
-- * Encrypted columns stay NULL: without the master key nothing valid can be written.
--   credentials_encrypted and proxy_password_encrypted are NOT NULL in the schema, so they
--   hold a fixed marker that is not a ciphertext (`keys status` counts it as "not
--   encrypted"; revealing it fails); two_factor_enabled is therefore false for everyone.
-- * The database's own rules hold: CHECK, foreign and unique keys, the persona-limit and
--   risk triggers (rows go in through them; the scores are checked at the end), and the
--   relations the server keeps (counters, last-times, uptime) are computed from the rows.
-- * random() is seeded: the same N and M give the same data apart from ids and now().

\set ON_ERROR_STOP 1
\if :{?users}
\else
  \set users 3
\endif
\if :{?activity_rows}
\else
  \set activity_rows 100000
\endif

BEGIN;
-- Days and windows below are UTC days; date_trunc follows the session's time zone.
SET LOCAL TimeZone = 'UTC';
SET LOCAL work_mem = '64MB';
SELECT setseed(0.4242) \g /dev/null

-- Not numbers -> an error here, before anything is written.
CREATE TEMP TABLE gen_params ON COMMIT DROP AS
SELECT :'users'::integer AS users, :'activity_rows'::bigint AS activity_rows;

DO $$
BEGIN
    IF to_regclass('schema_migrations') IS NULL
       OR coalesce((SELECT max(version) FROM schema_migrations), 0) < 9 THEN
        RAISE EXCEPTION 'realistic_data.sql needs a database at migration 0009 or later: run persona migrate up first';
    END IF;
    IF (SELECT users FROM gen_params) NOT BETWEEN 1 AND 1000 OR (SELECT activity_rows FROM gen_params) < 0 THEN
        RAISE EXCEPTION 'users must be 1..1000 and activity_rows >= 0';
    END IF;
    IF EXISTS (SELECT 1 FROM users WHERE email LIKE 'dev-operator%@example.com') THEN
        RAISE EXCEPTION 'this database already holds generated users (dev-operator…@example.com); use a fresh one';
    END IF;
END $$;

-- Helpers for this session only (pg_temp): nothing is left in the schema.
CREATE FUNCTION pg_temp.iso(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;
CREATE FUNCTION pg_temp.hhmm(minutes integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lpad((minutes / 60 % 24)::text, 2, '0') || ':' || lpad((minutes % 60)::text, 2, '0')
$$;
-- A hash of random bytes: the shape of a stored token or code hash, of nothing anyone has.
CREATE FUNCTION pg_temp.random_hash() RETURNS char(64) LANGUAGE sql VOLATILE AS $$
    SELECT encode(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())), 'hex')
$$;
-- One engagement checkpoint as PUT /posts/{id}/engagement/{window} stores it (docs/engagement.md):
-- most captured on time, some late, some missed ('{}'), none before it was due.
CREATE FUNCTION pg_temp.checkpoint(published timestamptz, due interval, late_after interval, share float8,
                                   views integer, like_rate float8, r float8) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN r < 0.05 OR captured > now() THEN '{}'::jsonb ELSE jsonb_build_object(
               'metrics', jsonb_build_object(
                   'likes', round(v * like_rate), 'comments', round(v * like_rate * 0.12),
                   'shares', round(v * like_rate * 0.05), 'views', v, 'saves', round(v * like_rate * 0.08),
                   'clicks', round(v * 0.01), 'followers_gained', round(v * 0.002), 'reach', round(v * 0.8)),
               'due_at', pg_temp.iso(published + due), 'captured_at', pg_temp.iso(captured),
               'late', captured > published + due + late_after) END
    FROM (SELECT round(views * share)::integer AS v,
                 published + due + CASE WHEN r < 0.15 THEN late_after * (1.1 + r) ELSE late_after * (r - 0.15) END
                     AS captured) x
$$;

\echo users, personas, proxies …
-- Tiers cycle pro, basic, enterprise; each user runs fewer personas than the tier allows.
CREATE TEMP TABLE gen_users ON COMMIT DROP AS
SELECT i AS uidx, gen_random_uuid() AS id, format('dev-operator%s@example.com', i) AS email,
       (ARRAY['pro', 'basic', 'enterprise'])[1 + (i - 1) % 3] AS tier,
       (ARRAY[20, 5, 100])[1 + (i - 1) % 3] AS max_personas,
       (ARRAY[8, 4, 12])[1 + (i - 1) % 3] AS n_personas,
       '192.0.2.' || (1 + i % 254) AS ip,            -- the operator's desk
       '198.51.100.' || (1 + i % 254) AS ip_mobile,  -- … and phone
       (ARRAY['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
              'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'])
           [1 + i % 3] AS ua,
       jsonb_build_object('city', (ARRAY['Quezon City', 'Makati', 'Cebu City', 'Davao City'])[1 + i % 4],
                          'country', 'PH') AS loc
FROM generate_series(1, :users) i;

INSERT INTO users (id, email, password_hash, subscription_tier, max_personas, created_at, updated_at, is_active,
                   two_factor_enabled, two_factor_secret, totp_last_step, totp_pending_secret)
SELECT id, email,
       '$argon2id$v=19$m=19456,t=2,p=1$' || rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '=') || '$'
           || rtrim(encode(sha256(uuid_send(gen_random_uuid())), 'base64'), '='),
       tier, max_personas, now() - interval '240 days' + uidx * interval '1 hour', now() - interval '3 days', true,
       false, NULL, 0, NULL
FROM gen_users ORDER BY uidx;

-- Two work sessions a day per persona, in its local morning and evening; off*/len* are
-- the windows' starts in UTC minutes after midnight and their lengths. The last persona
-- of each user is suspended, the one before it (when there are more than four) inactive.
CREATE TEMP TABLE gen_personas ON COMMIT DROP AS
SELECT q.*,
       ((420 + (pidx % 5) * 15 - tzoff) % 1440 + 1440) % 1440 AS off0, 60 + (pidx % 4) * 15 AS len0,
       ((1110 + (pidx % 6) * 15 - tzoff) % 1440 + 1440) % 1440 AS off1, 45 + (pidx % 3) * 15 AS len1,
       420 + (pidx % 5) * 15 + (60 + (pidx % 4) * 15) / 2 AS local_mid0,
       1110 + (pidx % 6) * 15 + (45 + (pidx % 3) * 15) / 2 AS local_mid1
FROM (
    SELECT (row_number() OVER (ORDER BY u.uidx, j) - 1)::integer AS pidx, j, u.uidx, u.id AS user_id,
           gen_random_uuid() AS id, u.n_personas, u.ip, u.ip_mobile, u.ua, u.loc,
           CASE WHEN j = u.n_personas THEN 'suspended' WHEN j = u.n_personas - 1 AND u.n_personas > 4 THEN 'inactive'
                ELSE 'active' END AS status,
           'Asia/Manila' AS tz,
           round(extract(epoch FROM (now() AT TIME ZONE 'Asia/Manila') - (now() AT TIME ZONE 'UTC')) / 60)::integer
               AS tzoff
    FROM gen_users u, generate_series(1, u.n_personas) j
) q;
ALTER TABLE gen_personas ADD COLUMN first_name text, ADD COLUMN last_name text, ADD COLUMN location text,
    ADD COLUMN platforms text[], ADD COLUMN topics text[], ADD COLUMN hashtags text[];
UPDATE gen_personas SET
    first_name = (ARRAY['Maria', 'Jose', 'Andrea', 'Miguel', 'Katrina', 'Paolo', 'Bea', 'Carlo', 'Nicole', 'Rafael',
                        'Jasmine', 'Gabriel', 'Trisha', 'Marco', 'Angelica', 'Joshua', 'Camille', 'Enzo', 'Patricia',
                        'Luis'])[1 + pidx % 20],
    last_name = (ARRAY['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Villanueva',
                       'Ramos', 'Aquino', 'Castillo', 'Flores', 'Navarro', 'Dela Cruz'])[1 + (pidx * 7) % 15],
    location = (ARRAY['Manila', 'Quezon City', 'Cebu City', 'Davao City', 'Makati', 'Pasig', 'Iloilo City',
                      'Baguio'])[1 + pidx % 8],
    platforms = CASE pidx % 4 WHEN 0 THEN ARRAY['twitter', 'instagram', 'tiktok'] WHEN 1 THEN ARRAY['instagram', 'tiktok']
                              WHEN 2 THEN ARRAY['twitter', 'instagram'] ELSE ARRAY['linkedin', 'twitter'] END,
    topics = ARRAY[(ARRAY['coffee', 'street food', 'hiking', 'K-drama', 'fitness', 'budget travel', 'skincare',
                          'photography', 'basketball', 'small business', 'coding', 'gardening'])[1 + pidx % 12],
                   (ARRAY['coffee', 'street food', 'hiking', 'K-drama', 'fitness', 'budget travel', 'skincare',
                          'photography', 'basketball', 'small business', 'coding', 'gardening'])[1 + (pidx + 5) % 12],
                   (ARRAY['coffee', 'street food', 'hiking', 'K-drama', 'fitness', 'budget travel', 'skincare',
                          'photography', 'basketball', 'small business', 'coding', 'gardening'])[1 + (pidx + 9) % 12]],
    hashtags = ARRAY[(ARRAY['#Manila', '#PinoyPride', '#foodtrip', '#weekendvibes', '#coffeelover', '#travelPH',
                            '#fitfam', '#PinoyFood'])[1 + pidx % 8],
                     (ARRAY['#Manila', '#PinoyPride', '#foodtrip', '#weekendvibes', '#coffeelover', '#travelPH',
                            '#fitfam', '#PinoyFood'])[1 + (pidx + 3) % 8]];
SELECT count(*) AS n_personas FROM gen_personas \gset
-- Temporary tables get no statistics by themselves; without them the planner may sort
-- the 10 million activity rows for a merge join instead of hashing these small tables.
ANALYZE gen_users, gen_personas;

-- Inserted one by one through the triggers: the persona limit and the initial risk score.
INSERT INTO personas (id, user_id, name, status, demographics, personality, backstory, primary_location, timezone,
                      language_preferences, activity_schedule, content_themes, engagement_style, created_at,
                      updated_at)
SELECT id, user_id, first_name || ' ' || last_name, status,
       jsonb_build_object('age', 19 + (pidx * 7) % 30, 'gender', CASE WHEN pidx % 2 = 0 THEN 'female' ELSE 'male' END,
                          'location', location,
                          'occupation', (ARRAY['barista', 'nurse', 'student', 'graphic designer', 'call center agent',
                                               'teacher', 'software developer', 'small business owner'])[1 + pidx % 8]),
       jsonb_build_object('interests', to_jsonb(topics), 'values', '["family", "honesty", "humor"]'::jsonb,
                          'communication_style', (ARRAY['warm and chatty', 'dry humor, short sentences',
                                                        'earnest and encouraging'])[1 + pidx % 3]),
       format('Grew up in %s; talks about %s and %s with friends online.', location, topics[1], topics[2]),
       location, tz, '["en", "fil"]',
       jsonb_build_object('posting_times',
                          (SELECT jsonb_object_agg(d, jsonb_build_array(pg_temp.hhmm(local_mid0), pg_temp.hhmm(local_mid1)))
                           FROM unnest(ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
                                             'sunday']) d),
                          'posts_per_day', 2),
       jsonb_build_object('topics', to_jsonb(topics), 'hashtags', to_jsonb(hashtags), 'style', 'casual Taglish'),
       jsonb_build_object('comment_frequency', (ARRAY['low', 'medium', 'high'])[1 + pidx % 3],
                          'interaction_patterns', '["replies to friends", "likes in the evening"]'::jsonb),
       now() - interval '210 days' + pidx * interval '1 hour', now() - interval '2 days'
FROM gen_personas ORDER BY pidx;

-- One proxy per persona, plus a spare ('available') and one in 'maintenance' per user.
-- Profiles drive the check history: the 2nd proxy is slow, the 3rd flaky and failing now,
-- the maintenance one down for the last two days.
CREATE TEMP TABLE gen_proxies ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, u.uidx, u.id AS user_id, k, p.id AS persona_id, p.location AS persona_location,
       CASE WHEN k <= u.n_personas THEN 'assigned' WHEN k = u.n_personas + 1 THEN 'available' ELSE 'maintenance' END
           AS assignment_status,
       CASE WHEN k = u.n_personas + 2 THEN 'down' WHEN k = 2 THEN 'slow' WHEN k = 3 THEN 'flaky' ELSE 'good' END
           AS profile,
       'pxc-' || (100000 + u.uidx * 1000 + k) AS proxy_id,
       (ARRAY['203.0.113.', '198.51.100.', '192.0.2.'])[1 + (row_number() OVER (ORDER BY u.uidx, k) - 1)::integer / 254 % 3]
           || (1 + (row_number() OVER (ORDER BY u.uidx, k) - 1) % 254) AS proxy_ip
FROM gen_users u
CROSS JOIN generate_series(1, u.n_personas + 2) k
LEFT JOIN gen_personas p ON p.uidx = u.uidx AND p.j = k;

INSERT INTO proxy_assignments (id, user_id, proxy_id, proxy_ip, proxy_port, proxy_username, proxy_password_encrypted,
                               country_code, city, isp_name, assignment_status, assigned_persona_id, assigned_at,
                               health_status, monthly_bandwidth_gb, monthly_requests, monthly_cost_usd, created_at,
                               updated_at)
SELECT x.id, x.user_id, x.proxy_id, x.proxy_ip, (ARRAY[8080, 3128, 1080])[1 + x.k % 3], 'pcuser' || (4000 + x.uidx * 100 + x.k),
       'dev-data: not a ciphertext', 'PH',
       coalesce(x.persona_location, 'Manila'), (ARRAY['PLDT', 'Globe Telecom', 'Converge ICT'])[1 + x.k % 3],
       x.assignment_status, x.persona_id,
       CASE WHEN x.persona_id IS NOT NULL THEN now() - interval '205 days' + x.k * interval '1 hour' END,
       'unknown', round((2 + random() * 38)::numeric, 2), (5000 + random() * 95000)::integer,
       CASE WHEN x.k % 5 = 0 THEN 2.50 ELSE 1.27 END,
       now() - interval '206 days' + x.k * interval '1 hour', now() - interval '1 day'
FROM gen_proxies x ORDER BY x.uidx, x.k;

\echo proxy health checks (every 5 minutes for 30 days) …
INSERT INTO proxy_health_checks (proxy_assignment_id, checked_at, health_status, response_time_ms, error)
SELECT id, checked_at, status,
       CASE status WHEN 'healthy' THEN 120 + (r2 * 600)::integer WHEN 'degraded' THEN 1000 + (r2 * 1800)::integer END,
       CASE WHEN status = 'failed' THEN (ARRAY['connect: connection timed out after 3000 ms',
                                                'connect: connection refused',
                                                'CONNECT answered 502 Bad Gateway'])[1 + (r2 * 3)::integer % 3] END
FROM (
    SELECT c.id, c.checked_at, c.r2,
           CASE WHEN c.profile = 'down' AND c.checked_at > now() - interval '2 days' THEN 'failed'
                WHEN c.profile = 'flaky' AND c.checked_at > now() - interval '16 minutes' THEN 'failed'
                WHEN c.r1 < CASE c.profile WHEN 'flaky' THEN 0.08 ELSE 0.003 END THEN 'failed'
                WHEN c.r1 > CASE c.profile WHEN 'slow' THEN 0.60 ELSE 0.98 END THEN 'degraded'
                ELSE 'healthy' END AS status
    FROM (SELECT x.id, x.profile, now() - interval '30 days' + i * interval '5 minutes'
                     - (random() * 20) * interval '1 second' AS checked_at,
                 random() AS r1, random() AS r2
          FROM gen_proxies x, generate_series(1, 30 * 24 * 12) i) c
) s
ORDER BY checked_at;

-- What each check round leaves on the proxy (db/queries/proxies/record_health.sql).
UPDATE proxy_assignments x SET health_status = l.health_status, response_time_ms = l.response_time_ms,
    last_health_check = l.checked_at, uptime_percentage = st.uptime
FROM (SELECT DISTINCT ON (proxy_assignment_id) proxy_assignment_id, health_status, response_time_ms, checked_at
      FROM proxy_health_checks c JOIN gen_proxies g ON g.id = c.proxy_assignment_id
      ORDER BY proxy_assignment_id, checked_at DESC) l,
     (SELECT proxy_assignment_id,
             round(100.0 * count(*) FILTER (WHERE c.health_status <> 'failed') / count(*), 2) AS uptime
      FROM proxy_health_checks c JOIN gen_proxies g ON g.id = c.proxy_assignment_id
      GROUP BY proxy_assignment_id) st
WHERE x.id = l.proxy_assignment_id AND x.id = st.proxy_assignment_id;

-- The persona's copy of its proxy (db/queries/personas/set_proxy.sql, set_proxy_status.sql).
UPDATE personas p SET proxy_id = x.proxy_id, proxy_ip = x.proxy_ip, proxy_location = x.city,
    proxy_status = CASE WHEN x.health_status = 'failed' THEN 'error' ELSE 'active' END
FROM proxy_assignments x JOIN gen_proxies g ON g.id = x.id
WHERE x.assigned_persona_id = p.id;

\echo platform accounts, templates …
CREATE TEMP TABLE gen_accounts ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, (row_number() OVER (ORDER BY p.pidx, a.ord) - 1)::integer AS aidx, a.ord,
       p.pidx, p.id AS persona_id, p.user_id, p.uidx, p.status AS persona_status, p.first_name, p.last_name,
       p.location, p.tz, p.topics, p.hashtags, p.off0, p.len0, p.off1, p.len1, p.local_mid0, p.local_mid1, a.platform,
       CASE a.platform WHEN 'twitter' THEN 10 WHEN 'instagram' THEN 5 WHEN 'tiktok' THEN 4 ELSE 3 END AS daily_limit
FROM gen_personas p, unnest(p.platforms) WITH ORDINALITY a(platform, ord);

INSERT INTO platform_accounts (id, persona_id, user_id, platform_type, username, display_name, bio, profile_image_url,
                               credentials_encrypted, auth_tokens_encrypted, account_status, verification_level,
                               follower_count, following_count, platform_settings, posting_schedule,
                               daily_post_limit, daily_posts_count, cooldown_until, warning_count, created_at,
                               updated_at, last_login, is_active)
SELECT id, persona_id, user_id, platform,
       lower(first_name) || CASE platform WHEN 'tiktok' THEN '_' ELSE '.' END
           || lower(replace(last_name, ' ', '')) || pidx,
       first_name || ' ' || last_name,
       format('%s | %s | %s', location, topics[1], topics[2]),
       'https://cdn.example.com/avatars/' || id || '.jpg',
       'dev-data: not a ciphertext', NULL,
       CASE WHEN persona_status = 'suspended' AND ord = 1 THEN 'suspended'
            WHEN aidx % 11 = 5 THEN 'pending' ELSE 'verified' END,
       CASE WHEN platform = 'linkedin' THEN 'business' WHEN aidx % 13 = 0 THEN 'verified' ELSE 'basic' END,
       (150 + random() * 25000)::integer, (80 + random() * 900)::integer,
       jsonb_build_object('min_spacing_minutes', 60, 'auto_hashtags', platform <> 'linkedin'),
       jsonb_build_object('preferred_local_times',
                          jsonb_build_array(pg_temp.hhmm(local_mid0), pg_temp.hhmm(local_mid1))),
       daily_limit, 0,
       CASE WHEN aidx % 17 = 4 THEN now() + interval '20 hours' END,
       CASE WHEN persona_status = 'suspended' THEN 2 WHEN aidx % 7 = 3 THEN 1 ELSE 0 END,
       now() - interval '205 days' + aidx * interval '10 minutes', now() - interval '1 day',
       now() - (random() * 72) * interval '1 hour', true
FROM gen_accounts ORDER BY aidx;

-- Templates per docs/templates-and-proxies.md (placeholders, personalization_rules,
-- hashtag_strategy). The first two suit every platform, so every account can use one.
CREATE TEMP TABLE gen_templates ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, u.uidx, u.id AS user_id, t.ord, t.name, t.content_type, t.template_text,
       t.platforms, t.ord = 6 AS retired
FROM gen_users u
CROSS JOIN (VALUES
    (1, 'Question of the day', 'text', 'Quick question: {{theme}} — overrated or underrated?',
     '["twitter", "instagram", "tiktok", "linkedin"]'::jsonb),
    (2, 'Rainy day', 'text', 'Maulan na naman sa {{persona.primary_location}}. Perfect weather for {{theme}}.',
     '["twitter", "instagram", "tiktok", "linkedin"]'),
    (3, 'Morning greeting', 'text', 'Magandang umaga from {{persona.primary_location}}! Starting the day with {{theme}}.',
     '["twitter", "instagram", "linkedin"]'),
    (4, 'Food find', 'image', 'Found the best {{theme}} spot in {{persona.primary_location}} today. Sulit!',
     '["instagram", "tiktok", "twitter"]'),
    (5, 'Career tip', 'text', 'One thing I learned this week about {{theme}}: start small, stay consistent.',
     '["linkedin", "twitter"]'),
    (6, 'Throwback', 'carousel', 'Throwback to {{theme}} in {{persona.primary_location}}. Miss ko na!', '["instagram"]'),
    (7, 'Short video hook', 'video', 'POV: you try {{theme}} for the first time', '["tiktok", "instagram"]'),
    (8, 'Event shout-out', 'image', 'See you at the {{theme}} meetup in {{persona.primary_location}} this Saturday!',
     '["twitter", "instagram", "linkedin"]'),
    (9, 'Weekend plans', 'text', 'Weekend plans: {{theme}} and a long merienda. Kayo?', '["twitter", "instagram"]'),
    (10, 'Budget pick', 'image', '{{persona.name}} recommends: {{theme}} essentials under ₱500.',
     '["instagram", "tiktok"]')
) t(ord, name, content_type, template_text, platforms)
WHERE t.ord <= LEAST(10, 6 + u.n_personas / 2);

INSERT INTO content_templates (id, user_id, template_name, content_type, template_text, media_urls, media_metadata,
                               target_platforms, target_personas, personalization_rules, hashtag_strategy,
                               timing_rules, created_at, updated_at, is_active)
SELECT t.id, t.user_id, t.name, t.content_type, t.template_text,
       CASE WHEN t.content_type = 'text' THEN '[]'::jsonb
            ELSE jsonb_build_array('https://cdn.example.com/media/' || t.id || '.jpg') END,
       CASE WHEN t.content_type = 'text' THEN '{}'::jsonb
            ELSE '{"width": 1080, "height": 1350, "alt": "photo for the post"}'::jsonb END,
       t.platforms,
       CASE WHEN t.ord % 3 = 0
            THEN (SELECT jsonb_agg(p.id ORDER BY p.pidx) FROM gen_personas p WHERE p.user_id = t.user_id AND p.j <= 2)
            ELSE '[]'::jsonb END,
       CASE WHEN t.ord % 2 = 0
            THEN '{"replace": {"coffee": "kape"}, "platforms": {"instagram": {"suffix": "Link in bio."}}}'::jsonb
            ELSE '{}'::jsonb END,
       CASE WHEN t.ord % 2 = 1
            THEN '{"default": {"fixed": ["#PinoyPride"], "include_persona_hashtags": true, "max": 5}, "twitter": {"max": 2}}'::jsonb
            ELSE '{}'::jsonb END,
       '{"preferred_slots": ["morning", "evening"]}', now() - interval '200 days' + t.ord * interval '1 day',
       now() - interval '20 days', NOT t.retired
FROM gen_templates t ORDER BY t.uidx, t.ord;

\echo work sessions …
-- The sessions of the last 30 days (retention removes ended ones after 30 days), two a
-- day per active persona, in its windows; the one under way now is live.
CREATE TEMP TABLE gen_sessions ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, s.*,
       CASE WHEN s.window_end > now() THEN 'active' WHEN s.r < 0.04 THEN 'error' ELSE 'ended' END AS status,
       CASE WHEN s.window_end > now() THEN NULL WHEN s.r < 0.04 THEN 'error'
            WHEN s.r < 0.14 AND s.window_end + interval '2 hours' < now() THEN 'idle_timeout' ELSE 'manual' END
           AS end_reason
FROM (
    SELECT p.pidx, p.id AS persona_id, p.user_id, p.platforms, d.day, w.slot,
           d.day + w.off * interval '1 minute' AS started_at,
           d.day + (w.off + w.len) * interval '1 minute' AS window_end, random() AS r
    FROM gen_personas p
    CROSS JOIN generate_series(date_trunc('day', now()) - interval '31 days', date_trunc('day', now()), interval '1 day') d(day)
    CROSS JOIN LATERAL (VALUES (0, p.off0, p.len0), (1, p.off1, p.len1)) w(slot, off, len)
    WHERE p.status = 'active'
) s
WHERE s.started_at >= now() - interval '30 days' AND s.started_at <= now();
ANALYZE gen_sessions;

INSERT INTO persona_sessions (id, persona_id, user_id, session_status, proxy_id, proxy_connected_at,
                              proxy_disconnected_at, active_platforms, platform_sessions, actions_performed,
                              content_posted, errors_encountered, started_at, ended_at, duration_minutes,
                              suspicious_activity_detected, risk_events, last_activity_at, end_reason, error_message,
                              updated_at)
SELECT s.id, s.persona_id, s.user_id, s.status, x.id, CASE WHEN x.id IS NOT NULL THEN s.started_at END,
       CASE WHEN x.id IS NOT NULL AND e.ended_at IS NOT NULL THEN e.ended_at END,
       to_jsonb(s.platforms), '{}', 0, 0,
       CASE WHEN s.status = 'error' THEN 1 WHEN s.r > 0.95 THEN 1 ELSE 0 END,
       s.started_at, e.ended_at, floor(extract(epoch FROM e.ended_at - s.started_at) / 60)::integer,
       s.r > 0.98, '[]', s.started_at, s.end_reason,
       CASE WHEN s.status = 'error' THEN 'proxy connection lost' END, coalesce(e.ended_at, now())
FROM gen_sessions s
LEFT JOIN proxy_assignments x ON x.assigned_persona_id = s.persona_id
CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'active' THEN NULL
                                WHEN s.end_reason = 'idle_timeout' THEN s.window_end + interval '2 hours'
                                ELSE s.window_end END AS ended_at) e
ORDER BY s.started_at;

\echo activity_logs: :activity_rows rows over 180 days …
SELECT persona_ensure_activity_partitions((now() - interval '183 days')::date, 9) \g /dev/null
-- Row n belongs to persona n mod P; its time runs evenly from 180 days ago to now. One row
-- in 20 is a change made through the API (at that time); the others are the operator's
-- manual actions (POST /activity), placed inside the persona's session window of that day
-- and linked to the session when it still exists (the last 30 days).
-- Speed: the series is streamed (a set-returning function in the select list, not in FROM,
-- which would store all rows first); each layer ends in OFFSET 0 so that PostgreSQL computes
-- its columns once per row instead of inlining them into every use above; the rows arrive
-- in time order, so each index grows at its end, one monthly partition at a time (the
-- planner would rather sort them all for a merge join with the sessions: hash it is).
SET LOCAL enable_mergejoin = off;
-- History keeps the risk it was given; the manual-action counters (migration 0012) are
-- rebuilt from it in one pass below, instead of row by row — one transaction updating a
-- persona's counter row 40 000 times would walk ever longer version chains.
ALTER TABLE activity_logs DISABLE TRIGGER activity_logs_score_manual;
INSERT INTO activity_logs (user_id, persona_id, session_id, activity_type, platform_type, activity_data, ip_address,
                           user_agent, location_data, risk_level, anomaly_score, gdpr_category, retention_until,
                           created_at, source)
SELECT c.user_id, c.persona_id, s.id,
       CASE WHEN c.api THEN (ARRAY['persona_update', 'post_create', 'post_publish', 'post_engagement',
                                   'account_update', 'template_update', 'session_start', 'session_end', 'login',
                                   'proxy_update', 'security_event_resolve', 'logout'])[1 + (c.n / 20) % 12]
            ELSE (ARRAY['like', 'like', 'like', 'like', 'like', 'like', 'like', 'like', 'like', 'like', 'like',
                        'like', 'like', 'like', 'comment', 'comment', 'comment', 'comment', 'comment', 'comment',
                        'follow', 'follow', 'follow', 'follow', 'story_view', 'story_view', 'story_view',
                        'story_view', 'profile_visit', 'profile_visit', 'profile_visit', 'reply', 'reply',
                        'reply', 'share', 'share', 'save', 'direct_message', 'unfollow', 'other'])
                     [1 + floor(c.r1 * 40)::integer] END,
       CASE WHEN c.api AND (c.n / 20) % 12 NOT IN (1, 2, 3, 4) THEN NULL
            ELSE c.platforms[1 + floor(c.r2 * cardinality(c.platforms))::integer] END,
       CASE WHEN c.api THEN (ARRAY['{"fields": ["backstory"]}', '{"fields": ["final_content", "scheduled_for"]}',
                                   '{"fields": ["published_manually_at", "platform_post_id"]}',
                                   '{"window": "daily"}', '{"fields": ["bio", "follower_count"]}',
                                   '{"fields": ["template_text"]}', '{"platforms": ["instagram"]}',
                                   '{"reason": "manual"}', '{}', '{"fields": ["city"]}',
                                   '{"event_type": "limit_hit"}', '{}'])[1 + (c.n / 20) % 12]::jsonb
            ELSE jsonb_build_object('target',
                                    '@' || (ARRAY['kapitbahay.ni.juan', 'mnl_eats', 'cebu.daily', 'tita.lits',
                                                  'kape.tayo', 'baguio.breeze', 'davao.durian', 'pasig.runners',
                                                  'iloilo.foodie', 'qc.bookworm'])[1 + c.n % 10]) END,
       CASE WHEN c.r3 < 0.85 THEN c.ip ELSE c.ip_mobile END, c.ua, c.loc,
       CASE WHEN c.score < 0.3 THEN 'low' WHEN c.score < 0.6 THEN 'medium' WHEN c.score < 0.9 THEN 'high'
            ELSE 'critical' END,
       c.score, CASE WHEN c.api THEN 'performance' ELSE 'functional' END,
       CASE WHEN c.r3 < 0.0005 THEN (c.created_at + interval '400 days')::date END, c.created_at,
       CASE WHEN c.api THEN 'system' ELSE 'manual' END
FROM (
    SELECT b.*,
           CASE WHEN b.api THEN b.nominal WHEN b.t0 > now() THEN b.t0 - interval '1 day' ELSE b.t0 END AS created_at,
           -- A window that has not come yet today: the same window the day before.
           CASE WHEN b.t0 > now() THEN b.day0 - interval '1 day' ELSE b.day0 END AS day,
           -- The anomaly rule of docs/activity.md: most actions at the usual rate score 0.
           CASE WHEN b.api OR b.r4 < 0.90 THEN 0
                WHEN b.r4 < 0.97 THEN round(((b.r4 - 0.90) / 0.07 * 0.2999)::numeric, 4)
                WHEN b.r4 < 0.99 THEN round((0.3 + (b.r4 - 0.97) / 0.02 * 0.2999)::numeric, 4)
                WHEN b.r4 < 0.998 THEN round((0.6 + (b.r4 - 0.99) / 0.008 * 0.2999)::numeric, 4)
                ELSE round((0.9 + (b.r4 - 0.998) / 0.002 * 0.1)::numeric, 4) END AS score
    FROM (
        SELECT a.*, a.day0 + (CASE a.slot WHEN 0 THEN p.off0 + a.frac * p.len0 ELSE p.off1 + a.frac * p.len1 END)
                             * interval '1 minute' AS t0,
               p.user_id, p.id AS persona_id, p.platforms, p.ip, p.ip_mobile, p.ua, p.loc
        FROM (
            SELECT g.*, CASE WHEN g.f < 0.6 THEN 0 ELSE 1 END AS slot,
                   CASE WHEN g.f < 0.6 THEN g.f / 0.6 ELSE (g.f - 0.6) / 0.4 END AS frac
            FROM (
                SELECT t.*, date_trunc('day', t.nominal) AS day0,
                       date_part('epoch', t.nominal - date_trunc('day', t.nominal)) / 86400 AS f
                FROM (
                    SELECT n, n % :n_personas AS pidx, n % 20 = 7 AS api,
                           now() - ((:activity_rows - 1 - n) / :activity_rows::float8) * interval '180 days' AS nominal,
                           random() AS r1, random() AS r2, random() AS r3, random() AS r4
                    FROM (SELECT generate_series(0, :activity_rows - 1) AS n) series
                ) t OFFSET 0
            ) g OFFSET 0
        ) a
        JOIN gen_personas p ON p.pidx = a.pidx
        OFFSET 0
    ) b OFFSET 0
) c
LEFT JOIN gen_sessions s ON NOT c.api AND s.pidx = c.pidx AND s.day = c.day AND s.slot = c.slot;
SET LOCAL enable_mergejoin = on;
ALTER TABLE activity_logs ENABLE TRIGGER activity_logs_score_manual;
SELECT persona_rebuild_action_rates() \g /dev/null

-- What recording those actions left on the sessions (the version trigger counts the change).
UPDATE persona_sessions ps SET actions_performed = c.actions, last_activity_at = c.last_at,
    session_status = CASE WHEN ps.session_status = 'active' AND c.last_at < now() - interval '10 minutes' THEN 'idle'
                          ELSE ps.session_status END
FROM (SELECT l.session_id, count(*) AS actions, max(l.created_at) AS last_at
      FROM activity_logs l JOIN gen_sessions g ON g.id = l.session_id
      WHERE l.created_at >= now() - interval '31 days'
      GROUP BY l.session_id) c
WHERE ps.id = c.session_id;

\echo manual posts …
-- Published posts: one every other day per account over ~175 days, in the persona's
-- session windows (linked to the session when it still exists); 60 % from a template.
CREATE TEMP TABLE gen_posts ON COMMIT DROP AS
SELECT q.*, s.id AS session_id,
       (SELECT t.id FROM gen_templates t
        WHERE t.user_id = q.user_id AND t.platforms ? q.platform AND q.r1 < 0.6
        ORDER BY random() LIMIT 1) AS template_id
FROM (
    SELECT r.*,
           r.day + (CASE r.slot WHEN 0 THEN r.off0 + r.len0 * (0.25 + 0.5 * r.r2)
                                ELSE r.off1 + r.len1 * (0.25 + 0.5 * r.r2) END) * interval '1 minute' AS published_at
    FROM (SELECT a.id AS account_id, a.aidx, a.persona_id, a.pidx, a.user_id, a.uidx, a.platform, a.first_name,
                 a.last_name, a.location, a.topics, a.hashtags, a.tz, a.off0, a.len0, a.off1, a.len1,
                 date_trunc('day', now()) - k * interval '1 day' AS day, (k + a.aidx) % 2 AS slot,
                 random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
          FROM gen_accounts a CROSS JOIN LATERAL generate_series(1 + a.aidx % 2, 175, 2) k) r
) q
LEFT JOIN gen_sessions s ON s.pidx = q.pidx AND s.day = q.day AND s.slot = q.slot
WHERE q.published_at <= now() - interval '2 hours';

-- A quarter were scheduled (drafted a day or more before, published when due), the rest
-- published at once; engagement checkpoints as captured so far.
INSERT INTO manual_posts (persona_id, platform_account_id, user_id, content_template_id, session_id,
                          creation_started_at, creation_completed_at, creation_time_minutes, final_content,
                          final_hashtags, final_media_urls, content_edits_from_template, published_manually_at,
                          platform_post_id, publishing_method, scheduled_for, immediate_engagement, daily_engagement,
                          weekly_engagement, authenticity_rating, user_satisfaction, improvement_notes,
                          template_effectiveness, manual_customization_level, created_at, updated_at)
SELECT persona_id, account_id, user_id, template_id, session_id,
       started_at, published_at, round(extract(epoch FROM published_at - started_at) / 60)::integer,
       replace(content0, '%s', location), post_hashtags, media, edits, published_at, post_id, method, scheduled_for,
       immediate, daily, weekly,
       round((0.85 + r3 * 0.15)::numeric, 2),
       CASE WHEN r4 < 0.3 THEN NULL WHEN r4 < 0.4 THEN 1 + (r4 * 10)::integer % 2 ELSE 3 + (r4 * 10)::integer % 3 END,
       CASE WHEN r4 > 0.85 THEN (ARRAY['post earlier, the evening crowd was gone', 'shorter caption next time',
                                       'the photo did the work', 'ask a question at the end'])[1 + (r4 * 40)::integer % 4] END,
       -- The weighted rate of the latest captured window (docs/engagement.md).
       (SELECT CASE WHEN (m ->> 'views')::integer > 0
                    THEN LEAST(999.99, round(100.0 * ((m ->> 'likes')::integer + 2 * (m ->> 'comments')::integer
                                                      + 3 * (m ->> 'shares')::integer + 2 * (m ->> 'saves')::integer)
                                             / (m ->> 'views')::integer, 2)) END
        FROM (SELECT coalesce(weekly -> 'metrics', daily -> 'metrics', immediate -> 'metrics') AS m) x),
       CASE WHEN template_id IS NULL THEN 'high' WHEN ratio < 0.2 THEN 'low' WHEN ratio < 0.5 THEN 'medium'
            ELSE 'high' END,
       started_at,
       greatest(published_at, (SELECT max((w ->> 'captured_at')::timestamptz) FROM unnest(ARRAY[immediate, daily, weekly]) w))
FROM (
    SELECT b.*,
           CASE WHEN b.method = 'scheduled_manual' THEN b.published_at - (1 + b.r3 * 2) * interval '1 day'
                ELSE b.published_at - (5 + b.r3 * 40) * interval '1 minute' END AS started_at,
           CASE WHEN b.template_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(
               'operations', jsonb_build_array(jsonb_build_object('op', 'keep', 'text', b.rendered))
                   || CASE WHEN b.inserted > 0 THEN jsonb_build_array(jsonb_build_object('op', 'insert', 'text', b.extra))
                           ELSE '[]'::jsonb END,
               'words_kept', b.kept, 'words_deleted', 0, 'words_inserted', b.inserted,
               'change_ratio', round(b.ratio::numeric, 2)) END AS edits,
           CASE WHEN b.template_id IS NULL
                THEN (ARRAY['Traffic on EDSA again. Podcast recommendations, anyone?',
                            'Sunday market run in %s. Ang sarap ng taho today!',
                            'Finally tried the new merienda spot in %s. Worth the wait.',
                            'Late night thoughts: %s deserves more love.',
                            'Sunset walk in %s. Grateful for days like this.',
                            'Anyone else counting the days to payday? Asking for a friend.',
                            'Small win today: a whole week of early mornings.',
                            'Merienda break. Turon or banana cue?'])[1 + (b.r5 * 80)::integer % 8]
                ELSE b.rendered || CASE WHEN b.inserted > 0 THEN ' ' || b.extra ELSE '' END END AS content0,
           pg_temp.checkpoint(b.published_at, interval '1 hour', interval '30 minutes', 0.15, b.views, b.like_rate,
                              b.r1) AS immediate,
           pg_temp.checkpoint(b.published_at, interval '24 hours', interval '12 hours', 0.7, b.views, b.like_rate,
                              b.r2) AS daily,
           pg_temp.checkpoint(b.published_at, interval '7 days', interval '3 days', 1.0, b.views, b.like_rate,
                              b.r6) AS weekly
    FROM (
        SELECT p.*,
               CASE WHEN p.r6 < 0.25 THEN 'scheduled_manual' ELSE 'manual' END AS method,
               CASE WHEN p.r6 < 0.25 THEN p.published_at - (p.r6 * 20) * interval '1 minute' END AS scheduled_for,
               jsonb_build_array(p.hashtags[1], p.hashtags[2]) AS post_hashtags,
               CASE WHEN p.platform IN ('instagram', 'tiktok')
                    THEN jsonb_build_array('https://cdn.example.com/media/' || gen_random_uuid() || '.jpg')
                    ELSE '[]'::jsonb END AS media,
               CASE p.platform WHEN 'instagram' THEN 'C' || upper(substr(md5(random()::text), 1, 10))
                               WHEN 'linkedin' THEN 'urn:li:share:' || (7000000000000000000 + floor(random() * 1e18))::bigint
                               ELSE ((7000000000000000000 + floor(random() * 1e18))::bigint)::text END AS post_id,
               replace(replace(replace(t.template_text, '{{persona.primary_location}}', p.location),
                               '{{persona.name}}', p.first_name || ' ' || p.last_name),
                       '{{theme}}', p.topics[1 + (p.r5 * 30)::integer % 3]) AS rendered,
               CASE WHEN p.r5 < 0.5 THEN 0 ELSE 2 + (p.r5 * 10)::integer % 5 END AS inserted,
               (ARRAY['Tara na!', 'Sino sasama?', 'Grabe talaga.', 'Kayo ba?', 'Salamat sa lahat!'])[1 + (p.r4 * 50)::integer % 5]
                   AS extra,
               12 AS kept,
               (CASE WHEN p.r5 < 0.5 THEN 0 ELSE 2 + (p.r5 * 10)::integer % 5 END)::float8
                   / (24 + CASE WHEN p.r5 < 0.5 THEN 0 ELSE 2 + (p.r5 * 10)::integer % 5 END) AS ratio,
               (CASE p.platform WHEN 'tiktok' THEN 1000 + p.r2 * 40000 WHEN 'instagram' THEN 500 + p.r2 * 8000
                                WHEN 'twitter' THEN 300 + p.r2 * 3000 ELSE 200 + p.r2 * 2000 END)::integer AS views,
               0.003 + p.r3 * p.r3 * 0.04 AS like_rate  -- skewed low: about half the posts reach 2 %
        FROM gen_posts p LEFT JOIN gen_templates t ON t.id = p.template_id
    ) b
) c
ORDER BY published_at;

-- Planned and unfinished work: two posts scheduled per account of an active persona in its
-- next windows, one post already due but not published per user, and a few drafts.
INSERT INTO manual_posts (persona_id, platform_account_id, user_id, content_template_id, creation_started_at,
                          final_content, final_hashtags, publishing_method, scheduled_for, manual_customization_level,
                          created_at, updated_at)
SELECT a.persona_id, a.id, a.user_id, NULL, now() - (2 + k * 5) * interval '1 hour',
       format('Coming up: %s notes from %s.', a.topics[k], a.location), jsonb_build_array(a.hashtags[1]),
       'scheduled_manual',
       date_trunc('day', now()) + k * interval '1 day'
           + (CASE k WHEN 1 THEN a.off0 + a.len0 / 2 ELSE a.off1 + a.len1 / 2 END) * interval '1 minute',
       'high', now() - (2 + k * 5) * interval '1 hour', now() - (2 + k * 5) * interval '1 hour'
FROM gen_accounts a CROSS JOIN generate_series(1, 2) k
WHERE a.persona_status = 'active';

INSERT INTO manual_posts (persona_id, platform_account_id, user_id, creation_started_at, final_content,
                          publishing_method, scheduled_for, created_at, updated_at)
SELECT DISTINCT ON (a.uidx) a.persona_id, a.id, a.user_id, now() - interval '1 day',
       'Reminder: post the ' || a.topics[1] || ' photos today.', 'scheduled_manual', now() - interval '20 minutes',
       now() - interval '1 day', now() - interval '1 day'
FROM gen_accounts a WHERE a.persona_status = 'active' ORDER BY a.uidx, a.aidx;

INSERT INTO manual_posts (persona_id, platform_account_id, user_id, creation_started_at, final_content,
                          publishing_method, created_at, updated_at)
SELECT a.persona_id, a.id, a.user_id, now() - (a.aidx % 48) * interval '1 hour',
       'Draft: ' || a.topics[2] || ' ideas for next week', 'manual',
       now() - (a.aidx % 48) * interval '1 hour', now() - (a.aidx % 48) * interval '1 hour'
FROM gen_accounts a WHERE a.aidx % 2 = 0;

-- The counters publishing keeps (docs/engagement.md): posts per persona, per template and
-- per session, the account's last post and its count for the persona-local day of it.
UPDATE personas p SET total_posts = c.n
FROM (SELECT m.persona_id, count(*) AS n FROM manual_posts m JOIN gen_personas g ON g.id = m.persona_id
      WHERE m.published_manually_at IS NOT NULL GROUP BY m.persona_id) c
WHERE p.id = c.persona_id;

UPDATE platform_accounts a SET last_post_at = c.last_at, daily_count_date = c.local_day, daily_posts_count = c.n
FROM (SELECT DISTINCT ON (m.platform_account_id) m.platform_account_id,
             max(m.published_manually_at) AS last_at, (m.published_manually_at AT TIME ZONE g.tz)::date AS local_day,
             count(*) AS n
      FROM manual_posts m JOIN gen_accounts g ON g.id = m.platform_account_id
      WHERE m.published_manually_at IS NOT NULL
      GROUP BY m.platform_account_id, (m.published_manually_at AT TIME ZONE g.tz)::date
      ORDER BY m.platform_account_id, (m.published_manually_at AT TIME ZONE g.tz)::date DESC) c
WHERE a.id = c.platform_account_id;

UPDATE content_templates t SET usage_count = c.used,
    success_rate = coalesce(round(100.0 * c.good / NULLIF(c.measured, 0), 2), 0)
FROM (SELECT m.content_template_id, count(*) AS used,
             count(m.template_effectiveness) AS measured,
             count(*) FILTER (WHERE m.template_effectiveness >= 2.00) AS good
      FROM manual_posts m JOIN gen_templates g ON g.id = m.content_template_id
      WHERE m.published_manually_at IS NOT NULL GROUP BY m.content_template_id) c
WHERE t.id = c.content_template_id;

UPDATE persona_sessions s SET content_posted = c.n
FROM (SELECT m.session_id, count(*) AS n FROM manual_posts m JOIN gen_sessions g ON g.id = m.session_id
      GROUP BY m.session_id) c
WHERE s.id = c.session_id;

UPDATE personas p SET last_active = c.last_at
FROM (SELECT l.persona_id, max(l.created_at) AS last_at
      FROM activity_logs l JOIN gen_personas g ON g.id = l.persona_id
      WHERE l.created_at > now() - interval '3 days' GROUP BY l.persona_id) c
WHERE p.id = c.persona_id;

\echo security events …
-- A year of them (their retention): failed logins (some for unknown emails, so no user),
-- lockouts, throttling, password changes; per persona, anomaly warnings, limit hits and the
-- failing proxy. Older ones are mostly resolved by their user; recent ones are open, and
-- through the risk triggers they raise the personas' scores.
CREATE TEMP TABLE gen_events ON COMMIT DROP AS
SELECT u.id AS user_id, NULL::uuid AS persona_id, NULL::uuid AS account_id, u.id AS owner,
       e.event_type, e.severity, e.description, e.data, e.actions,
       CASE WHEN e.from_operator THEN u.ip ELSE '203.0.113.' || (1 + (i * 37) % 254) END AS source_ip,
       NULL::text AS proxy_ip, CASE WHEN e.from_operator THEN u.ua ELSE 'python-requests/2.31' END AS user_agent,
       now() - (i * e.every_days + random() * e.every_days) * interval '1 day' AS created_at
FROM gen_users u
CROSS JOIN (VALUES
    ('login_failure', 'warning', 'login failed: wrong password', '{"reason": "wrong password"}'::jsonb, '[]'::jsonb,
     true, 5.0, 72),
    ('login_failure', 'warning', 'login failed: wrong password', '{"reason": "wrong password"}', '[]', false, 12.0, 30),
    ('account_lockout', 'error', 'account locked: 5 failed logins in 15 minutes', '{"failures": 5}',
     '["account_locked"]', false, 110.0, 3),
    ('rate_limit_hit', 'warning', 'login throttled: too many failures from this address', '{"retry_after_s": 540}',
     '[]', false, 60.0, 6),
    ('password_changed', 'info', 'password changed', '{}', '[]', true, 150.0, 2)
) e(event_type, severity, description, data, actions, from_operator, every_days, how_many)
CROSS JOIN LATERAL generate_series(0, e.how_many - 1) i
UNION ALL
-- Unknown emails: the event has no user (the API's answer is the same; the event says so).
SELECT NULL, NULL, NULL, u.id, 'login_failure', 'warning', 'login failed: unknown account',
       '{"reason": "unknown account"}', '[]', '203.0.113.' || (1 + (i * 53) % 254), NULL, 'curl/8.5.0',
       now() - (i * 18 + random() * 18) * interval '1 day'
FROM gen_users u CROSS JOIN generate_series(0, 19) i
UNION ALL
SELECT p.user_id, p.id, NULL, p.user_id, 'suspicious_activity', CASE WHEN i = 0 AND p.j % 3 = 0 THEN 'critical' ELSE 'warning' END,
       'manual actions far above the usual rate',
       jsonb_build_object('activity_type', 'like', 'platform', p.platforms[1],
                          'score', CASE WHEN i = 0 AND p.j % 3 = 0 THEN 0.95 ELSE 0.74 END, 'last_hour', 41, 'usual', 5),
       '[]', u.ip, NULL, u.ua, now() - (3 + i * 40 + random() * 30) * interval '1 day'
FROM gen_personas p JOIN gen_users u ON u.uidx = p.uidx CROSS JOIN generate_series(0, 3) i
UNION ALL
SELECT a.user_id, a.persona_id, a.id, a.user_id, 'limit_hit', 'warning',
       'publishing refused: the daily post limit of ' || a.daily_limit || ' is reached',
       jsonb_build_object('code', 'daily_limit_reached', 'limit', 'daily_post_limit'), '[]', u.ip, NULL, u.ua,
       now() - (1 + i * 60 + random() * 50) * interval '1 day'
FROM gen_accounts a JOIN gen_users u ON u.uidx = a.uidx CROSS JOIN generate_series(0, 2) i
WHERE a.aidx % 3 = 0
UNION ALL
-- db/queries/proxies/failure_event.sql: raised when a proxy starts failing.
SELECT x.user_id, x.persona_id, NULL, x.user_id, 'proxy_failure', 'error',
       'proxy ' || x.proxy_id || ' started failing its health checks',
       jsonb_build_object('proxy', x.id, 'error', 'connect: connection timed out after 3000 ms'), '[]', NULL,
       x.proxy_ip, NULL, c.first_failed
FROM gen_proxies x
CROSS JOIN LATERAL (SELECT min(checked_at) AS first_failed FROM proxy_health_checks
                    WHERE proxy_assignment_id = x.id AND checked_at > now() - interval '2 days'
                      AND health_status = 'failed') c
WHERE x.profile IN ('flaky', 'down') AND c.first_failed IS NOT NULL;

INSERT INTO security_events (event_type, severity, user_id, persona_id, platform_account_id, event_description,
                             event_data, source_ip, proxy_ip, user_agent, actions_taken, resolved, resolved_at,
                             resolved_by, created_at)
SELECT event_type, severity, user_id, persona_id, account_id, description, data, source_ip, proxy_ip, user_agent,
       actions, resolved, CASE WHEN resolved THEN created_at + interval '5 hours' END,
       CASE WHEN resolved THEN owner END, created_at
FROM (SELECT e.*, e.created_at < now() - interval '7 days' AND random() < 0.85 AND e.severity <> 'info' AS resolved
      FROM gen_events e) e
ORDER BY created_at;

\echo login sessions, API tokens, recovery codes, login attempts …
-- Per user: the browser session in use, one gone idle yesterday, one past its 7 days.
INSERT INTO auth_sessions (user_id, token_hash, created_at, last_seen_at, expires_at, ip_address, user_agent)
SELECT u.id, pg_temp.random_hash(), now() - s.age, now() - s.seen, now() - s.age + interval '7 days',
       CASE WHEN s.mobile THEN u.ip_mobile ELSE u.ip END, u.ua
FROM gen_users u
CROSS JOIN (VALUES (interval '2 hours', interval '3 minutes', false), (interval '3 days', interval '26 hours', true),
                   (interval '12 days', interval '9 days', false)) s(age, seen, mobile);

INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at)
SELECT u.id, t.name, pg_temp.random_hash(), now() - t.age, now() - t.used
FROM gen_users u
CROSS JOIN (VALUES ('nightly export script', interval '90 days', interval '9 hours'),
                   ('dashboard widget', interval '14 days', interval '4 minutes')) t(name, age, used);

-- Ten codes each, one used. The server keeps codes only while 2FA is on, but 2FA needs an
-- encrypted secret this script cannot write; enabling 2FA replaces these codes anyway.
INSERT INTO recovery_codes (user_id, code_hash, used_at)
SELECT u.id, pg_temp.random_hash(), CASE WHEN i = 1 THEN now() - interval '40 days' END
FROM gen_users u CROSS JOIN generate_series(1, 10) i;

-- The last 30 days (their retention): about two logins a day per user, a few typos, and
-- guesses at common addresses from elsewhere.
INSERT INTO login_attempts (email, source_ip, succeeded, attempted_at)
SELECT email, ip, ok, at FROM (
    SELECT u.email, CASE WHEN i % 4 = 0 THEN u.ip_mobile ELSE u.ip END AS ip, random() > 0.06 AS ok,
           now() - (i * 12 + random() * 10) * interval '1 hour' AS at
    FROM gen_users u CROSS JOIN generate_series(0, 59) i
    UNION ALL
    SELECT (ARRAY['admin@example.com', 'root@example.com', 'test@example.com'])[1 + i % 3],
           '203.0.113.' || (1 + (u.uidx * 31 + i * 7) % 254), false,
           now() - (i * 36 + random() * 30) * interval '1 hour'
    FROM gen_users u CROSS JOIN generate_series(0, 19) i
) a ORDER BY at;

UPDATE users x SET last_login = c.last_at
FROM (SELECT l.email, max(l.attempted_at) AS last_at FROM login_attempts l JOIN gen_users g ON g.email = l.email
      WHERE l.succeeded GROUP BY l.email) c
WHERE x.email = c.email;

-- The triggers kept every score; check that none was bypassed.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM personas p JOIN gen_personas g ON g.id = p.id
               WHERE p.risk_score IS DISTINCT FROM persona_risk_score(p.id)) THEN
        RAISE EXCEPTION 'a generated persona''s risk_score differs from persona_risk_score()';
    END IF;
END $$;

COMMIT;
ANALYZE;

-- What the database now holds (all users), table by table.
SELECT "table", "rows" FROM (
    SELECT 1 AS n, 'users' AS "table", count(*) AS "rows" FROM users
    UNION ALL SELECT 2, 'personas', count(*) FROM personas
    UNION ALL SELECT 3, 'platform_accounts', count(*) FROM platform_accounts
    UNION ALL SELECT 4, 'proxy_assignments', count(*) FROM proxy_assignments
    UNION ALL SELECT 5, 'proxy_health_checks', count(*) FROM proxy_health_checks
    UNION ALL SELECT 6, 'content_templates', count(*) FROM content_templates
    UNION ALL SELECT 7, 'manual_posts', count(*) FROM manual_posts
    UNION ALL SELECT 8, 'persona_sessions', count(*) FROM persona_sessions
    UNION ALL SELECT 9, 'activity_logs', count(*) FROM activity_logs
    UNION ALL SELECT 10, 'security_events', count(*) FROM security_events
    UNION ALL SELECT 11, 'auth_sessions', count(*) FROM auth_sessions
    UNION ALL SELECT 12, 'api_tokens', count(*) FROM api_tokens
    UNION ALL SELECT 13, 'recovery_codes', count(*) FROM recovery_codes
    UNION ALL SELECT 14, 'login_attempts', count(*) FROM login_attempts
) c ORDER BY n;
