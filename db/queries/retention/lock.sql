-- One retention run at a time across every server and command on this database; held to
-- the end of the transaction.
SELECT pg_try_advisory_xact_lock(hashtext('persona_retention'))
