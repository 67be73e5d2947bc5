-- lindung 0029: invoice lines partitioned by period, one partition per month (issue 16, point 1).
--
-- invoice_line is append-only and every line carries its period ('YYYY-MM'); a billing run writes
-- one period's lines. Unpartitioned, each month's million lines landed in the middle of indexes
-- that hold every month before. Now each month is a table of its own (invoice_line_pYYYY_MM),
-- created ahead by the application (ensure_period_partitions, below), and an old month can be
-- detached whole (docs/scale.md "Partitions").
--
-- Keys: a partitioned table's primary and unique keys must contain the partition key, so the key
-- is (id, period). id stays an identity, continuing from the old table's values; a lookup by id
-- alone still works (one index probe per partition).

-- A partitioned table may have no foreign key pointing at its id alone. The JHT credit of a line
-- (0006) is checked by a trigger instead, as 0011 did for the late fee's source invoice; the line
-- cannot disappear later (append-only). A detached month keeps its lines, so a credit whose line
-- was archived stays valid.
ALTER TABLE jht_entry DROP CONSTRAINT jht_entry_invoice_line_id_fkey;

CREATE TABLE invoice_line_partitioned (
  id                bigint GENERATED ALWAYS AS IDENTITY,
  invoice_id        bigint NOT NULL,
  regency_code      text NOT NULL,
  participant_id    bigint,
  source_invoice_id bigint,
  period            text NOT NULL,
  program           text NOT NULL,
  payer_role        text NOT NULL CONSTRAINT invoice_line_payer_role_check
                      CHECK (payer_role IN ('employer', 'worker', 'participant')),
  kind              text NOT NULL CONSTRAINT invoice_line_kind_check
                      CHECK (kind IN ('contribution', 'adjustment', 'late_fee', 'project_premium')),
  amount_rp         bigint NOT NULL,
  basis             text NOT NULL,
  CONSTRAINT invoice_line_participant_check CHECK ((kind IN ('late_fee', 'project_premium')) = (participant_id IS NULL)),
  CONSTRAINT invoice_line_check1 CHECK ((kind = 'late_fee') = (source_invoice_id IS NOT NULL))
) PARTITION BY RANGE (period);

-- Lines of a period no partition was created for yet; ensure_period_partitions moves them out.
CREATE TABLE invoice_line_default PARTITION OF invoice_line_partitioned DEFAULT;

-- One partition per month of the lines already written, then the lines themselves.
DO $$
DECLARE
  m date;
  last date;
BEGIN
  SELECT (min(period) || '-01')::date, (max(period) || '-01')::date INTO m, last FROM invoice_line;
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF invoice_line_partitioned FOR VALUES FROM (%L) TO (%L)',
                   'invoice_line_p' || to_char(m, 'YYYY_MM'), to_char(m, 'YYYY-MM'),
                   to_char(m + interval '1 month', 'YYYY-MM'));
    m := m + interval '1 month';
  END LOOP;
END
$$;

INSERT INTO invoice_line_partitioned (id, invoice_id, regency_code, participant_id, source_invoice_id, period, program,
                                      payer_role, kind, amount_rp, basis)
OVERRIDING SYSTEM VALUE
SELECT id, invoice_id, regency_code, participant_id, source_invoice_id, period, program, payer_role, kind, amount_rp, basis
FROM invoice_line;

SELECT setval(pg_get_serial_sequence('invoice_line_partitioned', 'id'), coalesce((SELECT max(id) FROM invoice_line), 0) + 1,
              false);

DROP TABLE invoice_line;
ALTER TABLE invoice_line_partitioned RENAME TO invoice_line;
ALTER SEQUENCE invoice_line_partitioned_id_seq RENAME TO invoice_line_id_seq;

-- Created on the parent: every partition, present and future, gets them.
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_pkey PRIMARY KEY (id, period);
CREATE INDEX invoice_line_invoice_idx ON invoice_line (invoice_id);
CREATE INDEX invoice_line_source_idx ON invoice_line (source_invoice_id) WHERE source_invoice_id IS NOT NULL;
CREATE INDEX invoice_line_participant_idx ON invoice_line (participant_id, period);

