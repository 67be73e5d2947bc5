-- lindung 0031: each month of invoice_line split by regency; a billing run loads its regency's
-- month before the indexes are built (issue 16 points 1, 2 and 6; issue 18 point 3).
--
-- A run writes about three lines per participant. Written into a table that already has its four
-- B-tree indexes, every line also writes four index entries (and their WAL) one at a time: at
-- 3,000,000 lines that cost more than the lines themselves. Now a month made from here on is
-- partitioned by regency_code (LIST), one partition per regency, and no DEFAULT: attaching a
-- partition beside a DEFAULT locks the DEFAULT exclusively, and two regencies' runs that had both
-- read it would deadlock. A regular run of a regency whose month has no partition yet writes its
-- lines into a table of its own (begin_regency_lines) and then attaches it
-- (attach_regency_lines), which builds the indexes once, sorted. Every other writer (project and
-- PMI premiums, adjustment runs) makes the regency's partition first (ensure_regency_partition)
-- and writes through invoice_line; a regency whose month got a partition before its run (say a
-- project premium invoiced on the 1st) is billed that month through invoice_line, the old way.
--
-- Months made before this migration keep their single partition. Those still empty (made ahead)
-- are made again split by regency, so an existing database gets the faster run from its next month.

-- A partitioned table's keys carry every partitioning column: now the regency too (the tenancy key).
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_pkey;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_pkey PRIMARY KEY (id, period, regency_code);

CREATE OR REPLACE FUNCTION ensure_period_partitions(parent text, from_period text, months int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  missing date[];
  dflt text := parent || '_default';
  lo text;
  hi text;
  moving boolean;
  m date;
  month text;
  pairs text[];
  pair text;
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
    month := parent || '_p' || to_char(m, 'YYYY_MM');
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L) PARTITION BY LIST (regency_code)',
                   month, parent, to_char(m, 'YYYY-MM'), to_char(m + interval '1 month', 'YYYY-MM'));
  END LOOP;
  IF moving THEN
    -- Each regency of the rows gets its partition of their month first.
    EXECUTE format('SELECT array_agg(DISTINCT period || '' '' || regency_code) FROM %I WHERE period >= $1 AND period < $2',
                   dflt) INTO pairs USING lo, hi;
    FOREACH pair IN ARRAY pairs LOOP
      PERFORM make_regency_partition(parent, split_part(pair, ' ', 1), split_part(pair, ' ', 2));
    END LOOP;
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I WHERE period >= $1 AND period < $2',
                   parent, dflt) USING lo, hi;
    EXECUTE format('DELETE FROM %I WHERE period >= $1 AND period < $2', dflt) USING lo, hi;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, dflt);
  END IF;
  RETURN cardinality(missing);
END
$$;

-- The names of a regency's month: its month partition and the regency's own.
CREATE FUNCTION regency_month_names(parent text, period text, regency text, OUT month text, OUT leaf text)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF parent NOT IN ('invoice_line') THEN
    RAISE EXCEPTION 'regency partitions: % is not split by regency', parent;
  END IF;
  IF period !~ '^\d{4}-(0[1-9]|1[0-2])$' OR regency !~ '^\d{2}\.\d{2}$' THEN
    RAISE EXCEPTION 'regency partitions: bad period % or regency %', period, regency;
  END IF;
  month := parent || '_p' || replace(period, '-', '_');
  leaf := month || '_r' || replace(regency, '.', '_');
END
$$;

-- Whether the month's partition exists and is itself partitioned (by regency: made since 0031).
CREATE FUNCTION month_split_by_regency(month text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT relkind = 'p' FROM pg_class WHERE oid = to_regclass(month)), false)
$$;

-- Whether the regency's partition of the month exists, attached.
CREATE FUNCTION regency_partition_attached(leaf text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(leaf))
$$;

-- Creates the regency's partition of a month split by regency, if missing (the caller holds the
-- advisory lock of the regency's month, or is the owner's migration); true when it did. A table
-- begun by begin_regency_lines and committed without its attach (never by lindung's run, which
-- attaches in the same transaction) is attached instead: its lines must not stay unseen, nor its
-- name block the month.
CREATE FUNCTION make_regency_partition(parent text, period text, regency text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  n record;
BEGIN
  SELECT * INTO n FROM regency_month_names(parent, period, regency);
  IF NOT month_split_by_regency(n.month)
     OR regency_partition_attached(n.leaf) THEN
    RETURN false;
  END IF;
  IF to_regclass(n.leaf) IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', n.month, n.leaf, regency);
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%L)', n.leaf, n.month, regency);
  END IF;
  RETURN true;
