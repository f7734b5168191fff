UPDATE activity_logs SET activity_data = jsonb_build_object('source', 'manual', 'details', activity_data)
WHERE source = 'manual';
ALTER TABLE activity_logs DROP CONSTRAINT activity_logs_source_check;
ALTER TABLE activity_logs DROP COLUMN source;
