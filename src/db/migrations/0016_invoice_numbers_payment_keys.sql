-- lindung 0016: gap-free invoice numbers, and idempotency keys that belong to the user who posts.

-- Invoice numbers were taken from a sequence (invoice_serial), which does not roll back: a billing
-- run killed or refused after numbering its invoices left those numbers never issued. From now on
-- each regency counts its own invoices in this row, updated in the billing run's own transaction,
-- so a run that does not commit takes no number (docs/billing.md "Invoice numbers"). A regency
-- with invoices already continues after its highest serial, so no new number repeats an old one.
CREATE TABLE invoice_counter (
  regency_code text PRIMARY KEY REFERENCES region (code),
  last_serial  bigint NOT NULL CHECK (last_serial >= 0)
);
INSERT INTO invoice_counter (regency_code, last_serial)
SELECT regency_code, max(substring(number FROM '(\d+)$')::bigint) FROM invoice GROUP BY regency_code;

-- The numbers the old sequence handed out and no invoice carries, each with why, as tax and audit
-- practice asks of a numbered series. Gaps cannot arise any more; the table keeps the history.
CREATE TABLE invoice_number_gap (
  serial      bigint PRIMARY KEY,
  reason      text NOT NULL,
  recorded_at timestamptz NOT NULL
);
INSERT INTO invoice_number_gap (serial, reason, recorded_at)
SELECT s, 'taken from the sequence invoice_serial by a billing run that did not commit (killed or refused); '
          || 'recorded by migration 0016', now()
FROM generate_series(1, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM invoice_serial)) AS s
WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE substring(i.number FROM '(\d+)$')::bigint = s);
CREATE TRIGGER invoice_number_gap_append_only BEFORE UPDATE OR DELETE ON invoice_number_gap
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- An Idempotency-Key was one namespace for everybody: another user who sent a key already used
-- learned that it existed (IDEMPOTENCY_KEY_REUSED) or, with the same body, got the first answer.
-- A key now belongs to the user who posted with it; the same key from someone else is a new key.
ALTER TABLE payment DROP CONSTRAINT payment_idempotency_key_key;
ALTER TABLE payment ADD CONSTRAINT payment_actor_idempotency_key_key UNIQUE (actor, idempotency_key);
