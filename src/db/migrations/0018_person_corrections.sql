-- lindung 0018: corrections of a person's data (full name, birth date, sex, a NIK typo) by
-- maker-checker (issue 12, point 1). One user proposes with a reason and an evidence note, another
-- decides; on approval the person row changes in the same transaction as the audit row. The old and
-- new values are kept here in full (the audit row keeps them masked, like every audit row).
CREATE TABLE person_correction (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id      bigint NOT NULL REFERENCES person (id),
  -- the membership it was proposed through: its village is the correction's scope
  participant_id bigint NOT NULL REFERENCES participant (id),
  region_code    text NOT NULL REFERENCES region (code),
  regency_code   text NOT NULL REFERENCES region (code),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  old_full_name  text,
  new_full_name  text CHECK (length(new_full_name) BETWEEN 1 AND 100),
  old_birth_date date,
  new_birth_date date,
  old_sex        text,
  new_sex        text CHECK (new_sex IN ('L', 'P')),
  old_nik        text,
  new_nik        text CHECK (new_nik ~ '^\d{16}$'),
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  evidence_note  text NOT NULL CHECK (length(evidence_note) BETWEEN 1 AND 500),
  proposed_by    text NOT NULL,
  proposed_at    timestamptz NOT NULL,
  decided_by     text,
  decided_at     timestamptz,
  decision_note  text CHECK (length(decision_note) <= 500),
  CHECK (num_nonnulls(new_full_name, new_birth_date, new_sex, new_nik) > 0),
  CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
  -- the maker never checks their own proposal (the last line of defence behind the service)
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
-- A person has at most one pending correction of each field.
CREATE UNIQUE INDEX person_correction_one_full_name ON person_correction (person_id)
  WHERE status = 'pending' AND new_full_name IS NOT NULL;
CREATE UNIQUE INDEX person_correction_one_birth_date ON person_correction (person_id)
  WHERE status = 'pending' AND new_birth_date IS NOT NULL;
CREATE UNIQUE INDEX person_correction_one_sex ON person_correction (person_id)
  WHERE status = 'pending' AND new_sex IS NOT NULL;
CREATE UNIQUE INDEX person_correction_one_nik ON person_correction (person_id)
  WHERE status = 'pending' AND new_nik IS NOT NULL;
-- Two pending corrections may not both claim the same new NIK.
CREATE UNIQUE INDEX person_correction_new_nik ON person_correction (new_nik) WHERE status = 'pending';
-- The approver's queue.
CREATE INDEX person_correction_queue ON person_correction (regency_code, status, id);
