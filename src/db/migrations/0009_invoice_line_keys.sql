-- lindung 0009: the billing run writes every invoice line of a regency in one statement; a foreign
-- key check per line (a lookup and a row lock on its invoice and on its participant) more than
-- doubled that statement's time at 1,000,000 participants (npm run bench -- billing). The lines are
-- written only by the run, from invoice and participant rows it read in the same transaction, and
-- neither parent can disappear: invoices are append-only (0004) and participants are never deleted,
-- which a trigger now enforces. The late-fee reference keeps its key (few rows).
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_invoice_id_fkey;
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_participant_id_fkey;
CREATE TRIGGER participant_no_delete BEFORE DELETE ON participant
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
