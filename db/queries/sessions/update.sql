-- A change by the operator to a live session: NULL leaves a member as it is. It counts as
-- activity, so the quiet period starts again.
UPDATE persona_sessions SET
    session_status = COALESCE($2, session_status),
    active_platforms = COALESCE($3::jsonb, active_platforms),
    platform_sessions = COALESCE($4::jsonb, platform_sessions),
    suspicious_activity_detected = COALESCE($5::boolean, suspicious_activity_detected),
    risk_events = COALESCE($6::jsonb, risk_events),
    last_activity_at = $7::timestamptz, updated_at = $7::timestamptz
WHERE id = $1::uuid
RETURNING version
