-- lindung 0024: construction (JAKON) project premiums invoiced to the contractor (issue 13, point 2).
--
-- A project's premium (JKK + JKM on the contract-value tiers, fact sheet §2.4) is one invoice of its
-- own, issued when the project is registered, not by a monthly billing run: the premium is paid up
-- front (Permenakertrans 44/2015 Pasal 3-4: the certificate follows the form and the first
-- payment). Such an invoice names its project instead of a billing run.
ALTER TABLE invoice ALTER COLUMN billing_run_id DROP NOT NULL;
ALTER TABLE invoice ADD COLUMN project_id bigint REFERENCES construction_project (id);
ALTER TABLE invoice ADD CONSTRAINT invoice_run_or_project CHECK ((billing_run_id IS NULL) <> (project_id IS NULL));
CREATE INDEX invoice_project_idx ON invoice (project_id) WHERE project_id IS NOT NULL;

-- A premium line is charged on the project, not on a person (its workers are not known when it is
-- registered): like a late fee it has no participant. Existing rows met the stricter check this
-- replaces, hence NOT VALID (no scan of every invoice line).
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_kind_check;
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_check;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_kind_check
  CHECK (kind IN ('contribution', 'adjustment', 'late_fee', 'project_premium')) NOT VALID;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_participant_check
  CHECK ((kind IN ('late_fee', 'project_premium')) = (participant_id IS NULL)) NOT VALID;

-- Each change of a project's contract value or end date, with the premium before and after, what
-- was invoiced for it, and what was not refunded (regulations.md is silent on refunds: none).
CREATE TABLE construction_project_change (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id          bigint NOT NULL REFERENCES construction_project (id),
  contract_value_rp   bigint NOT NULL CHECK (contract_value_rp > 0),
  end_date            date NOT NULL,
  old_contract_value_rp bigint NOT NULL,
  old_end_date        date NOT NULL,
  old_premium_rp      bigint NOT NULL CHECK (old_premium_rp >= 0),
  premium_rp          bigint NOT NULL CHECK (premium_rp >= 0),
  invoice_id          bigint REFERENCES invoice (id),
  not_refunded_rp     bigint NOT NULL CHECK (not_refunded_rp >= 0),
  reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  actor               text NOT NULL,
  at                  timestamptz NOT NULL
);
CREATE INDEX construction_project_change_project_idx ON construction_project_change (project_id);
CREATE TRIGGER construction_project_change_append_only BEFORE UPDATE OR DELETE ON construction_project_change
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
