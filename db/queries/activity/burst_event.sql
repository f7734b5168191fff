-- A high ($3 = 'warning') or critical ($3 = 'critical') burst of manual actions raises a
-- suspicious_activity security event, once per level per hour while unresolved: the
-- caller holds the persona's row lock, so concurrent actions cannot raise two.
INSERT INTO security_events (event_type, severity, user_id, persona_id, event_description, event_data, source_ip,
                             user_agent, created_at)
SELECT 'suspicious_activity', $3::text, $1::uuid, $2::uuid, $4, $5::jsonb, $6, $7, $8::timestamptz
WHERE NOT EXISTS (
    SELECT 1 FROM security_events e
    WHERE e.persona_id = $2::uuid AND e.event_type = 'suspicious_activity' AND NOT COALESCE(e.resolved, false)
      AND e.created_at > $8::timestamptz - interval '1 hour' AND (e.severity = $3::text OR e.severity = 'critical'))
