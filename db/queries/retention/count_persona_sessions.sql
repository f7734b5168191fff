-- Ended sessions past retention; a live session is never removed.
SELECT count(*) FROM persona_sessions WHERE session_status IN ('ended', 'error') AND ended_at < $1::timestamptz
