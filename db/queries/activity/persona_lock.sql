-- Serialises one persona's manual actions, so each burst is counted exactly.
SELECT 1 FROM personas WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE
