-- Posts made from it keep their text and lose the link (migration 0004).
DELETE FROM content_templates WHERE id = $1::uuid AND user_id = $2::uuid RETURNING id::text
