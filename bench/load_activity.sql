-- The activity rows of bench/load.sh, after bench/load_data.sql has planned them in
-- bench_load_streams:
--
--   psql -v month=YYYY-MM-01 -f bench/load_activity.sql    (one per month, in parallel)
--   psql -v attach=1 -f bench/load_activity.sql            (then once)
--
-- Speed (10 million rows in a few minutes): a month's rows go into a table of their own,
-- bench_load_YYYY_MM, which gets its keys and indexes only once it is full (built in bulk
-- instead of updating seven indexes row by row), the same as activity_logs' partitions
-- have; it is vacuumed, and only then attached as the month's partition, which finds
-- everything in place and checks nothing again. The months load in parallel sessions.
-- Rows written this way pass no trigger: the counters of migration 0012 are rebuilt at the
-- end (persona_rebuild_action_rates, when the schema has it).

\set ON_ERROR_STOP 1
\if :{?month}
SELECT set_config('bench.month', :'month', false) \g /dev/null
SELECT format('bench_load_%s', to_char(:'month'::date, 'YYYY_MM')) AS part \gset

BEGIN;
SET LOCAL TimeZone = 'UTC';
SET LOCAL maintenance_work_mem = '256MB';
DO $$
DECLARE
    month_start DATE := current_setting('bench.month')::date;
    lower_bound TIMESTAMPTZ := month_start::timestamp AT TIME ZONE 'UTC';
    upper_bound TIMESTAMPTZ := (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    part TEXT := format('bench_load_%s', to_char(month_start, 'YYYY_MM'));
    s RECORD;
    step DOUBLE PRECISION;
    n_lo BIGINT;
    n_hi BIGINT;
    def TEXT;
BEGIN
    -- The range CHECK lets ATTACH skip its scan of the rows.
    EXECUTE format('CREATE TABLE %I (LIKE activity_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS, '
                   'CONSTRAINT bench_range CHECK (created_at >= %L AND created_at < %L))',
                   part, lower_bound, upper_bound);
    FOR s IN SELECT * FROM bench_load_streams WHERE n_rows > 0 LOOP
        step := extract(epoch FROM s.t1 - s.t0) / s.n_rows;
        n_lo := GREATEST(0, floor(extract(epoch FROM lower_bound - s.t0) / step) - 1);
        n_hi := LEAST(s.n_rows - 1, ceil(extract(epoch FROM upper_bound - s.t0) / step) + 1);
        CONTINUE WHEN n_hi < n_lo;
        EXECUTE format($sql$
            INSERT INTO %I (user_id, persona_id, activity_type, platform_type, activity_data, ip_address, user_agent,
                            location_data, risk_level, anomaly_score, gdpr_category, source, created_at)
            SELECT $1, $2[1 + n %% cardinality($2)],
                   CASE WHEN api THEN (ARRAY['persona_update', 'post_create', 'post_publish', 'post_engagement',
                                             'account_update', 'template_update', 'session_start', 'session_end',
                                             'login', 'proxy_update'])[1 + n / 20 %% 10]
                        ELSE (ARRAY['like', 'like', 'like', 'like', 'like', 'like', 'like', 'like', 'like', 'like',
                                    'like', 'like', 'like', 'like', 'comment', 'comment', 'comment', 'comment',
                                    'comment', 'comment', 'follow', 'follow', 'follow', 'follow', 'story_view',
                                    'story_view', 'story_view', 'story_view', 'profile_visit', 'profile_visit',
                                    'profile_visit', 'reply', 'reply', 'reply', 'share', 'share', 'save',
                                    'direct_message', 'unfollow', 'other'])[1 + h %% 40] END,
                   CASE WHEN api AND n / 20 %% 10 NOT IN (1, 2, 3) THEN NULL
                        ELSE $3[1 + h / 40 %% cardinality($3)] END,
                   CASE WHEN api THEN '{"fields": ["backstory"]}'::jsonb
                        ELSE ('{"{\"target\": \"@kapitbahay.ni.juan\"}", "{\"target\": \"@mnl_eats\"}",
                                "{\"target\": \"@cebu.daily\"}", "{\"target\": \"@tita.lits\"}",
                                "{\"target\": \"@kape.tayo\"}", "{\"target\": \"@baguio.breeze\"}",
                                "{\"target\": \"@davao.durian\"}", "{\"target\": \"@pasig.runners\"}",
                                "{\"target\": \"@iloilo.foodie\"}", "{\"target\": \"@qc.bookworm\"}"}'::jsonb[])
                             [1 + h / 7 %% 10] END,
                   CASE WHEN h %% 7 = 0 THEN '198.51.100.20' ELSE '192.0.2.10' END,
                   'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
                   '{"city": "Quezon City", "country": "PH"}',
                   CASE WHEN api OR h %% 100 < 97 THEN 'low' ELSE 'medium' END,
                   CASE WHEN api OR h %% 100 < 97 THEN 0 ELSE 0.35 END,
                   CASE WHEN api THEN 'performance' ELSE 'functional' END,
                   CASE WHEN api THEN 'system' ELSE 'manual' END, at
            FROM (SELECT n, (n * 2654435761) %% 4294967296 / 97 AS h,
                         $4 > 0 AND n %% GREATEST($4, 1) = 0 AS api,
                         $5 + (n + 0.5) * $6 * interval '1 second' AS at
                  FROM generate_series($7::bigint, $8::bigint) n) g
            WHERE at >= $9 AND at < $10$sql$, part)
        USING s.user_id, s.personas, s.platforms, s.system_every, s.t0, step, n_lo, n_hi, lower_bound, upper_bound;
    END LOOP;
    -- activity_logs' primary key and indexes, built in bulk on the full table.
    FOR def IN SELECT pg_get_constraintdef(oid) FROM pg_constraint
               WHERE conrelid = 'activity_logs'::regclass AND contype IN ('p', 'u') LOOP
        EXECUTE format('ALTER TABLE %I ADD %s', part, def);
    END LOOP;
    FOR def IN SELECT regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+',
                                     'CREATE \1INDEX ON ' || quote_ident(part))
               FROM pg_index i
               WHERE i.indrelid = 'activity_logs'::regclass
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) LOOP
        EXECUTE def;
    END LOOP;
