-- $3 is the validated patch (app::ValidatePersona, partial): only its members change.
UPDATE personas p SET
    name = CASE WHEN b ? 'name' THEN b->>'name' ELSE p.name END,
    status = CASE WHEN b ? 'status' THEN b->>'status' ELSE p.status END,
    demographics = CASE WHEN b ? 'demographics' THEN b->'demographics' ELSE p.demographics END,
    personality = CASE WHEN b ? 'personality' THEN b->'personality' ELSE p.personality END,
    backstory = CASE WHEN b ? 'backstory' THEN b->>'backstory' ELSE p.backstory END,
    primary_location = CASE WHEN b ? 'primary_location' THEN b->>'primary_location' ELSE p.primary_location END,
    timezone = CASE WHEN b ? 'timezone' THEN b->>'timezone' ELSE p.timezone END,
    language_preferences = CASE WHEN b ? 'language_preferences' THEN b->'language_preferences'
                                ELSE p.language_preferences END,
    activity_schedule = CASE WHEN b ? 'activity_schedule' THEN b->'activity_schedule' ELSE p.activity_schedule END,
    content_themes = CASE WHEN b ? 'content_themes' THEN b->'content_themes' ELSE p.content_themes END,
    engagement_style = CASE WHEN b ? 'engagement_style' THEN b->'engagement_style' ELSE p.engagement_style END,
    updated_at = $4::timestamptz
FROM (SELECT $3::jsonb AS b) body
WHERE p.id = $1::uuid AND p.user_id = $2::uuid
RETURNING p.id::text
