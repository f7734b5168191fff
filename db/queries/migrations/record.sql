INSERT INTO schema_migrations (version, name, checksum, app_version) VALUES ($1, $2, $3, $4)
