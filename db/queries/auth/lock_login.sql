-- Serialises the attempts of one account (and of one address) so the throttle counts
-- exactly under concurrent requests.
SELECT pg_advisory_xact_lock(hashtext('persona.login:' || $1)), pg_advisory_xact_lock(hashtext('persona.login-ip:' || $2))
