SELECT max_personas, subscription_tier FROM users WHERE id = $1::uuid
