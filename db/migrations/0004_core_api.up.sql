-- The core API (personas, accounts, proxies, templates) with its invariants kept by the
-- database itself, so they hold whatever the number of concurrent requests.

-- Proxies belong to one user like everything else (API.md); the provider's proxy_id is
-- unique per user rather than across users.
ALTER TABLE proxy_assignments ADD COLUMN user_id UUID REFERENCES users(id) ON DELETE CASCADE;
UPDATE proxy_assignments x SET user_id = p.user_id FROM personas p WHERE p.id = x.assigned_persona_id;
ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_proxy_id_key;
CREATE UNIQUE INDEX idx_proxy_assignments_user_proxy_id ON proxy_assignments(user_id, proxy_id);

-- An assignment is all or nothing: assigned <=> a persona and a time.
ALTER TABLE proxy_assignments ADD CONSTRAINT proxy_assignments_assignment_consistent CHECK (
    (assignment_status = 'assigned') = (assigned_persona_id IS NOT NULL)
    AND (assigned_persona_id IS NULL) = (assigned_at IS NULL));
ALTER TABLE proxy_assignments ADD CONSTRAINT proxy_assignments_status_known
    CHECK (assignment_status IN ('available', 'assigned', 'maintenance'));
ALTER TABLE proxy_assignments ADD CONSTRAINT proxy_assignments_port_range CHECK (proxy_port BETWEEN 1 AND 65535);

-- Every health check, kept 30 days: uptime_percentage is computed from these.
CREATE TABLE proxy_health_checks (
    id BIGSERIAL PRIMARY KEY,
    proxy_assignment_id UUID NOT NULL REFERENCES proxy_assignments(id) ON DELETE CASCADE,
    checked_at TIMESTAMPTZ NOT NULL,
    health_status VARCHAR(20) NOT NULL CHECK (health_status IN ('healthy', 'degraded', 'failed')),
    response_time_ms INTEGER,
    error TEXT
);
CREATE INDEX idx_proxy_health_checks_proxy_time ON proxy_health_checks(proxy_assignment_id, checked_at DESC);

ALTER TABLE personas ADD CONSTRAINT personas_status_known CHECK (status IN ('active', 'inactive', 'suspended'));
ALTER TABLE personas ADD CONSTRAINT personas_proxy_status_known
    CHECK (proxy_status IN ('unassigned', 'assigned', 'active', 'error'));
ALTER TABLE platform_accounts ADD CONSTRAINT platform_accounts_platform_known
    CHECK (platform_type IN ('twitter', 'instagram', 'tiktok', 'linkedin'));
ALTER TABLE platform_accounts ADD CONSTRAINT platform_accounts_daily_limit_positive CHECK (daily_post_limit >= 1);

-- Deleting a persona, account, session, template or proxy keeps the audit trail and the
-- posts that mention it, without the link (the seed gave these no ON DELETE, so such a
-- delete failed). Persona deletion cascades to accounts, sessions and posts as the seed says.
ALTER TABLE activity_logs DROP CONSTRAINT activity_logs_persona_id_fkey,
    ADD CONSTRAINT activity_logs_persona_id_fkey FOREIGN KEY (persona_id) REFERENCES personas(id) ON DELETE SET NULL;
ALTER TABLE activity_logs DROP CONSTRAINT activity_logs_session_id_fkey,
    ADD CONSTRAINT activity_logs_session_id_fkey FOREIGN KEY (session_id)
        REFERENCES persona_sessions(id) ON DELETE SET NULL;
ALTER TABLE security_events DROP CONSTRAINT security_events_persona_id_fkey,
    ADD CONSTRAINT security_events_persona_id_fkey FOREIGN KEY (persona_id) REFERENCES personas(id) ON DELETE SET NULL;
ALTER TABLE security_events DROP CONSTRAINT security_events_platform_account_id_fkey,
    ADD CONSTRAINT security_events_platform_account_id_fkey FOREIGN KEY (platform_account_id)
        REFERENCES platform_accounts(id) ON DELETE SET NULL;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_content_template_id_fkey,
    ADD CONSTRAINT manual_posts_content_template_id_fkey FOREIGN KEY (content_template_id)
        REFERENCES content_templates(id) ON DELETE SET NULL;
ALTER TABLE manual_posts DROP CONSTRAINT manual_posts_session_id_fkey,
    ADD CONSTRAINT manual_posts_session_id_fkey FOREIGN KEY (session_id) REFERENCES persona_sessions(id) ON DELETE SET NULL;
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_proxy_id_fkey,
    ADD CONSTRAINT persona_sessions_proxy_id_fkey FOREIGN KEY (proxy_id) REFERENCES proxy_assignments(id) ON DELETE SET NULL;
-- A persona's proxy is released (the application does it first; this is the backstop).
ALTER TABLE proxy_assignments DROP CONSTRAINT proxy_assignments_assigned_persona_id_fkey,
    ADD CONSTRAINT proxy_assignments_assigned_persona_id_fkey FOREIGN KEY (assigned_persona_id)
        REFERENCES personas(id) ON DELETE RESTRICT;
-- The SET NULL actions look rows up by these columns.
CREATE INDEX idx_security_events_persona ON security_events(persona_id);
CREATE INDEX idx_security_events_account ON security_events(platform_account_id);
CREATE INDEX idx_persona_sessions_proxy ON persona_sessions(proxy_id);

-- max_personas holds under concurrent creates: each insert locks its owner's row, so
-- inserts for one user queue here and each counts the rows committed before it.
CREATE FUNCTION persona_enforce_max_personas() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    allowed INTEGER;
    existing INTEGER;
BEGIN
    SELECT max_personas INTO allowed FROM users WHERE id = NEW.user_id FOR UPDATE;
    SELECT count(*) INTO existing FROM personas WHERE user_id = NEW.user_id;
    IF allowed IS NOT NULL AND existing >= allowed THEN
        RAISE EXCEPTION 'the persona limit of % is reached', allowed USING ERRCODE = 'PE001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER personas_max_personas BEFORE INSERT OR UPDATE OF user_id ON personas
    FOR EACH ROW EXECUTE FUNCTION persona_enforce_max_personas();
