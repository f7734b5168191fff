INSERT INTO security_events (event_type, severity, user_id, persona_id, platform_account_id, event_description,
                             event_data, source_ip, user_agent, created_at)
VALUES ('limit_hit', 'warning', $1::uuid, $2::uuid, $3::uuid, $4, $5::jsonb, $6, $7, $8::timestamptz)