END $$;
COMMIT;

-- The foreign keys in a transaction of their own: adding one locks the referenced table
-- against the other sessions' until commit.
BEGIN;
DO $$
DECLARE
    part TEXT := format('bench_load_%s', to_char(current_setting('bench.month')::date, 'YYYY_MM'));
    def TEXT;
BEGIN
    FOR def IN SELECT pg_get_constraintdef(oid) FROM pg_constraint
               WHERE conrelid = 'activity_logs'::regclass AND contype = 'f' LOOP
        EXECUTE format('ALTER TABLE %I ADD %s', part, def);
    END LOOP;
END $$;
COMMIT;
VACUUM ANALYZE :"part";

\elif :{?attach}
BEGIN;
DO $$
DECLARE
    t RECORD;
    lower_bound TIMESTAMPTZ;
    upper_bound TIMESTAMPTZ;
    part TEXT;
    has_rows BOOLEAN;
BEGIN
    FOR t IN SELECT relname FROM pg_class WHERE relname LIKE 'bench\_load\_%' AND relkind = 'r'
             AND relname <> 'bench_load_streams' ORDER BY relname LOOP
        lower_bound := to_date(substr(t.relname, 12), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC';
        upper_bound := (to_date(substr(t.relname, 12), 'YYYY_MM') + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        part := 'activity_logs_' || substr(t.relname, 12);
        -- A partition made ahead of time (empty in a fresh database) makes way.
        IF to_regclass(part) IS NOT NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', part) INTO has_rows;
            IF has_rows THEN
                RAISE EXCEPTION 'partition % already holds rows: bench/load.sh needs a fresh database', part;
            END IF;
            EXECUTE format('ALTER TABLE activity_logs DETACH PARTITION %I', part);
            EXECUTE format('DROP TABLE %I', part);
        END IF;
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t.relname, part);
        EXECUTE format('ALTER TABLE activity_logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       part, lower_bound, upper_bound);
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT bench_range', part);
    END LOOP;
    -- The counters of migration 0012, for the rows that passed no trigger.
    IF to_regproc('persona_rebuild_action_rates') IS NOT NULL THEN
        PERFORM persona_rebuild_action_rates();
    END IF;
END $$;
DROP TABLE bench_load_streams;
COMMIT;
ANALYZE activity_logs;
\else
\warn 'usage: psql -v month=YYYY-MM-01 -f bench/load_activity.sql, or -v attach=1'
\quit
\endif
