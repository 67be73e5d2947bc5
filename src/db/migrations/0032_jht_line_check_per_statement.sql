-- A JHT credit's invoice line is checked once per statement instead of once per row.
--
-- jht_entry cannot carry a foreign key to the partitioned invoice_line (its key holds the
-- partition columns), so 0029 checked each credit's line with a row trigger: one plpgsql call
-- and one index probe per entry. A month's credit run writes an entry per JHT line (about 32,000
-- a month in the Belu demo), and the trigger was two thirds of its time (10.3 s against 3.6 s
-- without it, PostgreSQL, demo month 2026-10). One statement now checks all the entries it wrote
-- against the lines of their month and regency (a credit copies its line's period and regency),
-- per month and regency so each check reads a single partition.
--
-- The row trigger also took FOR KEY SHARE on the line, as a foreign key would; invoice_line is
-- append-only (invoice_line_append_only), so no line can go away under a credit.

DROP TRIGGER jht_entry_invoice_line ON jht_entry;
DROP FUNCTION jht_entry_line_exists();

CREATE FUNCTION jht_entries_lines_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  part record;
  missing record;
BEGIN
  FOR part IN SELECT DISTINCT period, regency_code FROM new_entries WHERE invoice_line_id IS NOT NULL LOOP
    SELECT n.invoice_line_id, n.period, n.regency_code INTO missing
    FROM new_entries n
    WHERE n.invoice_line_id IS NOT NULL
      AND n.period IS NOT DISTINCT FROM part.period AND n.regency_code = part.regency_code
      AND NOT EXISTS (SELECT 1 FROM invoice_line l
                      WHERE l.id = n.invoice_line_id AND l.regency_code = part.regency_code
                        AND (part.period IS NULL OR l.period = part.period))
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'jht_entry.invoice_line_id % is not an invoice line of period % in regency %',
        missing.invoice_line_id, missing.period, missing.regency_code
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER jht_entry_invoice_line AFTER INSERT ON jht_entry
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION jht_entries_lines_exist();
