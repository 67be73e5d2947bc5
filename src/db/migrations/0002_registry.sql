-- lindung 0002: persons, payers, participants (KPJ, status history), village enrolment batches.
-- Large tables carry regency_code (the growth path partitions by it).

-- Per-regency enrolment rules the district sets (age limits, minimum workers per village, quota).
CREATE TABLE enrolment_policy (
  regency_code        text PRIMARY KEY REFERENCES region (code),
  age_min_years       int NOT NULL CHECK (age_min_years BETWEEN 0 AND 100),
  age_max_years       int NOT NULL CHECK (age_max_years BETWEEN 0 AND 120),
  village_workers_min int NOT NULL CHECK (village_workers_min >= 0),
  village_workers_max int CHECK (village_workers_max IS NULL OR village_workers_max > 0),
  updated_at          timestamptz NOT NULL,
  updated_by          text NOT NULL,
  CHECK (age_min_years <= age_max_years)
);

CREATE TABLE person (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nik         text NOT NULL UNIQUE CHECK (nik ~ '^\d{16}$'),
  full_name   text NOT NULL,
  -- lower-case letters only, for possible-duplicate review (same person under another NIK)
  name_key    text NOT NULL,
  birth_date  date NOT NULL,
  sex         text NOT NULL CHECK (sex IN ('L', 'P')),
  occupation  text,
  phone       text,
  address     text,
  region_code text REFERENCES region (code),
  created_at  timestamptz NOT NULL
);
CREATE INDEX person_name_birth_idx ON person (name_key, birth_date);

-- Who pays: a regency treasury (APBD), a village (APBDes), an employer, the participant, a donor.
CREATE TABLE payer (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('regency', 'village', 'employer', 'self', 'csr')),
  name        text NOT NULL,
  region_code text REFERENCES region (code),
  created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX payer_region_uniq ON payer (kind, region_code) WHERE kind IN ('regency', 'village');

CREATE SEQUENCE kpj_serial;

-- Luhn check digit of a digit string (participant numbers carry one).
CREATE FUNCTION luhn_digit(digits text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((10 - sum(CASE WHEN (length(digits) - i) % 2 = 0
                         THEN (d * 2) - CASE WHEN d * 2 > 9 THEN 9 ELSE 0 END
                         ELSE d END) % 10) % 10)::int
  FROM (SELECT i, substr(digits, i, 1)::int AS d FROM generate_series(1, length(digits)) AS i) AS x
$$;

CREATE FUNCTION kpj_valid(kpj text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT kpj ~ '^\d{11}$' AND luhn_digit(left(kpj, 10)) = right(kpj, 1)::int
$$;

-- KPJ = 2-digit year of registration + 8-digit serial + Luhn digit.
CREATE FUNCTION next_kpj(year int) RETURNS text
LANGUAGE sql VOLATILE AS $$
  SELECT p || luhn_digit(p)
  FROM (SELECT lpad((year % 100)::text, 2, '0') || lpad(nextval('kpj_serial')::text, 8, '0') AS p) AS x
$$;

CREATE TABLE participant (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kpj                text NOT NULL UNIQUE CHECK (kpj_valid(kpj)),
  person_id          bigint NOT NULL REFERENCES person (id),
  segment            text NOT NULL CHECK (segment IN ('PU', 'BPU', 'JAKON', 'PMI')),
  programs           text[] NOT NULL CHECK (programs <@ ARRAY['JKK', 'JKM', 'JHT', 'JP', 'JKP'] AND cardinality(programs) > 0),
  funding_source     text NOT NULL CHECK (funding_source IN ('SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR')),
  payer_id           bigint NOT NULL REFERENCES payer (id),
  region_code        text NOT NULL REFERENCES region (code),
  regency_code       text NOT NULL REFERENCES region (code),
  declared_income_rp bigint CHECK (declared_income_rp IS NULL OR declared_income_rp > 0),
  status             text NOT NULL CHECK (status IN ('proposed', 'verified', 'active', 'lapsed', 'ended')),
  status_since       date NOT NULL,
  enrolment_batch_id bigint,
  created_at         timestamptz NOT NULL
);
CREATE INDEX participant_region_idx ON participant (regency_code, region_code);
CREATE INDEX participant_person_idx ON participant (person_id);
-- A person holds at most one active BPU membership.
CREATE UNIQUE INDEX participant_one_active_bpu ON participant (person_id) WHERE segment = 'BPU' AND status = 'active';

-- Every status change with its reason and date; coverage periods are derived from it.
CREATE TABLE participant_status (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id bigint NOT NULL REFERENCES participant (id),
  regency_code   text NOT NULL,
  status         text NOT NULL CHECK (status IN ('proposed', 'verified', 'active', 'lapsed', 'ended')),
  effective_date date NOT NULL,
  reason         text NOT NULL,
  actor          text NOT NULL,
  at             timestamptz NOT NULL
);
CREATE INDEX participant_status_participant_idx ON participant_status (participant_id, effective_date);

CREATE TABLE enrolment_batch (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  village_code   text NOT NULL REFERENCES region (code),
  regency_code   text NOT NULL REFERENCES region (code),
  funding_source text NOT NULL CHECK (funding_source IN ('APBD', 'APBDES', 'CSR')),
  status         text NOT NULL CHECK (status IN ('draft', 'submitted', 'verified', 'activated', 'rejected')),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  submitted_at   timestamptz,
  verified_at    timestamptz,
  activated_at   timestamptz,
  rejected_at    timestamptz,
  reject_reason  text
);
CREATE INDEX enrolment_batch_village_idx ON enrolment_batch (regency_code, village_code, status);
-- One batch at a time is being filled per village.
CREATE UNIQUE INDEX enrolment_batch_one_draft ON enrolment_batch (village_code) WHERE status = 'draft';

CREATE TABLE enrolment_upload (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id    bigint NOT NULL REFERENCES enrolment_batch (id),
  file_name   text NOT NULL,
  file_sha256 text NOT NULL,
  row_count   int NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  UNIQUE (batch_id, file_sha256)
);

-- Staging: every uploaded row as written, then validated set-based (validate_enrolment_upload).
-- state: valid | invalid | kept (already valid in this batch: not added twice) | superseded
CREATE TABLE enrolment_row (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id           bigint NOT NULL REFERENCES enrolment_batch (id),
  upload_id          bigint NOT NULL REFERENCES enrolment_upload (id),
  regency_code       text NOT NULL,
  row_number         int NOT NULL,
  nik                text,
  nik_not_text       boolean NOT NULL DEFAULT false,
  full_name          text,
  birth_date_raw     text,
  birth_date         date,
  sex                text,
  occupation         text,
  phone              text,
  address            text,
  village_code       text,
  income_raw         text,
  declared_income_rp bigint,
  -- problems as 'field:CODE' (codes from the error catalog)
  errors             text[] NOT NULL DEFAULT '{}',
  warnings           text[] NOT NULL DEFAULT '{}',
  state              text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'valid', 'invalid', 'kept', 'superseded')),
  UNIQUE (upload_id, row_number)
);
CREATE INDEX enrolment_row_batch_idx ON enrolment_row (batch_id, state);
CREATE INDEX enrolment_row_nik_idx ON enrolment_row (nik) WHERE state = 'valid';

