-- Security events stay for their compliance year, but nothing in them may point at the
-- erased user any more: who, from where, with what, and about which of their things.
WITH changed AS (
    UPDATE security_events SET
        user_id = NULL, source_ip = NULL, user_agent = NULL, proxy_ip = NULL,
        persona_id = NULL, platform_account_id = NULL,
        resolved_by = CASE WHEN resolved_by = $1::uuid THEN NULL ELSE resolved_by END,
        event_description = event_type || ' (de-identified: its user was erased)',
        event_data = '{}'::jsonb
    WHERE user_id = $1::uuid OR resolved_by = $1::uuid
       OR persona_id IN (SELECT id FROM personas WHERE user_id = $1::uuid)
    RETURNING 1
)
SELECT count(*) FROM changed