END
$$;

-- For a writer other than a regular run: makes the regency's partition of the month (split by
-- regency) before lines are written through invoice_line; true when it made one. Waits for a run
-- loading the same month (its advisory lock), then finds the partition made. Creating a partition
-- locks the month until commit: call it in a short transaction, or before a long one.
CREATE FUNCTION ensure_regency_partition(parent text, period text, regency text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n record;
BEGIN
  SELECT * INTO n FROM regency_month_names(parent, period, regency);
  IF regency_partition_attached(n.leaf) OR NOT month_split_by_regency(n.month) THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(727100031, hashtext(n.leaf));
  RETURN make_regency_partition(parent, period, regency);
END
$$;

-- Starts a regency's fresh month: returns the name of an empty table of invoice_line's columns and
-- checks, to be filled in this transaction and then attached by attach_regency_lines; or NULL when
-- the month is not split by regency or the regency's partition exists (then write through
-- invoice_line). The table is invisible to others until commit; an advisory lock held to commit
-- makes another writer of the same regency's month wait.
-- SECURITY DEFINER for the same reason as ensure_period_partitions; the caller may insert into and
-- read the table, nothing more.
CREATE FUNCTION begin_regency_lines(parent text, period text, regency text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n record;
BEGIN
  SELECT * INTO n FROM regency_month_names(parent, period, regency);
  IF NOT month_split_by_regency(n.month) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(727100031, hashtext(n.leaf));
  IF to_regclass(n.leaf) IS NOT NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', n.leaf, parent);
  -- What the partition's bounds demand, as a check: ATTACH then need not read the rows to prove it.
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (regency_code = %L AND period = %L)',
                 n.leaf, n.leaf || '_bounds', regency, period);
  EXECUTE format('GRANT SELECT, INSERT ON %I TO %I', n.leaf, session_user);
  RETURN n.leaf;
END
$$;

-- Attaches the table begin_regency_lines gave, building invoice_line's indexes on it and cloning its
-- triggers. Takes SHARE UPDATE EXCLUSIVE on the month: readers and writers go on, another
-- regency's attach of the same month waits for this commit. A late fee's source invoice, checked
-- by a constraint trigger on lines written through invoice_line, is checked here for the loaded ones.
CREATE FUNCTION attach_regency_lines(parent text, period text, regency text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n record;
  orphan bigint;
BEGIN
  SELECT * INTO n FROM regency_month_names(parent, period, regency);
  IF to_regclass(n.leaf) IS NULL OR regency_partition_attached(n.leaf) THEN
    RAISE EXCEPTION 'attach_regency_lines: % is not a table begun by begin_regency_lines', n.leaf;
  END IF;
  -- The index builds sort every line of the month: in memory where they fit.
  PERFORM set_config('maintenance_work_mem', '256MB', true);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', n.month, n.leaf, regency);
  EXECUTE format('SELECT l.source_invoice_id FROM %I l WHERE l.source_invoice_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = l.source_invoice_id) LIMIT 1', n.leaf)
    INTO orphan;
  IF orphan IS NOT NULL THEN
    RAISE EXCEPTION 'invoice_line.source_invoice_id % is not an invoice', orphan
      USING ERRCODE = 'foreign_key_violation';
  END IF;
END
$$;

-- Months made ahead and still empty: made again, split by regency.
DO $$
DECLARE
  r record;
  empty boolean;
BEGIN
  FOR r IN SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'invoice_line'::regclass AND c.relkind = 'r' AND c.relname ~ '^invoice_line_p\d{4}_\d{2}$'
  LOOP
    EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %I)', r.name) INTO empty;
    IF empty THEN
      EXECUTE format('ALTER TABLE invoice_line DETACH PARTITION %I', r.name);
      EXECUTE format('DROP TABLE %I', r.name);
      EXECUTE format('CREATE TABLE %I PARTITION OF invoice_line %s PARTITION BY LIST (regency_code)', r.name, r.bound);
    END IF;
  END LOOP;
END
$$;
