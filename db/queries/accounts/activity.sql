INSERT INTO activity_logs (user_id, persona_id, activity_type, platform_type, activity_data, ip_address,
                           user_agent, gdpr_category, created_at)
VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, $6, $7, 'functional', $8::timestamptz)
