-- lindung 0007: what the reports and dashboards read — the district's workforce (the Universal
-- Coverage Jamsostek denominator) and a running count of participants by area and status, kept
-- by the database so the dashboards answer "as of a date" without scanning every participant.

-- The workforce of a regency for a year, as published (e.g. BPS Sakernas), and the coverage the
-- district aims for that year. Entered by the district; both numbers come with their source.
CREATE TABLE workforce (
  regency_code      text NOT NULL REFERENCES region (code),
  year              int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  workforce         int NOT NULL CHECK (workforce > 0),
  source            text NOT NULL CHECK (length(trim(source)) > 0),
  -- 75.5% = 7550 bp
  target_percent_bp int NOT NULL CHECK (target_percent_bp BETWEEN 0 AND 10000),
  updated_by        text NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (regency_code, year)
);

-- Changes in the number of participants per area, segment, funding source, channel (enrolled
-- through a village batch or not) and status on each date: the count of any status on a day is
-- the sum of the deltas up to that day. One +1 for a participant's new status and one −1 for the
-- status it leaves, on the date the change takes effect (participant_status.effective_date).
-- A participant's region, segment, funding source and batch are never updated, so they key it.
CREATE TABLE participant_count_delta (
  regency_code      text NOT NULL,
  effective_date    date NOT NULL,
  region_code       text NOT NULL,
  segment           text NOT NULL,
  funding_source    text NOT NULL,
  via_village_batch boolean NOT NULL,
  status            text NOT NULL,
  delta             bigint NOT NULL,
  PRIMARY KEY (regency_code, effective_date, region_code, segment, funding_source, via_village_batch, status)
);

-- Statement-level with the inserted rows as a table, so a bulk insert of a million statuses is
-- one set-based update. For the participants touched: the deltas of their whole history minus
-- the deltas of their history before this statement, which also handles a back-dated change.
CREATE FUNCTION participant_count_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (SELECT DISTINCT participant_id FROM added),
  full_hist AS (
    SELECT s.participant_id, s.status, s.effective_date,
           lag(s.status) OVER (PARTITION BY s.participant_id ORDER BY s.effective_date, s.id) AS prev_status,
           1 AS sign
    FROM participant_status s WHERE s.participant_id IN (SELECT participant_id FROM touched)),
  old_hist AS (
    SELECT s.participant_id, s.status, s.effective_date,
           lag(s.status) OVER (PARTITION BY s.participant_id ORDER BY s.effective_date, s.id) AS prev_status,
           -1 AS sign
    FROM participant_status s
    WHERE s.participant_id IN (SELECT participant_id FROM touched)
      AND NOT EXISTS (SELECT 1 FROM added a WHERE a.id = s.id)),
  steps AS (
    SELECT h.participant_id, h.effective_date, x.status, x.n * h.sign AS n
    FROM (SELECT * FROM full_hist UNION ALL SELECT * FROM old_hist) h
    CROSS JOIN LATERAL (VALUES (h.status, 1), (h.prev_status, -1)) AS x (status, n)
    WHERE x.status IS NOT NULL)
  INSERT INTO participant_count_delta AS d (regency_code, effective_date, region_code, segment, funding_source,
    via_village_batch, status, delta)
  SELECT pa.regency_code, st.effective_date, pa.region_code, pa.segment, pa.funding_source,
         pa.enrolment_batch_id IS NOT NULL, st.status, sum(st.n)
  FROM steps st JOIN participant pa ON pa.id = st.participant_id
  GROUP BY pa.regency_code, st.effective_date, pa.region_code, pa.segment, pa.funding_source,
           pa.enrolment_batch_id IS NOT NULL, st.status
  HAVING sum(st.n) <> 0
  ON CONFLICT (regency_code, effective_date, region_code, segment, funding_source, via_village_batch, status)
  DO UPDATE SET delta = d.delta + excluded.delta;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_status_count AFTER INSERT ON participant_status
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION participant_count_apply();

-- The history already recorded before this migration.
INSERT INTO participant_count_delta (regency_code, effective_date, region_code, segment, funding_source,
  via_village_batch, status, delta)
SELECT pa.regency_code, st.effective_date, pa.region_code, pa.segment, pa.funding_source,
       pa.enrolment_batch_id IS NOT NULL, x.status, sum(x.n)
FROM (SELECT s.participant_id, s.status, s.effective_date,
             lag(s.status) OVER (PARTITION BY s.participant_id ORDER BY s.effective_date, s.id) AS prev_status
      FROM participant_status s) st
CROSS JOIN LATERAL (VALUES (st.status, 1), (st.prev_status, -1)) AS x (status, n)
JOIN participant pa ON pa.id = st.participant_id
WHERE x.status IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
HAVING sum(x.n) <> 0;

-- Branch dashboard: claims decided in a year (SLA) and payout batches of a regency by date.
CREATE INDEX claim_event_decided_idx ON claim_event (regency_code, at) WHERE action IN ('approve', 'reject');
CREATE INDEX payout_batch_created_idx ON payout_batch (regency_code, created_at);
