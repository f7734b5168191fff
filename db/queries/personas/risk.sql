-- The stored score (kept by triggers, migration 0008) and the factors that make it.
SELECT p.risk_score AS _risk_score, f.factor, f.count, f.weight::float8 AS weight, f.cap::float8 AS cap,
       f.contribution::float8 AS contribution
FROM personas p CROSS JOIN LATERAL persona_risk_factors(p.id) f
WHERE p.id = $1::uuid AND p.user_id = $2::uuid
