INSERT INTO users (email, password_hash, subscription_tier, max_personas, password_change_required)
VALUES ($1, $2, $3, $4, $5)
RETURNING id::text, email, subscription_tier, max_personas, created_at
