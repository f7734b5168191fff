INSERT INTO users (email, password_hash, subscription_tier, max_personas)
VALUES ($1, $2, $3, $4)
RETURNING id::text, email, subscription_tier, max_personas, created_at
