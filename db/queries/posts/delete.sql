DELETE FROM manual_posts WHERE id = $1::uuid AND user_id = $2::uuid RETURNING persona_id::text
