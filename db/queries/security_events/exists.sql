SELECT resolved FROM security_events WHERE id = $1::uuid AND user_id = $2::uuid
