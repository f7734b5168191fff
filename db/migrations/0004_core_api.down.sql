-- Before 0004 a proxy had no owner: applying 0004 again finds it through its persona.
-- A proxy assigned to no persona would come back owned by no one (invisible to its user
-- for good), so refuse instead, changing nothing.
DO $$
DECLARE
    orphans BIGINT;
BEGIN
    SELECT count(*) INTO orphans FROM proxy_assignments WHERE assigned_persona_id IS NULL;
    IF orphans > 0 THEN
        RAISE EXCEPTION 'cannot revert 0004_core_api: % prox(y/ies) assigned to no persona would lose their owner; assign or delete them first', orphans;
    END IF;
END
$$;

DROP TRIGGER personas_max_personas ON personas;
DROP FUNCTION persona_enforce_max_personas();

DROP INDEX idx_persona_sessions_proxy;
DROP INDEX idx_security_events_account;
DROP INDEX idx_security_events_persona;
ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_assigned_persona_id_fkey,
    ADD CONSTRAINT proxy_assignments_assigned_persona_id_fkey FOREIGN KEY (assigned_persona_id) REFERENCES personas(id);
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_proxy_id_fkey,
    ADD CONSTRAINT persona_sessions_proxy_id_fkey FOREIGN KEY (proxy_id) REFERENCES proxy_assignments(id);
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_session_id_fkey,
    ADD CONSTRAINT manual_posts_session_id_fkey FOREIGN KEY (session_id) REFERENCES persona_sessions(id);
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_content_template_id_fkey,
    ADD CONSTRAINT manual_posts_content_template_id_fkey FOREIGN KEY (content_template_id) REFERENCES content_templates(id);
ALTER TABLE security_events DROP CONSTRAINT security_events_platform_account_id_fkey,
    ADD CONSTRAINT security_events_platform_account_id_fkey FOREIGN KEY (platform_account_id)
        REFERENCES platform_accounts(id);
ALTER TABLE security_events DROP CONSTRAINT security_events_persona_id_fkey,
    ADD CONSTRAINT security_events_persona_id_fkey FOREIGN KEY (persona_id) REFERENCES personas(id);
ALTER TABLE activity_logs DROP CONSTRAINT activity_logs_session_id_fkey,
    ADD CONSTRAINT activity_logs_session_id_fkey FOREIGN KEY (session_id) REFERENCES persona_sessions(id);
ALTER TABLE activity_logs DROP CONSTRAINT activity_logs_persona_id_fkey,
    ADD CONSTRAINT activity_logs_persona_id_fkey FOREIGN KEY (persona_id) REFERENCES personas(id);

ALTER TABLE platform_accounts DROP CONSTRAINT platform_accounts_daily_limit_positive;
ALTER TABLE platform_accounts DROP CONSTRAINT platform_accounts_platform_known;
ALTER TABLE personas DROP CONSTRAINT personas_proxy_status_known;
ALTER TABLE personas DROP CONSTRAINT personas_status_known;

DROP TABLE proxy_health_checks;

ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_port_range;
ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_status_known;
ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_assignment_consistent;
-- Fails (and changes nothing) when two users hold the same provider proxy_id.
DROP INDEX idx_proxy_assignments_user_proxy_id;
ALTER TABLE proxy_assignments ADD CONSTRAINT proxy_assignments_proxy_id_key UNIQUE (proxy_id);
ALTER TABLE proxy_assignments DROP COLUMN user_id;
