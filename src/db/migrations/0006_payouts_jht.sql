-- lindung 0006: paying approved claims through the bank in batches (maker/checker, export once,
-- reconcile the bank's result), and each participant's JHT account as an append-only ledger.

CREATE SEQUENCE payout_batch_serial;

CREATE TABLE payout_batch (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Also the transfer reference the bank echoes back in its result file.
  number            text NOT NULL UNIQUE CHECK (number ~ '^[A-Z0-9-]{6,40}$'),
  regency_code      text NOT NULL REFERENCES region (code),
  -- draft (made) → approved (checked by a second person) → exported (file handed to the bank)
  -- → reconciled (every payout has the bank's final answer).
  status            text NOT NULL CHECK (status IN ('draft', 'approved', 'exported', 'reconciled')),
  count             int NOT NULL CHECK (count > 0),
  total_rp          bigint NOT NULL CHECK (total_rp >= 0),
  declared_count    int,
  declared_total_rp bigint,
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL,
  approved_by       text,
  approved_at       timestamptz,
  export_file_name  text,
  export_body       bytea,
  export_sha256     text,
  exported_by       text,
  exported_at       timestamptz,
  reconciled_at     timestamptz,
  CHECK (approved_by IS NULL OR approved_by <> created_by),
  CHECK ((status = 'draft') = (approved_by IS NULL)),
  CHECK ((status IN ('exported', 'reconciled')) = (export_body IS NOT NULL)),
  CHECK (approved_by IS NULL OR (declared_count = count AND declared_total_rp = total_rp))
);
CREATE INDEX payout_batch_regency_idx ON payout_batch (regency_code, status);

-- One row per claim per attempt: a failed or returned payment stays as history and the claim
-- goes back to the queue for a new attempt in a later batch.
CREATE TABLE payout (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id       bigint NOT NULL REFERENCES payout_batch (id),
  claim_id       bigint NOT NULL REFERENCES claim (id),
  regency_code   text NOT NULL,
  program        text NOT NULL,
  amount_rp      bigint NOT NULL CHECK (amount_rp > 0),
  bank_code      text NOT NULL,
  bank_account   text NOT NULL,
  account_holder text NOT NULL,
  status         text NOT NULL CHECK (status IN ('pending', 'exported', 'paid', 'failed', 'returned')),
  paid_on        date,
  returned_on    date,
  failed_on      date,
  bank_reference text,
  updated_at     timestamptz NOT NULL,
  CHECK (status NOT IN ('paid', 'returned') OR paid_on IS NOT NULL)
);
CREATE INDEX payout_batch_idx ON payout (batch_id);
CREATE INDEX payout_paid_idx ON payout (regency_code, paid_on) WHERE status = 'paid';
-- A claim is in at most one live payment: never batched twice, never paid twice, even when two
-- clerks race (the second insert waits for the first and then fails).
CREATE UNIQUE INDEX payout_one_live_per_claim ON payout (claim_id) WHERE status IN ('pending', 'exported', 'paid');

-- Each bank result file applied to a batch, kept once by its content: a second upload of the
-- same bytes answers what the first did.
CREATE TABLE payout_result_import (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id    bigint NOT NULL REFERENCES payout_batch (id),
  file_name   text NOT NULL,
  sha256      text NOT NULL,
  paid        int NOT NULL,
  failed      int NOT NULL,
  returned    int NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  UNIQUE (batch_id, sha256)
);
CREATE TRIGGER payout_result_import_append_only BEFORE UPDATE OR DELETE ON payout_result_import
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- JHT return rates as announced by BPJS Ketenagakerjaan for a year; data, never code.
CREATE TABLE jht_return_rate (
  year       int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  rate_bp    int NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  source     text NOT NULL CHECK (length(trim(source)) > 0),
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL
);

-- A participant's JHT account: the balance is the sum of its entries; nothing is edited.
CREATE TABLE jht_entry (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id  bigint NOT NULL REFERENCES participant (id),
  regency_code    text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('opening', 'contribution', 'return', 'withdrawal', 'withdrawal_reversal')),
  amount_rp       bigint NOT NULL,
  -- The day the money counts from (returns are weighted by it); its year is the statement year.
  effective_date  date NOT NULL,
  year            int NOT NULL,
  period          text CHECK (period IS NULL OR period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  invoice_id      bigint REFERENCES invoice (id),
  invoice_line_id bigint REFERENCES invoice_line (id),
  claim_id        bigint REFERENCES claim (id),
  payout_id       bigint REFERENCES payout (id),
  rate_bp         int,
  source          text,
  actor           text NOT NULL,
  at              timestamptz NOT NULL,
  CHECK (year = extract(year FROM effective_date)::int),
  CHECK (CASE kind
           WHEN 'opening' THEN amount_rp >= 0 AND source IS NOT NULL
           WHEN 'contribution' THEN amount_rp <> 0 AND invoice_line_id IS NOT NULL
           WHEN 'return' THEN amount_rp > 0 AND rate_bp IS NOT NULL
           WHEN 'withdrawal' THEN amount_rp < 0 AND payout_id IS NOT NULL
           ELSE amount_rp > 0 AND payout_id IS NOT NULL END)
);
CREATE INDEX jht_entry_participant_idx ON jht_entry (participant_id, effective_date);
CREATE INDEX jht_entry_regency_idx ON jht_entry (regency_code, year);
-- Idempotency of every credit: one opening per account, one credit per invoice line, one
-- return per participant and year, one withdrawal and one reversal per payout.
CREATE UNIQUE INDEX jht_entry_one_opening ON jht_entry (participant_id) WHERE kind = 'opening';
CREATE UNIQUE INDEX jht_entry_one_per_line ON jht_entry (invoice_line_id) WHERE kind = 'contribution';
CREATE UNIQUE INDEX jht_entry_one_return ON jht_entry (participant_id, year) WHERE kind = 'return';
CREATE UNIQUE INDEX jht_entry_one_withdrawal ON jht_entry (payout_id) WHERE kind = 'withdrawal';
CREATE UNIQUE INDEX jht_entry_one_reversal ON jht_entry (payout_id) WHERE kind = 'withdrawal_reversal';

CREATE TRIGGER jht_entry_append_only BEFORE UPDATE OR DELETE ON jht_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
