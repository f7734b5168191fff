-- Issue 15: a manual action is scored against counters kept per persona, not by counting
-- its history (docs/activity.md). One row per persona holds two ring buffers: the actions
-- of each of the last 60 minutes (slot = epoch minute mod 60) and of the last 170 clock
-- hours (slot = epoch hour mod 170: the week before the last hour, and the one or two
-- hours the last hour spans). Each slot names the minute or hour it counts, so a slot
-- left from an earlier lap counts as empty.
CREATE TABLE persona_action_rates (
    persona_id    UUID PRIMARY KEY REFERENCES personas(id) ON DELETE CASCADE,
    minute_slots  BIGINT[]  NOT NULL DEFAULT array_fill(-1::bigint, ARRAY[60]),
    minute_counts INTEGER[] NOT NULL DEFAULT array_fill(0, ARRAY[60]),
    hour_slots    BIGINT[]  NOT NULL DEFAULT array_fill(-1::bigint, ARRAY[170]),
    hour_counts   INTEGER[] NOT NULL DEFAULT array_fill(0, ARRAY[170]),
    CONSTRAINT persona_action_rates_sizes CHECK (
        cardinality(minute_slots) = 60 AND cardinality(minute_counts) = 60 AND
        cardinality(hour_slots) = 170 AND cardinality(hour_counts) = 170)
);

-- The anomaly rule (docs/activity.md): the hourly average of the week before, at least 5
-- (a few likes in a row are ordinary); the ratio of the last hour to it; the score
-- (ratio - 1) / 9 clamped to 0..1 and rounded to 4 decimals; the level from the score.
CREATE FUNCTION persona_assess_burst(last_hour BIGINT, previous_week BIGINT,
                                     OUT anomaly_score NUMERIC, OUT risk_level TEXT)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.score,
           CASE WHEN s.score < 0.3 THEN 'low' WHEN s.score < 0.6 THEN 'medium'
                WHEN s.score < 0.9 THEN 'high' ELSE 'critical' END
    FROM (SELECT round(LEAST(1, GREATEST(0,
                     (last_hour / GREATEST(previous_week / 168.0, 5.0) - 1) / 9)), 4) AS score) s
$$;

-- Counts a manual action and scores it, before its row is written. The persona's counter
-- row is locked first: concurrent actions of one persona queue here, each counts the ones
-- committed before it, and the statements after the lock see their security events. The
-- lock lasts as long as the inserting statement's transaction: the API's insert is one
-- statement, committed at once. An action older than the counted window changes no slot.
-- A high action raises a suspicious_activity warning, a critical one a critical event,
-- once per level per hour while an earlier one is unresolved.
CREATE FUNCTION persona_score_manual_action() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    minute BIGINT := floor(extract(epoch FROM NEW.created_at) / 60);
    hour BIGINT := minute / 60;
    first_hour BIGINT := (minute - 59) / 60;  -- the hour the last hour begins in
    rates persona_action_rates%ROWTYPE;
    slot INTEGER;
    last_hour BIGINT := 0;
    previous_week BIGINT := 0;
    assessed RECORD;
    event_severity TEXT;
BEGIN
    SELECT * INTO rates FROM persona_action_rates WHERE persona_id = NEW.persona_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        INSERT INTO persona_action_rates (persona_id) VALUES (NEW.persona_id) ON CONFLICT DO NOTHING;
        SELECT * INTO rates FROM persona_action_rates WHERE persona_id = NEW.persona_id FOR NO KEY UPDATE;
    END IF;

    slot := minute % 60 + 1;
    IF rates.minute_slots[slot] = minute THEN
        rates.minute_counts[slot] := rates.minute_counts[slot] + 1;
    ELSIF rates.minute_slots[slot] < minute THEN
        rates.minute_slots[slot] := minute;
        rates.minute_counts[slot] := 1;
    END IF;
    slot := hour % 170 + 1;
    IF rates.hour_slots[slot] = hour THEN
        rates.hour_counts[slot] := rates.hour_counts[slot] + 1;
    ELSIF rates.hour_slots[slot] < hour THEN
        rates.hour_slots[slot] := hour;
        rates.hour_counts[slot] := 1;
    END IF;
    UPDATE persona_action_rates
    SET minute_slots = rates.minute_slots, minute_counts = rates.minute_counts,
        hour_slots = rates.hour_slots, hour_counts = rates.hour_counts
    WHERE persona_id = NEW.persona_id;

    -- The last hour: this minute and the 59 before it (this action included); the week:
    -- the 168 clock hours before the one the last hour begins in.
    FOR slot IN 1..60 LOOP
        IF rates.minute_slots[slot] > minute - 60 AND rates.minute_slots[slot] <= minute THEN
            last_hour := last_hour + rates.minute_counts[slot];
        END IF;
    END LOOP;
    FOR slot IN 1..170 LOOP
        IF rates.hour_slots[slot] >= first_hour - 168 AND rates.hour_slots[slot] < first_hour THEN
            previous_week := previous_week + rates.hour_counts[slot];
        END IF;
    END LOOP;

    assessed := persona_assess_burst(last_hour, previous_week);
    NEW.anomaly_score := assessed.anomaly_score;
    NEW.risk_level := assessed.risk_level;
    IF assessed.risk_level IN ('high', 'critical') THEN
        event_severity := CASE assessed.risk_level WHEN 'critical' THEN 'critical' ELSE 'warning' END;
        INSERT INTO security_events (event_type, severity, user_id, persona_id, event_description, event_data,
                                     source_ip, user_agent, created_at)
        SELECT 'suspicious_activity', event_severity, NEW.user_id, NEW.persona_id,
               'manual actions far above the persona''s usual rate (' || assessed.risk_level || ')',
               jsonb_build_object('activity_id', NEW.id, 'activity_type', NEW.activity_type,
                                  'platform_type', NEW.platform_type, 'anomaly_score', assessed.anomaly_score,
                                  'actions_last_hour', last_hour, 'actions_previous_week', previous_week),
               NEW.ip_address, NEW.user_agent, NEW.created_at
        WHERE NOT EXISTS (
            SELECT 1 FROM security_events e
            WHERE e.persona_id = NEW.persona_id AND e.event_type = 'suspicious_activity'
              AND NOT COALESCE(e.resolved, false) AND e.created_at > NEW.created_at - interval '1 hour'
              AND (e.severity = event_severity OR e.severity = 'critical'));
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER activity_logs_score_manual BEFORE INSERT ON activity_logs
    FOR EACH ROW WHEN (NEW.source = 'manual' AND NEW.persona_id IS NOT NULL)
    EXECUTE FUNCTION persona_score_manual_action();

