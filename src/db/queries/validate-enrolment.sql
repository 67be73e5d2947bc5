-- Validates one upload's staging rows in a single statement.
-- $1 upload id, $2 as-of date (office calendar), $3 minimum age, $4 maximum age (years).
WITH up AS (
  SELECT r.*, b.village_code AS batch_village, name_key(r.full_name) AS nkey
  FROM enrolment_row r JOIN enrolment_batch b ON b.id = r.batch_id
  WHERE r.upload_id = $1
),
ranked AS (
  SELECT up.*,
         row_number() OVER (PARTITION BY up.nik ORDER BY up.row_number) AS nik_rank,
         min(up.nik) OVER (PARTITION BY up.nkey, up.birth_date)
           <> max(up.nik) OVER (PARTITION BY up.nkey, up.birth_date) AS name_twin_in_file
  FROM up
),
-- Each lookup below is one set, hash-joined to the rows (no per-row probing).
covered AS (
  SELECT DISTINCT p.nik FROM person p JOIN participant pa ON pa.person_id = p.id
  WHERE p.nik IN (SELECT nik FROM up)
    AND pa.segment = 'BPU' AND pa.status IN ('proposed', 'verified', 'active', 'lapsed')
),
prior AS (
  SELECT r2.nik,
         bool_or(r2.batch_id = u.batch_id) AS in_this_batch,
         bool_or(r2.batch_id <> u.batch_id AND b2.status IN ('draft', 'submitted', 'verified')) AS in_other_batch
  FROM enrolment_row r2
  JOIN enrolment_batch b2 ON b2.id = r2.batch_id
  JOIN enrolment_upload u ON u.id = $1
  WHERE r2.state = 'valid' AND r2.upload_id <> $1 AND r2.nik IN (SELECT nik FROM up)
  GROUP BY r2.nik
),
twins AS (
  SELECT p.name_key, p.birth_date, min(p.nik) AS min_nik, max(p.nik) AS max_nik
  FROM person p
  WHERE (p.name_key, p.birth_date) IN (SELECT nkey, birth_date FROM up)
  GROUP BY p.name_key, p.birth_date
),
checks AS (
  SELECT k.id,
         coalesce(prior.in_this_batch, false) AS already_in_batch,
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
           CASE WHEN covered.nik IS NOT NULL THEN 'nik:ALREADY_COVERED' END,
           CASE WHEN prior.in_other_batch THEN 'nik:IN_OTHER_BATCH' END
         ] || CASE WHEN k.nik_not_text THEN ARRAY[]::text[]
                   ELSE ARRAY(SELECT 'nik:' || p FROM unnest(nik_problems(k.nik, k.birth_date, k.sex)) AS p) END,
         NULL) AS errs,
         array_remove(ARRAY[
           CASE WHEN k.nik ~ '^\d{16}$' AND g.code IS NULL THEN 'nik:NIK_REGION_UNKNOWN' END,
           CASE WHEN twins.min_nik <> k.nik OR twins.max_nik <> k.nik OR k.name_twin_in_file THEN 'full_name:POSSIBLE_DUPLICATE' END
         ], NULL) AS warns
  FROM ranked k
  LEFT JOIN region g ON g.code = substr(k.nik, 1, 2) || '.' || substr(k.nik, 3, 2) || '.' || substr(k.nik, 5, 2)
  LEFT JOIN covered ON covered.nik = k.nik
  LEFT JOIN prior ON prior.nik = k.nik
  LEFT JOIN twins ON twins.name_key = k.nkey AND twins.birth_date = k.birth_date
)
UPDATE enrolment_row s
SET errors = CASE WHEN c.already_in_batch THEN '{}' ELSE c.errs END,
    warnings = c.warns,
    state = CASE WHEN c.already_in_batch THEN 'kept'
                 WHEN cardinality(c.errs) = 0 THEN 'valid'
                 ELSE 'invalid' END
FROM checks c
WHERE s.id = c.id
