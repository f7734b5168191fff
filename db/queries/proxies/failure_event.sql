INSERT INTO security_events (event_type, severity, user_id, persona_id, event_description, event_data, proxy_ip,
                             created_at)
VALUES ('proxy_failure', 'error', $1::uuid, $2::uuid, $3, $4::jsonb, $5, $6::timestamptz)
