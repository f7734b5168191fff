-- $2 is the validated body (app::ValidatePersona); absent optional members take the seed's defaults.
INSERT INTO personas (user_id, name, status, demographics, personality, backstory, primary_location, timezone,
                      language_preferences, activity_schedule, content_themes, engagement_style, created_at,
                      updated_at)
SELECT $1::uuid, b->>'name', COALESCE(b->>'status', 'inactive'), b->'demographics', b->'personality',
       b->>'backstory', b->>'primary_location', b->>'timezone', COALESCE(b->'language_preferences', '["en", "fil"]'),
       b->'activity_schedule', b->'content_themes', b->'engagement_style', $3::timestamptz, $3::timestamptz
FROM (SELECT $2::jsonb AS b) body
RETURNING id::text
