-- Validates one upload's staging rows in a single statement.
-- $1 upload id, $2 as-of date (office calendar), $3 minimum age, $4 maximum age (years).
WITH up AS (
  SELECT r.*, b.village_code AS batch_village
  FROM enrolment_row r JOIN enrolment_batch b ON b.id = r.batch_id
  WHERE r.upload_id = $1
),
ranked AS (
  SELECT up.*,
         row_number() OVER (PARTITION BY up.nik ORDER BY up.row_number) AS nik_rank,
         min(up.nik) OVER (PARTITION BY name_key(up.full_name), up.birth_date)
           <> max(up.nik) OVER (PARTITION BY name_key(up.full_name), up.birth_date) AS name_twin_in_file
  FROM up
),
checks AS (
  SELECT k.id,
         kept.id IS NOT NULL AS already_in_batch,
         array_remove(ARRAY[
           CASE WHEN k.nik_not_text THEN 'nik:NIK_NOT_TEXT' END,
           CASE WHEN coalesce(k.full_name, '') = '' THEN 'full_name:REQUIRED'
                WHEN length(k.full_name) > 100 OR k.full_name !~ '[[:alpha:]]' THEN 'full_name:NAME_INVALID' END,
           CASE WHEN coalesce(k.birth_date_raw, '') = '' THEN 'birth_date:REQUIRED'
                WHEN k.birth_date IS NULL THEN 'birth_date:DATE_INVALID'
                WHEN date_part('year', age($2::date, k.birth_date)) NOT BETWEEN $3 AND $4
                  THEN 'birth_date:AGE_OUT_OF_RANGE' END,
           CASE WHEN coalesce(k.sex, '') = '' THEN 'sex:REQUIRED'
                WHEN k.sex NOT IN ('L', 'P') THEN 'sex:SEX_INVALID' END,
           CASE WHEN coalesce(k.occupation, '') = '' THEN 'occupation:REQUIRED' END,
           CASE WHEN coalesce(k.village_code, '') NOT IN ('', k.batch_village) THEN 'village_code:OTHER_VILLAGE' END,
           CASE WHEN coalesce(k.income_raw, '') <> '' AND k.declared_income_rp IS NULL THEN 'income:INCOME_INVALID' END,
           CASE WHEN coalesce(k.phone, '') <> '' AND k.phone !~ '^(\+62|62|0)8\d{7,12}$' THEN 'phone:PHONE_INVALID' END,
           CASE WHEN k.nik <> '' AND k.nik_rank > 1 THEN 'nik:DUPLICATE_IN_FILE' END,
           CASE WHEN covered.id IS NOT NULL THEN 'nik:ALREADY_COVERED' END,
           CASE WHEN other_batch.id IS NOT NULL THEN 'nik:IN_OTHER_BATCH' END
         ] || CASE WHEN k.nik_not_text THEN ARRAY[]::text[]
                   ELSE ARRAY(SELECT 'nik:' || p FROM unnest(nik_problems(k.nik, k.birth_date, k.sex)) AS p) END,
         NULL) AS errs,
         array_remove(ARRAY[
           CASE WHEN k.nik ~ '^\d{16}$' AND NOT EXISTS (
                  SELECT 1 FROM region g
                  WHERE g.code = substr(k.nik, 1, 2) || '.' || substr(k.nik, 3, 2) || '.' || substr(k.nik, 5, 2))
                THEN 'nik:NIK_REGION_UNKNOWN' END,
           CASE WHEN twin.id IS NOT NULL OR k.name_twin_in_file THEN 'full_name:POSSIBLE_DUPLICATE' END
         ], NULL) AS warns
  FROM ranked k
  LEFT JOIN LATERAL (
    SELECT pa.id FROM person p JOIN participant pa ON pa.person_id = p.id
    WHERE p.nik = k.nik AND pa.segment = 'BPU' AND pa.status IN ('proposed', 'verified', 'active', 'lapsed')
    LIMIT 1) AS covered ON true
  LEFT JOIN LATERAL (
    SELECT r2.id FROM enrolment_row r2 JOIN enrolment_batch b2 ON b2.id = r2.batch_id
    WHERE r2.nik = k.nik AND r2.state = 'valid' AND r2.batch_id <> k.batch_id
      AND b2.status IN ('draft', 'submitted', 'verified')
    LIMIT 1) AS other_batch ON true
  LEFT JOIN LATERAL (
    SELECT r3.id FROM enrolment_row r3
    WHERE r3.batch_id = k.batch_id AND r3.upload_id <> k.upload_id AND r3.state = 'valid' AND r3.nik = k.nik
    LIMIT 1) AS kept ON true
  LEFT JOIN LATERAL (
    SELECT p.id FROM person p
    WHERE p.name_key = name_key(k.full_name) AND p.birth_date = k.birth_date AND p.nik <> k.nik
    LIMIT 1) AS twin ON true
)
UPDATE enrolment_row s
SET errors = CASE WHEN c.already_in_batch THEN '[]'::jsonb ELSE (
               SELECT coalesce(jsonb_agg(jsonb_build_object('field', split_part(e, ':', 1), 'code', split_part(e, ':', 2))), '[]')
               FROM unnest(c.errs) AS e) END,
    warnings = (SELECT coalesce(jsonb_agg(jsonb_build_object('field', split_part(w, ':', 1), 'code', split_part(w, ':', 2))), '[]')
                FROM unnest(c.warns) AS w),
    state = CASE WHEN c.already_in_batch THEN 'kept'
                 WHEN cardinality(c.errs) = 0 THEN 'valid'
                 ELSE 'invalid' END
FROM checks c
WHERE s.id = c.id