CREATE TRIGGER invoice_line_append_only BEFORE UPDATE OR DELETE ON invoice_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE CONSTRAINT TRIGGER invoice_line_source_invoice AFTER INSERT ON invoice_line
  FOR EACH ROW WHEN (NEW.source_invoice_id IS NOT NULL) EXECUTE FUNCTION invoice_line_source_exists();

-- The JHT credit's line, found by id within the credit's period (a contribution credit copies
-- its line's period), so the check reads one partition.
CREATE FUNCTION jht_entry_line_exists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM invoice_line
  WHERE id = NEW.invoice_line_id AND (NEW.period IS NULL OR period = NEW.period) FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'jht_entry.invoice_line_id % is not an invoice line of period %', NEW.invoice_line_id, NEW.period
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER jht_entry_invoice_line AFTER INSERT ON jht_entry
  FOR EACH ROW WHEN (NEW.invoice_line_id IS NOT NULL) EXECUTE FUNCTION jht_entry_line_exists();

-- Creates the month partitions of a period-partitioned table (named <table>_pYYYY_MM) for `months`
-- months from from_period, those not there yet; returns how many it created. Lines of those
-- months already in the DEFAULT partition (written before their month existed, or brought in by
-- `db import`) are moved into the new partitions: PostgreSQL refuses to create a partition while
-- the default holds rows of its range. The default is detached for that (its copies of the
-- append-only triggers go with it), emptied of those rows and attached again.
--
-- SECURITY DEFINER: creating a partition needs the parent's owner, and the application's role
-- owns no tables (docs/security.md "Database roles"); it may only add months. Creating a
-- partition locks the parent briefly, so the application creates a few months ahead and calls
-- this before its transaction reads the table; when every month exists it takes no lock at all.
CREATE FUNCTION ensure_period_partitions(parent text, from_period text, months int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  missing date[];
  dflt text := parent || '_default';
  lo text;
  hi text;
  moving boolean;
  m date;
BEGIN
  IF parent NOT IN ('invoice_line') THEN
    RAISE EXCEPTION 'ensure_period_partitions: % is not partitioned by period', parent;
  END IF;
  IF from_period !~ '^\d{4}-(0[1-9]|1[0-2])$' OR months NOT BETWEEN 1 AND 120 THEN
    RAISE EXCEPTION 'ensure_period_partitions: bad range % + % months', from_period, months;
  END IF;
  FOR attempt IN 1 .. 2 LOOP
    -- The months without an attached partition (a detached month keeps its name: rename it first).
    missing := ARRAY(
      SELECT d::date FROM generate_series((from_period || '-01')::date, (from_period || '-01')::date
                                           + make_interval(months => months - 1), interval '1 month') AS d
      WHERE NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = parent::regclass AND c.relname = parent || '_p' || to_char(d, 'YYYY_MM'))
      ORDER BY d);
    IF cardinality(missing) = 0 THEN
      RETURN 0;
    END IF;
    -- Two transactions adding the same month: the second waits here, then looks again.
    EXIT WHEN attempt = 2;
    PERFORM pg_advisory_xact_lock(727100029, hashtext(parent));
  END LOOP;
  lo := to_char(missing[1], 'YYYY-MM');
  hi := to_char(missing[cardinality(missing)] + interval '1 month', 'YYYY-MM');
  -- Rows of [lo, hi) in the default can only be of missing months (the others have partitions).
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE period >= $1 AND period < $2)', dflt)
    INTO moving USING lo, hi;
  IF moving THEN
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, dflt);
  END IF;
  FOREACH m IN ARRAY missing LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                   parent || '_p' || to_char(m, 'YYYY_MM'), parent, to_char(m, 'YYYY-MM'),
                   to_char(m + interval '1 month', 'YYYY-MM'));
  END LOOP;
  IF moving THEN
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I WHERE period >= $1 AND period < $2',
                   parent, dflt) USING lo, hi;
    EXECUTE format('DELETE FROM %I WHERE period >= $1 AND period < $2', dflt) USING lo, hi;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, dflt);
  END IF;
  RETURN cardinality(missing);
END
$$;

ANALYZE invoice_line;
