-- lindung 0028: BPU mandiri — individual registration and self-payment (issue 13, point 1).
--
-- A self-paying informal worker (Bukan Penerima Upah) registers with a declared income, the
-- programmes (JKK + JKM, JHT optional) and how many months they pay at once (1, 3, 6 or 12). Each
-- registration has a personal payment code. Collection is either personal — the worker (or a
-- village or agent at the counter) pays with the code, and each payment comes with its own invoice
-- for the months it covers — or collective through an agent (a Perisai-style collector), whose
-- payer the monthly billing run bills as it always did.
CREATE TABLE bpu_registration (
  participant_id    bigint PRIMARY KEY REFERENCES participant (id),
  regency_code      text NOT NULL REFERENCES region (code),
  -- '88' + KPJ: unique because the KPJ is, and readable at a bank counter.
  payment_code      text NOT NULL UNIQUE CHECK (payment_code ~ '^88\d{11}$'),
  frequency_months  int NOT NULL CHECK (frequency_months IN (1, 3, 6, 12)),
  collection        text NOT NULL CHECK (collection IN ('personal', 'agent')),
  -- the collector's name when collection = 'agent'
  agent_name        text CHECK ((collection = 'agent') = (agent_name IS NOT NULL)),
  registered_on     date NOT NULL,
  registered_by     text NOT NULL,
  created_at        timestamptz NOT NULL
);
CREATE INDEX bpu_registration_regency_idx ON bpu_registration (regency_code, registered_on);

-- A self-payment's invoice (kind 'bpu') belongs to no billing run and no project, like a premium
-- (0026): it is issued for the months a payment covers, one line per programme and month.
ALTER TABLE invoice DROP CONSTRAINT invoice_kind_check;
ALTER TABLE invoice ADD CONSTRAINT invoice_kind_check
  CHECK (kind IN ('regular', 'adjustment', 'premium', 'bpu'));
ALTER TABLE invoice DROP CONSTRAINT invoice_one_source;
ALTER TABLE invoice ADD CONSTRAINT invoice_one_source
  CHECK (num_nonnulls(billing_run_id, project_id) = CASE WHEN kind IN ('premium', 'bpu') THEN 0 ELSE 1 END);
