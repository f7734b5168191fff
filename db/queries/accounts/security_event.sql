INSERT INTO security_events (event_type, severity, user_id, persona_id, platform_account_id, event_description,
                             event_data, source_ip, user_agent, created_at)
VALUES ($1, $2, $3::uuid, $4::uuid, $5::uuid, $6, $7::jsonb, $8, $9, $10::timestamptz)
