SELECT e.id::text AS id, e.event_type, e.severity, e.persona_id::text AS persona_id,
       e.platform_account_id::text AS platform_account_id, e.event_description, e.event_data, e.source_ip, e.proxy_ip,
       e.user_agent, e.actions_taken, e.resolved, e.resolved_at, e.resolved_by::text AS resolved_by, e.created_at
FROM security_events e
WHERE e.id = $1::uuid AND e.user_id = $2::uuid
