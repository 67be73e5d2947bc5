-- lindung 0012: a running count of the active BPU participants per payer and contribution input,
-- kept by the database, so budget use (docs/billing.md "Budget use") projects a regency's year from
-- a few hundred counts instead of joining every participant to the tariff: at 1,000,000
-- participants that join took seconds (PostgreSQL estimates the tariff as one row and compares
-- every payer with every participant).

-- Active BPU participants by regency, payer, funding source, programs (comma-joined, as the
-- budget's tariff keys them), declared income (0 when none) and the month their status began
-- (year × 12 + month − 1: the projection starts no earlier). A key whose participants all left
-- keeps a row of 0 (readers skip it) rather than being deleted, so writers only ever upsert.
CREATE TABLE budget_worker_count (
  regency_code   text NOT NULL,
  payer_id       bigint NOT NULL,
  funding_source text NOT NULL,
  programs       text NOT NULL,
  income_rp      bigint NOT NULL,
  since_month    int NOT NULL,
  -- no CHECK (workers >= 0): an upsert's proposed row (a −n) is checked before its conflict is seen
  workers        bigint NOT NULL,
  PRIMARY KEY (regency_code, payer_id, funding_source, programs, income_rp, since_month)
);

-- Statement-level with the changed rows as tables, so a bulk insert or update of a million
-- participants is one grouped upsert. Keys are upserted in key order so that two transactions
-- touching the same keys lock them in the same order.
CREATE FUNCTION budget_worker_count_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO budget_worker_count AS c (regency_code, payer_id, funding_source, programs, income_rp, since_month,
    workers)
  SELECT regency_code, payer_id, funding_source, array_to_string(programs, ','), coalesce(declared_income_rp, 0),
         (extract(year FROM status_since) * 12 + extract(month FROM status_since) - 1)::int, count(*)
  FROM added WHERE segment = 'BPU' AND status = 'active'
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (regency_code, payer_id, funding_source, programs, income_rp, since_month)
  DO UPDATE SET workers = c.workers + excluded.workers;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_budget_count_insert AFTER INSERT ON participant
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION budget_worker_count_insert();

-- An update (status, status date, payer, income, programs …): −1 for each old row that counted,
-- +1 for each new row that counts; rows whose key did not change cancel out. Participants are
-- never deleted (0009), so there is no delete trigger.
CREATE FUNCTION budget_worker_count_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO budget_worker_count AS c (regency_code, payer_id, funding_source, programs, income_rp, since_month,
    workers)
  SELECT regency_code, payer_id, funding_source, programs, income_rp, since_month, sum(n)
  FROM (
    SELECT regency_code, payer_id, funding_source, array_to_string(programs, ',') AS programs,
           coalesce(declared_income_rp, 0) AS income_rp,
           (extract(year FROM status_since) * 12 + extract(month FROM status_since) - 1)::int AS since_month, 1 AS n
    FROM added WHERE segment = 'BPU' AND status = 'active'
    UNION ALL
    SELECT regency_code, payer_id, funding_source, array_to_string(programs, ','), coalesce(declared_income_rp, 0),
           (extract(year FROM status_since) * 12 + extract(month FROM status_since) - 1)::int, -1
    FROM removed WHERE segment = 'BPU' AND status = 'active') ch
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (regency_code, payer_id, funding_source, programs, income_rp, since_month)
  DO UPDATE SET workers = c.workers + excluded.workers;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_budget_count_update AFTER UPDATE ON participant
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION budget_worker_count_update();

-- The participants already recorded before this migration.
INSERT INTO budget_worker_count (regency_code, payer_id, funding_source, programs, income_rp, since_month, workers)
SELECT regency_code, payer_id, funding_source, array_to_string(programs, ','), coalesce(declared_income_rp, 0),
       (extract(year FROM status_since) * 12 + extract(month FROM status_since) - 1)::int, count(*)
FROM participant WHERE segment = 'BPU' AND status = 'active'
GROUP BY 1, 2, 3, 4, 5, 6;
