-- lindung 0004: agreements and budgets, billing runs and invoices, payments and their
-- allocation, and the double-entry ledger whose entries the database keeps balanced.

CREATE TABLE agreement (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number       text NOT NULL UNIQUE,
  title        text NOT NULL,
  regency_code text NOT NULL REFERENCES region (code),
  office_code  text NOT NULL REFERENCES office (code),
  signed_on    date NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date NOT NULL CHECK (valid_to >= valid_from),
  signatories  jsonb NOT NULL,
  legal_basis  text[] NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL
);

-- The budget one funding party puts into an agreement for one fiscal year.
CREATE TABLE budget_allocation (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id   bigint NOT NULL REFERENCES agreement (id),
  payer_id       bigint NOT NULL REFERENCES payer (id),
  funding_source text NOT NULL CHECK (funding_source IN ('APBD', 'APBDES', 'CSR')),
  fiscal_year    int NOT NULL CHECK (fiscal_year BETWEEN 2015 AND 2100),
  amount_rp      bigint NOT NULL CHECK (amount_rp >= 0),
  quota_workers  int CHECK (quota_workers IS NULL OR quota_workers >= 0),
  UNIQUE (agreement_id, payer_id, fiscal_year)
);

CREATE TABLE billing_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  regency_code  text NOT NULL REFERENCES region (code),
  period        text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  rules_version text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('regular', 'adjustment')),
  participants  int NOT NULL,
  lines         int NOT NULL,
  total_rp      bigint NOT NULL,
  actor         text NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX billing_run_period_idx ON billing_run (regency_code, period);

CREATE SEQUENCE invoice_serial;

CREATE TABLE invoice (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number         text NOT NULL UNIQUE,
  payer_id       bigint NOT NULL REFERENCES payer (id),
  regency_code   text NOT NULL REFERENCES region (code),
  period         text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  billing_run_id bigint NOT NULL REFERENCES billing_run (id),
  kind           text NOT NULL CHECK (kind IN ('regular', 'adjustment')),
  issued_at      timestamptz NOT NULL,
  due_date       date NOT NULL,
  total_rp       bigint NOT NULL
);
CREATE INDEX invoice_payer_idx ON invoice (payer_id, due_date);
CREATE INDEX invoice_period_idx ON invoice (regency_code, period);

-- One line per participant × programme × period; adjustments may be negative. A late fee is a
-- line of its own, charged on an earlier invoice of the payer (source_invoice_id), not on a person.
CREATE TABLE invoice_line (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  invoice_id        bigint NOT NULL REFERENCES invoice (id),
  regency_code      text NOT NULL,
  participant_id    bigint REFERENCES participant (id),
  source_invoice_id bigint REFERENCES invoice (id),
  period         text NOT NULL,
  program        text NOT NULL,
  payer_role     text NOT NULL CHECK (payer_role IN ('employer', 'worker', 'participant')),
  kind           text NOT NULL CHECK (kind IN ('contribution', 'adjustment', 'late_fee')),
  amount_rp      bigint NOT NULL,
  basis          text NOT NULL,
  CHECK ((kind = 'late_fee') = (participant_id IS NULL)),
  CHECK ((kind = 'late_fee') = (source_invoice_id IS NOT NULL))
);
CREATE INDEX invoice_line_invoice_idx ON invoice_line (invoice_id);
CREATE INDEX invoice_line_source_idx ON invoice_line (source_invoice_id) WHERE source_invoice_id IS NOT NULL;
CREATE INDEX invoice_line_participant_idx ON invoice_line (participant_id, period);

-- Issued invoices are never edited: corrections are new adjustment lines on new invoices.
CREATE TRIGGER invoice_append_only BEFORE UPDATE OR DELETE ON invoice
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER invoice_line_append_only BEFORE UPDATE OR DELETE ON invoice_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE payment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payer_id        bigint NOT NULL REFERENCES payer (id),
  regency_code    text NOT NULL,
  amount_rp       bigint NOT NULL CHECK (amount_rp <> 0),
  received_on     date NOT NULL,
  reference       text NOT NULL,
  -- A client retrying the same posting sends the same key; the same key with another payload is refused.
  idempotency_key text NOT NULL UNIQUE,
  request_hash    text NOT NULL,
  reverses_id     bigint UNIQUE REFERENCES payment (id),
  posted_at       timestamptz NOT NULL,
  actor           text NOT NULL,
  CHECK ((reverses_id IS NULL) = (amount_rp > 0))
);
CREATE INDEX payment_payer_idx ON payment (payer_id);

-- Which invoice each rupiah of a payment settled; a reversal adds negative allocations.
CREATE TABLE payment_allocation (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id bigint NOT NULL REFERENCES payment (id),
  invoice_id bigint NOT NULL REFERENCES invoice (id),
  amount_rp  bigint NOT NULL CHECK (amount_rp <> 0),
  at         timestamptz NOT NULL
);
CREATE INDEX payment_allocation_invoice_idx ON payment_allocation (invoice_id);
CREATE INDEX payment_allocation_payment_idx ON payment_allocation (payment_id);
CREATE TRIGGER payment_append_only BEFORE UPDATE OR DELETE ON payment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payment_allocation_append_only BEFORE UPDATE OR DELETE ON payment_allocation
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The ledger: an entry is lines that sum to zero; accounts are named, with payer or programme.
CREATE TABLE ledger_entry (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  regency_code text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('invoice', 'payment', 'payment_reversal', 'benefit', 'benefit_reversal')),
  ref_id       bigint NOT NULL,
  at           timestamptz NOT NULL,
  UNIQUE (kind, ref_id)
);

CREATE TABLE ledger_line (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id  bigint NOT NULL REFERENCES ledger_entry (id),
  account   text NOT NULL CHECK (account IN ('receivable', 'contribution_income', 'cash', 'benefit_expense', 'benefit_payable')),
  payer_id  bigint REFERENCES payer (id),
  program   text,
  amount_rp bigint NOT NULL CHECK (amount_rp <> 0)
);
CREATE INDEX ledger_line_entry_idx ON ledger_line (entry_id);
CREATE INDEX ledger_line_payer_idx ON ledger_line (payer_id) WHERE payer_id IS NOT NULL;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_line_append_only BEFORE UPDATE OR DELETE ON ledger_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Checked at commit, so an entry's lines can be written in several statements of one transaction.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
BEGIN
  SELECT l.entry_id INTO unbalanced FROM ledger_line l
  WHERE l.entry_id = NEW.entry_id GROUP BY l.entry_id HAVING sum(l.amount_rp) <> 0;
  IF FOUND THEN
    RAISE EXCEPTION 'LINDUNG:LEDGER_UNBALANCED:%', unbalanced;
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_line_balanced AFTER INSERT ON ledger_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
