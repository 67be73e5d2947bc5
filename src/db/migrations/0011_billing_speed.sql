-- lindung 0011: the billing run writes a million invoice lines in one statement, and every one of
-- them queued a foreign-key check event for source_invoice_id even though only late-fee lines (a
-- handful per run) have one. The same check now runs as a trigger whose WHEN clause skips the
-- contribution lines at insert time, so no event is queued for them. The referenced invoice
-- cannot disappear later: invoices are append-only (0004).
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_source_invoice_id_fkey;

CREATE FUNCTION invoice_line_source_exists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM invoice WHERE id = NEW.source_invoice_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'invoice_line.source_invoice_id % is not an invoice', NEW.source_invoice_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER invoice_line_source_invoice AFTER INSERT ON invoice_line
  FOR EACH ROW WHEN (NEW.source_invoice_id IS NOT NULL) EXECUTE FUNCTION invoice_line_source_exists();
