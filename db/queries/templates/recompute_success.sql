-- success_rate: the share, in percent, of the template's measured posts whose
-- template_effectiveness reaches $2 (domain::kSuccessfulEffectiveness).
UPDATE content_templates t SET success_rate = COALESCE(
    (SELECT round(100.0 * count(*) FILTER (WHERE m.template_effectiveness >= $2) / count(*), 2)
     FROM manual_posts m WHERE m.content_template_id = t.id AND m.template_effectiveness IS NOT NULL
     HAVING count(*) > 0), 0)
WHERE t.id = $1::uuid
