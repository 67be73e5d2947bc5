-- lindung 0025: Non-ASN government workers as their own segment of government employers
-- (issue 13 point 4). A government employer (employer.is_government, the regency government)
-- employs its Non-ASN workers in its work units (OPD, organisasi perangkat daerah): the units are
-- kept here and every Non-ASN employment may name its unit, so reports count them per OPD.
-- Basis: Inpres 2/2021 and the Permendagri APBD guidelines (27/2021, 84/2022, 15/2023) require
-- regions to enrol and budget their Non-ASN workers (regulations.md §5).

CREATE TABLE work_unit (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id  bigint NOT NULL REFERENCES employer (id),
  regency_code text NOT NULL REFERENCES region (code),
  -- the unit's short code as the regency writes it (e.g. DINKES, BKPSDM, SETDA)
  code         text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,19}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (employer_id, code),
  -- the target of employment's composite key: a unit always belongs to the worker's employer
  UNIQUE (employer_id, id)
);

ALTER TABLE employment ADD COLUMN work_unit_id bigint;
ALTER TABLE employment ADD CONSTRAINT employment_work_unit_fk
  FOREIGN KEY (employer_id, work_unit_id) REFERENCES work_unit (employer_id, id);
CREATE INDEX employment_work_unit_idx ON employment (work_unit_id) WHERE work_unit_id IS NOT NULL;
