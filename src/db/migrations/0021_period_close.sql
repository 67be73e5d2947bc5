-- lindung 0021: closed months. A branch supervisor closes a regency's books month by month;
-- closing a month closes every month before it too (the books are closed *through* a period), and
-- a closed month is never reopened (docs/periods.md). What a closed month does to each kind of
-- write: payments, billing runs and coverage runs dated into it are refused by the services
-- (PERIOD_CLOSED); status changes (registrations, activations, lapses, ends) dated into it are
-- moved here, by the database, to the first day of the first open month, so
-- participant_count_delta — and every report of a closed window — never changes.

CREATE TABLE period_close (
  regency_code text NOT NULL REFERENCES region (code),
  period       text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  closed_by    text NOT NULL,
  closed_at    timestamptz NOT NULL,
  PRIMARY KEY (regency_code, period)
);

-- Append-only: a close is history, never edited or withdrawn.
CREATE TRIGGER period_close_append_only BEFORE UPDATE OR DELETE ON period_close
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The date a status change was first asked for, when a closed month moved it; null otherwise.
ALTER TABLE participant_status ADD COLUMN original_effective_date date;

-- Statement-level, set-based, with the inserted rows as a table. Named so it fires before
-- participant_status_count (AFTER triggers of one event fire in name order): the count trigger
-- reads the history from the table, so it sees the moved dates and never writes a delta into a
-- closed month. With no closed month in the statement's regencies it does nothing.
CREATE FUNCTION participant_status_period_close() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH closed AS (
    SELECT regency_code, (to_date(max(period), 'YYYY-MM') + interval '1 month')::date AS first_open
    FROM period_close
    WHERE regency_code IN (SELECT DISTINCT regency_code FROM added)
    GROUP BY regency_code)
  UPDATE participant_status s
  SET original_effective_date = s.effective_date,
      effective_date = c.first_open,
      reason = s.reason || ' [tanggal asli / original date ' || s.effective_date
               || ': bulan ditutup, dicatat sebagai penyesuaian / month closed, recorded as an adjustment]'
  FROM added a JOIN closed c ON c.regency_code = a.regency_code
  WHERE s.id = a.id AND a.effective_date < c.first_open;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_status_a_period_close AFTER INSERT ON participant_status
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION participant_status_period_close();
