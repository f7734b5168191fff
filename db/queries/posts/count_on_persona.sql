UPDATE personas SET total_posts = total_posts + 1, last_active = GREATEST(last_active, $2::timestamptz)
WHERE id = $1::uuid
