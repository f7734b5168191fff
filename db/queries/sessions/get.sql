-- The API shape of a session (browser_instance_id stays out: Persona drives no browser).
SELECT s.id::text AS id, s.persona_id::text AS persona_id, s.session_status, s.proxy_id::text AS proxy_id,
       s.proxy_connected_at, s.proxy_disconnected_at, s.active_platforms, s.platform_sessions,
       s.actions_performed, s.content_posted, s.errors_encountered, s.started_at, s.last_activity_at, s.ended_at,
       s.duration_minutes, s.end_reason, s.error_message, s.suspicious_activity_detected, s.risk_events,
       s.updated_at, s.version AS _version
FROM persona_sessions s
WHERE s.id = $1::uuid AND s.user_id = $2::uuid
