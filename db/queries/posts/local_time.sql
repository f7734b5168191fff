-- ISO weekday (1 = Monday) and minute of the day of an instant in a time zone.
SELECT extract(isodow FROM $1::timestamptz AT TIME ZONE $2)::int,
       (extract(hour FROM $1::timestamptz AT TIME ZONE $2) * 60 + extract(minute FROM $1::timestamptz AT TIME ZONE $2))::int