-- Sets every persona's counters from the actions logged, as of now: here for the rows
-- logged before this migration, and for bulk loads that insert with the trigger disabled
-- (bench/load.sh).
CREATE FUNCTION persona_rebuild_action_rates() RETURNS void LANGUAGE sql AS $$
    DELETE FROM persona_action_rates;
    WITH minutes AS (
        SELECT persona_id, floor(extract(epoch FROM created_at) / 60)::bigint AS minute, count(*)::integer AS n
        FROM activity_logs
        WHERE source = 'manual' AND persona_id IS NOT NULL
          AND created_at > now() - interval '60 minutes' AND created_at <= now()
        GROUP BY 1, 2
    ), hours AS (
        SELECT persona_id, floor(extract(epoch FROM created_at) / 3600)::bigint AS hour, count(*)::integer AS n
        FROM activity_logs
        WHERE source = 'manual' AND persona_id IS NOT NULL
          AND created_at >= date_trunc('hour', now() - interval '59 minutes') - interval '168 hours'
          AND created_at <= now()
        GROUP BY 1, 2
    )
    INSERT INTO persona_action_rates (persona_id, minute_slots, minute_counts, hour_slots, hour_counts)
    SELECT p.id,
           ARRAY(SELECT COALESCE(m.minute, -1) FROM generate_series(0, 59) s
                 LEFT JOIN minutes m ON m.persona_id = p.id AND m.minute % 60 = s ORDER BY s),
           ARRAY(SELECT COALESCE(m.n, 0) FROM generate_series(0, 59) s
                 LEFT JOIN minutes m ON m.persona_id = p.id AND m.minute % 60 = s ORDER BY s),
           ARRAY(SELECT COALESCE(h.hour, -1) FROM generate_series(0, 169) s
                 LEFT JOIN hours h ON h.persona_id = p.id AND h.hour % 170 = s ORDER BY s),
           ARRAY(SELECT COALESCE(h.n, 0) FROM generate_series(0, 169) s
                 LEFT JOIN hours h ON h.persona_id = p.id AND h.hour % 170 = s ORDER BY s)
    FROM personas p;
$$;
SELECT persona_rebuild_action_rates();

-- The risk score's inputs, read on every change of them, by index rather than by every
-- row the persona ever had: its unresolved events and its last five sessions.
CREATE INDEX idx_security_events_persona_unresolved ON security_events(persona_id)
    WHERE NOT COALESCE(resolved, false);
CREATE INDEX idx_persona_sessions_persona_started ON persona_sessions(persona_id, started_at DESC);

-- The tier limit: a user without one (max_personas NULL) counts nothing, and the owner's
-- row is locked FOR NO KEY UPDATE, which still queues concurrent creates of one user but
-- not the KEY SHARE locks that every other row referencing the user takes.
CREATE OR REPLACE FUNCTION persona_enforce_max_personas() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    allowed INTEGER;
    existing INTEGER;
BEGIN
    SELECT max_personas INTO allowed FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
    IF allowed IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT count(*) INTO existing FROM personas WHERE user_id = NEW.user_id;
    IF existing >= allowed THEN
        RAISE EXCEPTION 'the persona limit of % is reached', allowed USING ERRCODE = 'PE001';
    END IF;
    RETURN NEW;
END
$$;
