-- lindung 0010: the enrolment import writes every row of an upload (up to 200,000) in one
-- statement, already validated. A foreign-key check per row (a lookup and a row lock on its batch
-- and on its upload, the same two parents for every row) was a large share of that statement
-- (npm run bench -- enrolment). The rows are written only by the import, for the batch and the
-- upload it created or locked in the same transaction, and neither parent can disappear: batches
-- and uploads are never deleted, which triggers now enforce (identity ids cannot be updated).
ALTER TABLE enrolment_row DROP CONSTRAINT enrolment_row_batch_id_fkey;
ALTER TABLE enrolment_row DROP CONSTRAINT enrolment_row_upload_id_fkey;
CREATE TRIGGER enrolment_batch_no_delete BEFORE DELETE ON enrolment_batch
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER enrolment_batch_no_truncate BEFORE TRUNCATE ON enrolment_batch
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER enrolment_upload_no_delete BEFORE DELETE ON enrolment_upload
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER enrolment_upload_no_truncate BEFORE TRUNCATE ON enrolment_upload
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The NIK rules of 0002 with each code prefixed (e.g. 'nik:'), so the import appends them to its
-- other 'field:CODE' problems without a per-row subquery; one definition, the 3-argument form
-- now calls this one. Both stay inlinable SQL (no PL/pgSQL call per row). "16 ASCII digits" is
-- tested without a regular expression (three times cheaper per row); unlike \d it never admits a
-- non-ASCII digit, which the ::int casts below would have failed on.
CREATE FUNCTION nik_problems(nik text, birth date, sex text, prefix text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN nik IS NULL OR nik = '' THEN ARRAY[prefix || 'REQUIRED']
    WHEN NOT (octet_length(nik) = 16 AND ltrim(nik, '0123456789') = '') THEN ARRAY[prefix || 'NIK_FORMAT']
    ELSE array_remove(ARRAY[
      CASE WHEN substr(nik, 1, 2)::int < 11 OR substr(nik, 3, 2) = '00' OR substr(nik, 5, 2) = '00'
           THEN prefix || 'NIK_REGION_FORMAT' END,
      CASE WHEN NOT (substr(nik, 7, 2)::int BETWEEN 1 AND 31 OR substr(nik, 7, 2)::int BETWEEN 41 AND 71)
             OR NOT substr(nik, 9, 2)::int BETWEEN 1 AND 12
           THEN prefix || 'NIK_BIRTH_FORMAT' END,
      CASE WHEN substr(nik, 13, 4) = '0000' THEN prefix || 'NIK_SERIAL_FORMAT' END,
      CASE WHEN birth IS NOT NULL AND (
             substr(nik, 7, 2)::int % 40 <> extract(day FROM birth)::int
             OR substr(nik, 9, 2)::int <> extract(month FROM birth)::int
             OR substr(nik, 11, 2)::int <> extract(year FROM birth)::int % 100)
           THEN prefix || 'NIK_BIRTH_DATE_MISMATCH' END,
      CASE WHEN sex IN ('L', 'P') AND (substr(nik, 7, 2)::int > 40) <> (sex = 'P')
           THEN prefix || 'NIK_SEX_MISMATCH' END
    ], NULL)
  END
$$;

CREATE OR REPLACE FUNCTION nik_problems(nik text, birth date, sex text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nik_problems(nik, birth, sex, '')
$$;
