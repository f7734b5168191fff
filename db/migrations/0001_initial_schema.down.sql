-- Reverses 0001: drops the whole seed schema (and every row in it).
DROP TABLE security_events;
DROP FUNCTION persona_ensure_activity_partitions(DATE, INTEGER);
DROP TABLE activity_logs;
DROP TABLE manual_posts;
DROP TABLE content_templates;
DROP TABLE persona_sessions;
DROP TABLE proxy_assignments;
DROP TABLE platform_accounts;
DROP TABLE personas;
DROP TABLE users;
