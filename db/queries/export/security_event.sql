INSERT INTO security_events (event_type, severity, user_id, event_description, event_data, source_ip, user_agent,
                             created_at)
VALUES ($1, 'warning', $2::uuid, $3, '{}'::jsonb, $4, $5, $6::timestamptz)
