UPDATE persona_sessions SET content_posted = content_posted + 1 WHERE id = $1::uuid
