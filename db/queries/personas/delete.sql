-- Accounts, sessions and posts go with it (ON DELETE CASCADE); logs and security events
-- lose the link (migration 0004). The caller releases the persona's proxy first.
DELETE FROM personas WHERE id = $1::uuid AND user_id = $2::uuid RETURNING name