-- NIK structure (Adminduk; fact sheet §7.1): 16 digits; province, regency, kecamatan; day of
-- birth (+40 for women); month; 2-digit year; serial from 0001. Returns the problem codes.
CREATE FUNCTION nik_problems(nik text, birth date, sex text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN nik IS NULL OR nik = '' THEN ARRAY['REQUIRED']
    WHEN nik !~ '^\d{16}$' THEN ARRAY['NIK_FORMAT']
    ELSE array_remove(ARRAY[
      CASE WHEN substr(nik, 1, 2)::int < 11 OR substr(nik, 3, 2) = '00' OR substr(nik, 5, 2) = '00'
           THEN 'NIK_REGION_FORMAT' END,
      CASE WHEN NOT (substr(nik, 7, 2)::int BETWEEN 1 AND 31 OR substr(nik, 7, 2)::int BETWEEN 41 AND 71)
             OR NOT substr(nik, 9, 2)::int BETWEEN 1 AND 12
           THEN 'NIK_BIRTH_FORMAT' END,
      CASE WHEN substr(nik, 13, 4) = '0000' THEN 'NIK_SERIAL_FORMAT' END,
      CASE WHEN birth IS NOT NULL AND (
             substr(nik, 7, 2)::int % 40 <> extract(day FROM birth)::int
             OR substr(nik, 9, 2)::int <> extract(month FROM birth)::int
             OR substr(nik, 11, 2)::int <> extract(year FROM birth)::int % 100)
           THEN 'NIK_BIRTH_DATE_MISMATCH' END,
      CASE WHEN sex IN ('L', 'P') AND (substr(nik, 7, 2)::int > 40) <> (sex = 'P')
           THEN 'NIK_SEX_MISMATCH' END
    ], NULL)
  END
$$;

-- Letters only, lower case: "Maria  Goreti" and "MARIA GORETI" give the same key.
CREATE FUNCTION name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(coalesce(name, '')), '[^a-z]', '', 'g')
$$;
