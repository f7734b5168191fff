-- How many of the ids ($2, a text[] of UUIDs) are personas of the user.
SELECT count(*) FROM personas WHERE user_id = $1::uuid AND id = ANY($2::uuid[])
