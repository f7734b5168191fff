UPDATE persona_sessions SET actions_performed = actions_performed + 1 WHERE id = $1::uuid
