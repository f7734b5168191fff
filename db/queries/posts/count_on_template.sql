UPDATE content_templates SET usage_count = usage_count + 1 WHERE id = $1::uuid
