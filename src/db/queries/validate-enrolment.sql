-- Validates one upload's rows from the temporary table enrolment_stage and writes them, with their
-- problems and state, into enrolment_row in a single statement (each row written once, never
-- updated); returns the upload's counts.
-- $1 batch id, $2 upload id, $3 as-of date (office calendar), $4 minimum age, $5 maximum age (years),
-- $6 the scopes whose records may be named (the caller's, and the batch's regency).
-- A conflict with a record outside $6 (a participant, a batch, a person elsewhere) is told only as
-- NEEDS_BRANCH_REVIEW, the same code for each kind, with nothing of the other record (issue 14, L3).
WITH batch AS (
  SELECT village_code, regency_code FROM enrolment_batch WHERE id = $1
),
ranked AS (
  SELECT s.*,
         row_number() OVER (PARTITION BY s.nik ORDER BY s.row_number) AS nik_rank,
         min(s.nik) OVER twin <> max(s.nik) OVER twin AS name_twin_in_file
  FROM enrolment_stage s
  WINDOW twin AS (PARTITION BY s.name_key, s.birth_date)
),
-- Each lookup below is one set, hash-joined to the rows (no per-row probing).
-- Memberships a village worker (BPU, JKK + JKM) may not be given beside (src/rules/kepesertaan.ts):
-- any BPU not ended, and an active PU, JAKON or PMI membership sharing a programme (migration 0019).
-- Each kind in scope has its own code; anything outside is NEEDS_BRANCH_REVIEW (issue 14, L3).
covered AS (
  SELECT p.nik, bool_or(x.here) AS in_scope,
         bool_or(x.here AND pa.segment = 'BPU') AS bpu, bool_or(x.here AND pa.segment = 'PU') AS pu,
         bool_or(x.here AND pa.segment = 'JAKON') AS jakon, bool_or(x.here AND pa.segment = 'PMI') AS pmi
  FROM person p JOIN participant pa ON pa.person_id = p.id
  CROSS JOIN LATERAL (SELECT region_in_scope(pa.region_code, $6::text[]) AS here) AS x
  WHERE p.nik IN (SELECT nik FROM enrolment_stage)
    AND CASE WHEN pa.segment = 'BPU' THEN pa.status IN ('proposed', 'verified', 'active', 'lapsed')
             ELSE pa.status = 'active'
                  AND NOT membership_may_hold_both(pa.segment, pa.programs, 'BPU', ARRAY['JKK', 'JKM']) END
  GROUP BY p.nik
),
-- The upload's own rows are not in enrolment_row yet: every valid row found is an earlier one.
prior AS (
  SELECT r2.nik,
         bool_or(r2.batch_id = $1) AS in_this_batch,
         bool_or(r2.batch_id <> $1 AND b2.status IN ('draft', 'submitted', 'verified')
                 AND region_in_scope(b2.village_code, $6::text[])) AS in_other_batch,
         bool_or(r2.batch_id <> $1 AND b2.status IN ('draft', 'submitted', 'verified')
                 AND NOT region_in_scope(b2.village_code, $6::text[])) AS in_batch_elsewhere
  FROM enrolment_row r2
  JOIN enrolment_batch b2 ON b2.id = r2.batch_id
  WHERE r2.state = 'valid' AND r2.nik IN (SELECT nik FROM enrolment_stage)
  GROUP BY r2.nik
),
twins AS (
  SELECT p.name_key, p.birth_date, region_in_scope(p.region_code, $6::text[]) AS in_scope,
         min(p.nik) AS min_nik, max(p.nik) AS max_nik
  FROM person p
  WHERE (p.name_key, p.birth_date) IN (SELECT name_key, birth_date FROM enrolment_stage)
  GROUP BY p.name_key, p.birth_date, 3
),
checks AS (
  SELECT k.*,
         coalesce(prior.in_this_batch, false) AS already_in_batch,
         array_remove(ARRAY[
           CASE WHEN k.nik_not_text THEN 'nik:NIK_NOT_TEXT' END,
           CASE WHEN coalesce(k.full_name, '') = '' THEN 'full_name:REQUIRED'
                WHEN k.name_invalid OR length(k.full_name) > 100 OR k.full_name !~ '[[:alpha:]]' THEN 'full_name:NAME_INVALID' END,
           CASE WHEN coalesce(k.birth_date_raw, '') = '' THEN 'birth_date:REQUIRED'
                WHEN k.birth_date IS NULL THEN 'birth_date:DATE_INVALID'
                WHEN date_part('year', age($3::date, k.birth_date)) NOT BETWEEN $4 AND $5
                  THEN 'birth_date:AGE_OUT_OF_RANGE' END,
           CASE WHEN coalesce(k.sex, '') = '' THEN 'sex:REQUIRED'
                WHEN k.sex NOT IN ('L', 'P') THEN 'sex:SEX_INVALID' END,
           CASE WHEN coalesce(k.occupation, '') = '' THEN 'occupation:REQUIRED' END,
           CASE WHEN coalesce(k.village_code, '') NOT IN ('', batch.village_code) THEN 'village_code:OTHER_VILLAGE' END,
           CASE WHEN coalesce(k.income_raw, '') <> '' AND k.declared_income_rp IS NULL THEN 'income:INCOME_INVALID' END,
           CASE WHEN coalesce(k.phone, '') <> '' AND k.phone !~ '^(\+62|62|0)8\d{7,12}$' THEN 'phone:PHONE_INVALID' END,
           CASE WHEN k.nik <> '' AND k.nik_rank > 1 THEN 'nik:DUPLICATE_IN_FILE' END,
           CASE WHEN covered.pu THEN 'nik:ALREADY_PU' END,
           CASE WHEN covered.jakon THEN 'nik:ALREADY_JAKON' END,
           CASE WHEN covered.pmi THEN 'nik:ALREADY_PMI' END,
           CASE WHEN covered.bpu THEN 'nik:ALREADY_COVERED' END,
           CASE WHEN prior.in_other_batch THEN 'nik:IN_OTHER_BATCH' END,
           CASE WHEN NOT coalesce(covered.in_scope OR prior.in_other_batch, false)
                 AND (covered.nik IS NOT NULL OR prior.in_batch_elsewhere) THEN 'nik:NEEDS_BRANCH_REVIEW' END
         ] || CASE WHEN k.nik_not_text THEN ARRAY[]::text[] ELSE nik_problems(k.nik, k.birth_date, k.sex, 'nik:') END,
         NULL) AS errs,
         array_remove(ARRAY[
           CASE WHEN octet_length(k.nik) = 16 AND ltrim(k.nik, '0123456789') = '' AND g.code IS NULL
                THEN 'nik:NIK_REGION_UNKNOWN' END,
           CASE WHEN twins.min_nik <> k.nik OR twins.max_nik <> k.nik OR k.name_twin_in_file THEN 'full_name:POSSIBLE_DUPLICATE' END,
           CASE WHEN (away.min_nik <> k.nik OR away.max_nik <> k.nik)
                 AND NOT coalesce(twins.min_nik <> k.nik OR twins.max_nik <> k.nik OR k.name_twin_in_file, false)
                THEN 'full_name:NEEDS_BRANCH_REVIEW' END
         ], NULL) AS warns,
         batch.regency_code
  FROM ranked k
  CROSS JOIN batch
  LEFT JOIN region g ON g.code = substr(k.nik, 1, 2) || '.' || substr(k.nik, 3, 2) || '.' || substr(k.nik, 5, 2)
  LEFT JOIN covered ON covered.nik = k.nik
  LEFT JOIN prior ON prior.nik = k.nik
  LEFT JOIN twins ON twins.name_key = k.name_key AND twins.birth_date = k.birth_date AND twins.in_scope
  LEFT JOIN twins away ON away.name_key = k.name_key AND away.birth_date = k.birth_date AND NOT away.in_scope
),
written AS (
  INSERT INTO enrolment_row (batch_id, upload_id, regency_code, row_number, nik, nik_not_text, full_name,
    birth_date_raw, birth_date, sex, occupation, phone, address, village_code, income_raw, declared_income_rp,
    errors, warnings, state)
  SELECT $1, $2, c.regency_code, c.row_number, c.nik, c.nik_not_text, c.full_name, c.birth_date_raw, c.birth_date,
         c.sex, c.occupation, c.phone, c.address, c.village_code, c.income_raw, c.declared_income_rp,
         CASE WHEN c.already_in_batch THEN '{}' ELSE c.errs END,
         c.warns,
         CASE WHEN c.already_in_batch THEN 'kept'
              WHEN cardinality(c.errs) = 0 THEN 'valid'
              ELSE 'invalid' END
  FROM checks c
  ORDER BY c.row_number
  RETURNING state, warnings
)
SELECT count(*) FILTER (WHERE state = 'valid')::int AS valid,
       count(*) FILTER (WHERE state = 'invalid')::int AS invalid,
       count(*) FILTER (WHERE state = 'kept')::int AS kept,
       count(*) FILTER (WHERE cardinality(warnings) > 0)::int AS warnings
FROM written
