-- lindung 0023: participant counts at the end of every closed month (issue 18, point 2).
--
-- A count as of a date summed every delta of participant_count_delta up to that date, so the
-- dashboards grew with history (ten years of daily changes: 224 ms instead of 36 ms). A closed
-- month never moves (0021: status changes dated into it are moved to the first open day, and no
-- delta is written before that day), so the counts at its end are written once, when the month
-- is closed, and stay exact. A count as of a date then reads the snapshot of the latest closed
-- month that ended by that date plus the deltas after it (src/db/report-counts.ts).

CREATE TABLE participant_count_snapshot (
  regency_code      text NOT NULL,
  period            text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  region_code       text NOT NULL,
  segment           text NOT NULL,
  funding_source    text NOT NULL,
  via_village_batch boolean NOT NULL,
  status            text NOT NULL,
  n                 bigint NOT NULL,
  PRIMARY KEY (regency_code, period, region_code, segment, funding_source, via_village_batch, status)
);

-- A snapshot is history, like the close that wrote it.
CREATE TRIGGER participant_count_snapshot_append_only BEFORE UPDATE OR DELETE ON participant_count_snapshot
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The counts at the end of the closed period: every delta dated before the next month's first day.
CREATE FUNCTION participant_count_snapshot_write(p_regency text, p_period text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO participant_count_snapshot (regency_code, period, region_code, segment, funding_source,
    via_village_batch, status, n)
  SELECT p_regency, p_period, d.region_code, d.segment, d.funding_source, d.via_village_batch, d.status,
         sum(d.delta)
  FROM participant_count_delta d
  WHERE d.regency_code = p_regency AND d.effective_date < (to_date(p_period, 'YYYY-MM') + interval '1 month')::date
  GROUP BY d.region_code, d.segment, d.funding_source, d.via_village_batch, d.status
  HAVING sum(d.delta) <> 0;
$$;

-- Written in the closing transaction, whoever closes: the close and its snapshot stand together.
CREATE FUNCTION period_close_snapshot() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM participant_count_snapshot_write(NEW.regency_code, NEW.period);
  RETURN NULL;
END
$$;
CREATE TRIGGER period_close_snapshot AFTER INSERT ON period_close
  FOR EACH ROW EXECUTE FUNCTION period_close_snapshot();

-- The months closed before this migration.
SELECT participant_count_snapshot_write(regency_code, period) FROM period_close;
