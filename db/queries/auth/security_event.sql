INSERT INTO security_events (event_type, severity, user_id, event_description, event_data, source_ip, user_agent,
                             created_at)
VALUES ($1, $2, $3::uuid, $4, $5::jsonb, $6, $7, $8::timestamptz)
