-- Issue 13: the admin that the first `persona serve` creates has a generated password
-- (left in DATA_DIR/admin-password); the web UI shows a banner until it is changed.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
