-- lindung 0003: employers (NPP), formal employment and monthly wage reports, construction (JAKON)
-- projects and their workers. Large tables carry regency_code (the growth path partitions by it).

-- Business types → JKK risk group I–V (PP 44/2015 Pasal 16(2) + Lampiran I).
-- INCOMPLETE ON PURPOSE: the full Lampiran I must be transcribed from the PDF of PP 44/2015
-- (fact sheet §2.1: "encode the table from the PDF, not from memory"). Only the examples the
-- fact sheet names are seeded, each with status 'partial'; an admin edits and adds rows
-- (PUT /api/v1/business-types/{code}) and marks them 'confirmed' once read in the PDF.
CREATE TABLE business_type (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_]{1,47}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  risk_group smallint NOT NULL CHECK (risk_group BETWEEN 1 AND 5),
  source     text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  status     text NOT NULL CHECK (status IN ('partial', 'confirmed')),
  updated_by text NOT NULL,
  updated_at timestamptz
);

INSERT INTO business_type (code, name, risk_group, source, status, updated_by) VALUES
  ('konveksi', 'Konveksi', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('perdagangan', 'Perdagangan', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('bank', 'Bank', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('asuransi', 'Asuransi', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('jasa_pemerintahan', 'Jasa pemerintahan', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('apotik', 'Apotik', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('salon', 'Salon', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('jasa_profesi', 'Jasa profesi', 1, 'PP 44/2015 Lampiran I, kelompok I (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('pertanian_rakyat', 'Pertanian rakyat', 2, 'PP 44/2015 Lampiran I, kelompok II (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003'),
  ('perkebunan', 'Perkebunan', 2, 'PP 44/2015 Lampiran I, kelompok II (contoh di lembar fakta §2.1; tabel lengkap belum ditranskripsi)', 'partial', 'migration 0003');

CREATE TABLE employer (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Nomor Pendaftaran Perusahaan; the format is not in the fact sheet, so only its shape is checked.
  npp                text NOT NULL UNIQUE CHECK (npp ~ '^[0-9A-Z]{5,20}$'),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  business_type_code text NOT NULL REFERENCES business_type (code),
  -- The JKK risk group as of registration: the business type's group, or an override with its reason.
  risk_group         smallint NOT NULL CHECK (risk_group BETWEEN 1 AND 5),
  risk_group_reason  text CHECK (risk_group_reason IS NULL OR length(risk_group_reason) BETWEEN 1 AND 500),
  scale              text NOT NULL CHECK (scale IN ('micro', 'small', 'medium', 'large')),
  -- A regency government (OPD) employing Non-ASN workers.
  is_government      boolean NOT NULL DEFAULT false,
  region_code        text NOT NULL REFERENCES region (code),
  regency_code       text NOT NULL REFERENCES region (code),
  payer_id           bigint NOT NULL UNIQUE REFERENCES payer (id),
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL,
  CHECK (left(region_code, 5) = regency_code)
);
CREATE INDEX employer_region_idx ON employer (regency_code, region_code);

-- One job of a person at an employer; its PU participant carries the KPJ and the programmes.
CREATE TABLE employment (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id    bigint NOT NULL REFERENCES employer (id),
  person_id      bigint NOT NULL REFERENCES person (id),
  participant_id bigint NOT NULL UNIQUE REFERENCES participant (id),
  regency_code   text NOT NULL,
  start_date     date NOT NULL,
  end_date       date,
  wage_rp        bigint NOT NULL CHECK (wage_rp > 0),
  -- The report period the current wage comes from (null: from the registration form).
  wage_period    text CHECK (wage_period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  created_at     timestamptz NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX employment_one_open ON employment (employer_id, person_id) WHERE end_date IS NULL;
CREATE INDEX employment_person_idx ON employment (person_id);

-- An employer's monthly wages as reported: the billing run reads it for the period.
CREATE TABLE wage_report (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id  bigint NOT NULL REFERENCES employer (id),
  regency_code text NOT NULL,
  period       text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  person_id    bigint NOT NULL REFERENCES person (id),
  wage_rp      bigint NOT NULL CHECK (wage_rp > 0),
  mutation     text NOT NULL CHECK (mutation IN ('join', 'leave', 'wage_change', 'none')),
  reported_by  text NOT NULL,
  reported_at  timestamptz NOT NULL,
  UNIQUE (employer_id, period, person_id)
);
CREATE INDEX wage_report_period_idx ON wage_report (regency_code, period);

-- Each wage file received, and its rows as written, validated set-based before they are applied.
CREATE TABLE wage_upload (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id  bigint NOT NULL REFERENCES employer (id),
  regency_code text NOT NULL,
  period       text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  file_name    text NOT NULL,
  file_sha256  text NOT NULL,
  row_count    int NOT NULL,
  summary      jsonb NOT NULL DEFAULT '{}',
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL
);
CREATE INDEX wage_upload_employer_idx ON wage_upload (employer_id, period, file_sha256);

CREATE TABLE wage_upload_row (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  upload_id    bigint NOT NULL REFERENCES wage_upload (id),
  regency_code text NOT NULL,
  row_number   int NOT NULL,
  nik          text NOT NULL,
  nik_not_text boolean NOT NULL DEFAULT false,
  full_name    text NOT NULL,
  wage_raw     text NOT NULL,
  wage_rp      bigint,
  mutation_raw text NOT NULL,
  mutation     text,
  birth_date   date,
  birth_raw    text NOT NULL DEFAULT '',
  sex          text NOT NULL DEFAULT '',
  person_id    bigint,
  employment_id bigint,
  -- problems as 'field:CODE' (codes from the error catalog)
  errors       text[] NOT NULL DEFAULT '{}',
  -- what applying the row did: join | leave | wage_change | unchanged (null while invalid)
  outcome      text,
  UNIQUE (upload_id, row_number)
);

CREATE TABLE construction_project (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_number         text NOT NULL UNIQUE CHECK (project_number ~ '^[A-Z0-9][A-Z0-9./-]{2,39}$'),
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- pemberi kerja (the project owner), e.g. a regency agency
  owner_name             text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  contractor_employer_id bigint NOT NULL REFERENCES employer (id),
  contract_value_rp      bigint NOT NULL CHECK (contract_value_rp > 0),
  start_date             date NOT NULL,
  end_date               date NOT NULL,
  region_code            text NOT NULL REFERENCES region (code),
  regency_code           text NOT NULL REFERENCES region (code),
  premium_rp             bigint NOT NULL CHECK (premium_rp >= 0),
  -- the rules' lines, parameters (with their effective dates and references) and the period used
  premium_basis          jsonb NOT NULL,
  status                 text NOT NULL CHECK (status IN ('registered', 'finished', 'cancelled')),
  created_by             text NOT NULL,
  created_at             timestamptz NOT NULL,
  CHECK (end_date >= start_date),
  CHECK (left(region_code, 5) = regency_code)
);
CREATE INDEX construction_project_region_idx ON construction_project (regency_code, region_code);
CREATE INDEX construction_project_contractor_idx ON construction_project (contractor_employer_id);

CREATE TABLE project_worker (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id     bigint NOT NULL REFERENCES construction_project (id),
  person_id      bigint NOT NULL REFERENCES person (id),
  participant_id bigint NOT NULL UNIQUE REFERENCES participant (id),
  regency_code   text NOT NULL,
  joined_on      date NOT NULL,
  left_on        date NOT NULL,
  UNIQUE (project_id, person_id),
  CHECK (left_on >= joined_on)
);
