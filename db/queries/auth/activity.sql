INSERT INTO activity_logs (user_id, activity_type, activity_data, ip_address, user_agent, gdpr_category, created_at)
VALUES ($1::uuid, $2, $3::jsonb, $4, $5, 'functional', $6::timestamptz)
