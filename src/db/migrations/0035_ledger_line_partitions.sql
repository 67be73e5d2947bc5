-- lindung 0035: ledger lines partitioned by month, with their regency (issue 16 points 1 and 2).
--
-- ledger_line is append-only and grows with every invoice, payment and payout. Its lines now
-- carry their entry's regency (the tenancy key) and month, the office month of the entry's time
-- (office_period: WITA, Belu's zone; for an office in another zone a line written in the hours
-- around midnight of a month's last day may sit in the neighbouring month's partition, which
-- changes where it is stored, never a sum). Each month is a table of its own
-- (ledger_line_pYYYY_MM), made ahead by the application with ensure_period_partitions like
-- invoice_line's (0029), unsplit by regency: every posting writes through ledger_line, and a line
-- of a month not made yet waits in the DEFAULT partition until it is.
--
-- A ledger month is never detached while lindung sums receivables over every line (docs/scale.md
-- "Partitions"); the partitions keep each month's lines and indexes apart, so a month's postings
-- land at the end of small indexes instead of the middle of one that holds every year.

CREATE FUNCTION office_period(at timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM')
$$;

CREATE TABLE ledger_line_partitioned (
  id           bigint GENERATED ALWAYS AS IDENTITY,
  entry_id     bigint NOT NULL REFERENCES ledger_entry (id),
  account      text NOT NULL CONSTRAINT ledger_line_account_check
                 CHECK (account IN ('receivable', 'contribution_income', 'cash', 'benefit_expense', 'benefit_payable')),
  payer_id     bigint REFERENCES payer (id),
  program      text,
  amount_rp    bigint NOT NULL CONSTRAINT ledger_line_amount_rp_check CHECK (amount_rp <> 0),
  regency_code text NOT NULL,
  period       text NOT NULL CONSTRAINT ledger_line_period_check CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$')
) PARTITION BY RANGE (period);

CREATE TABLE ledger_line_default PARTITION OF ledger_line_partitioned DEFAULT;

-- One partition per month of the lines already written, then the lines themselves.
DO $$
DECLARE
  m date;
  last date;
BEGIN
  SELECT (min(office_period(at)) || '-01')::date, (max(office_period(at)) || '-01')::date INTO m, last
  FROM ledger_entry;
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF ledger_line_partitioned FOR VALUES FROM (%L) TO (%L)',
                   'ledger_line_p' || to_char(m, 'YYYY_MM'), to_char(m, 'YYYY-MM'),
                   to_char(m + interval '1 month', 'YYYY-MM'));
    m := m + interval '1 month';
  END LOOP;
END
$$;

INSERT INTO ledger_line_partitioned (id, entry_id, account, payer_id, program, amount_rp, regency_code, period)
OVERRIDING SYSTEM VALUE
SELECT l.id, l.entry_id, l.account, l.payer_id, l.program, l.amount_rp, e.regency_code, office_period(e.at)
FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id;

SELECT setval(pg_get_serial_sequence('ledger_line_partitioned', 'id'), coalesce((SELECT max(id) FROM ledger_line), 0) + 1,
              false);

DROP TABLE ledger_line;
ALTER TABLE ledger_line_partitioned RENAME TO ledger_line;
ALTER SEQUENCE ledger_line_partitioned_id_seq RENAME TO ledger_line_id_seq;

-- Created on the parent: every partition, present and future, gets them.
ALTER TABLE ledger_line ADD CONSTRAINT ledger_line_pkey PRIMARY KEY (id, period, regency_code);
CREATE INDEX ledger_line_entry_idx ON ledger_line (entry_id);
CREATE INDEX ledger_line_payer_idx ON ledger_line (payer_id) WHERE payer_id IS NOT NULL;

CREATE TRIGGER ledger_line_append_only BEFORE UPDATE OR DELETE ON ledger_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Checked at commit for each line: its regency and month are its entry's (the entry read by its
-- key), and the entry's lines, all in that month, sum to zero.
CREATE OR REPLACE FUNCTION ledger_entry_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
BEGIN
  PERFORM 1 FROM ledger_entry e
  WHERE e.id = NEW.entry_id AND e.regency_code = NEW.regency_code AND office_period(e.at) = NEW.period;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger_line %: regency % and period % are not those of entry %', NEW.id, NEW.regency_code,
      NEW.period, NEW.entry_id USING ERRCODE = 'check_violation';
  END IF;
  SELECT l.entry_id INTO unbalanced FROM ledger_line l
  WHERE l.entry_id = NEW.entry_id AND l.period = NEW.period GROUP BY l.entry_id HAVING sum(l.amount_rp) <> 0;
  IF FOUND THEN
    RAISE EXCEPTION 'LINDUNG:LEDGER_UNBALANCED:%', unbalanced;
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_line_balanced AFTER INSERT ON ledger_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

-- ensure_period_partitions (0031) for ledger_line and claim_event (0036) too: their months are not
-- split by regency.
CREATE OR REPLACE FUNCTION ensure_period_partitions(parent text, from_period text, months int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  missing date[];
  dflt text := parent || '_default';
  split boolean := parent = 'invoice_line';
  lo text;
  hi text;
  moving boolean;
  m date;
  month text;
  pairs text[];
  pair text;
BEGIN
  IF parent NOT IN ('invoice_line', 'ledger_line', 'claim_event') THEN
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
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)%s',
                   month, parent, to_char(m, 'YYYY-MM'), to_char(m + interval '1 month', 'YYYY-MM'),
                   CASE WHEN split THEN ' PARTITION BY LIST (regency_code)' ELSE '' END);
  END LOOP;
  IF moving THEN
    IF split THEN
      -- Each regency of the rows gets its partition of their month first.
      EXECUTE format('SELECT array_agg(DISTINCT period || '' '' || regency_code) FROM %I WHERE period >= $1 AND period < $2',
                     dflt) INTO pairs USING lo, hi;
      FOREACH pair IN ARRAY pairs LOOP
        PERFORM make_regency_partition(parent, split_part(pair, ' ', 1), split_part(pair, ' ', 2));
      END LOOP;
    END IF;
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I WHERE period >= $1 AND period < $2',
                   parent, dflt) USING lo, hi;
    EXECUTE format('DELETE FROM %I WHERE period >= $1 AND period < $2', dflt) USING lo, hi;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, dflt);
  END IF;
  RETURN cardinality(missing);
END
$$;
