-- $2 is the validated body (app::ValidatePersona); absent optional members take the seed's defaults.
-- One statement, committed on its own, with the persona_create row of the activity log
-- (the columns activity/insert.sql writes; a new persona has no session yet): the owner's
-- row that the max_personas trigger locks is held for no round trip.
WITH created AS (
    INSERT INTO personas (user_id, name, status, demographics, personality, backstory, primary_location, timezone,
                          language_preferences, activity_schedule, content_themes, engagement_style, created_at,
                          updated_at)
    SELECT $1::uuid, b->>'name', COALESCE(b->>'status', 'inactive'), b->'demographics', b->'personality',
           b->>'backstory', b->>'primary_location', b->>'timezone',
           COALESCE(b->'language_preferences', '["en", "fil"]'), b->'activity_schedule', b->'content_themes',
           b->'engagement_style', $3::timestamptz, $3::timestamptz
    FROM (SELECT $2::jsonb AS b) body
    RETURNING id
), logged AS (
    INSERT INTO activity_logs (user_id, persona_id, activity_type, activity_data, ip_address, user_agent,
                               gdpr_category, created_at)
    SELECT $1::uuid, id, 'persona_create', jsonb_build_object('persona_id', id::text), $4, $5, 'functional',
           $3::timestamptz
    FROM created
)
SELECT id::text FROM created
