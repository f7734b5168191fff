SELECT id::text FROM proxy_assignments WHERE assigned_persona_id = $1::uuid
