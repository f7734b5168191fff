-- Issue 12: activity_data holds what the operator sent to POST /activity, as sent (the
-- seed's column, under its own name in the API). Who wrote a row moves to a column of
-- its own: 'manual' for an action the operator did by hand and recorded, 'system' for the
-- server's record of a change made through the API or by a job. Manual rows of earlier
-- servers kept the operator's object under activity_data.details beside source = 'manual'.
ALTER TABLE activity_logs ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'system';
ALTER TABLE activity_logs ADD CONSTRAINT activity_logs_source_check CHECK (source IN ('manual', 'system'));
UPDATE activity_logs SET source = 'manual', activity_data = COALESCE(activity_data->'details', activity_data - 'source')
WHERE activity_data->>'source' = 'manual';
