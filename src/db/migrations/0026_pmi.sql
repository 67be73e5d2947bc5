-- lindung 0026: Pekerja Migran Indonesia (issue 13, point 3).
--
-- A (calon) PMI is registered by the branch with the placement country, the work agreement and
-- the departure date; the three periods of cover (sebelum, selama, setelah bekerja — Permenaker
-- 4/2023) are stored with the membership, and the premium (Pasal 18) is invoiced at once to who
-- pays it: the placement agency (P3MI) or, for a PMI perseorangan, the worker.

-- Placement agencies (Perusahaan Penempatan PMI), by licence number (SIP3MI); each pays its
-- workers' premiums through a payer of its own.
ALTER TABLE payer DROP CONSTRAINT payer_kind_check;
ALTER TABLE payer ADD CONSTRAINT payer_kind_check
  CHECK (kind IN ('regency', 'village', 'employer', 'self', 'csr', 'agency'));

CREATE TABLE placement_agency (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  license_number text NOT NULL UNIQUE CHECK (license_number ~ '^[A-Z0-9][A-Z0-9./-]{2,39}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  payer_id       bigint NOT NULL UNIQUE REFERENCES payer (id),
  region_code    text NOT NULL REFERENCES region (code),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL
);

-- A premium invoiced when a membership is registered (kind 'premium') belongs to no billing run and
-- no construction project (0024); every other invoice names exactly one of the two. The monthly run
-- neither counts nor corrects invoices that are not a run's (src/db/billing.ts).
ALTER TABLE invoice DROP CONSTRAINT invoice_kind_check;
ALTER TABLE invoice ADD CONSTRAINT invoice_kind_check CHECK (kind IN ('regular', 'adjustment', 'premium'));
ALTER TABLE invoice DROP CONSTRAINT invoice_run_or_project;
ALTER TABLE invoice ADD CONSTRAINT invoice_one_source
  CHECK (num_nonnulls(billing_run_id, project_id) = CASE WHEN kind = 'premium' THEN 0 ELSE 1 END);

-- One placement per PMI membership: the agreement, the periods of cover and the premium invoice.
CREATE TABLE pmi_placement (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id    bigint NOT NULL UNIQUE REFERENCES participant (id),
  regency_code      text NOT NULL REFERENCES region (code),
  -- NULL: PMI perseorangan, who registers and pays for themself
  agency_id         bigint REFERENCES placement_agency (id),
  country_code      text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  contract_start    date NOT NULL,
  contract_months   int NOT NULL CHECK (contract_months BETWEEN 1 AND 120),
  departure_date    date NOT NULL,
  registered_on     date NOT NULL,
  -- sebelum bekerja: registered_on .. departure_date - 1 (none when they are the same day)
  placement_end     date NOT NULL,
  post_placement_end date NOT NULL,
  premium_rp        bigint NOT NULL CHECK (premium_rp > 0),
  premium_basis     jsonb NOT NULL,
  invoice_id        bigint NOT NULL UNIQUE REFERENCES invoice (id),
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL,
  CHECK (registered_on <= departure_date AND departure_date <= contract_start),
  CHECK (contract_start <= placement_end AND placement_end < post_placement_end)
);
CREATE INDEX pmi_placement_agency_idx ON pmi_placement (agency_id) WHERE agency_id IS NOT NULL;
CREATE INDEX pmi_placement_regency_idx ON pmi_placement (regency_code, registered_on);

-- A person holds at most one active PMI membership (as 0002 does for BPU).
CREATE UNIQUE INDEX participant_one_active_pmi ON participant (person_id) WHERE segment = 'PMI' AND status = 'active';
