-- lindung 0036: claim events partitioned by the office month of their time (issue 16 points 1 and 2).
--
-- claim_event is append-only; every event already carries its claim's regency. It now carries its
-- period too, the office month of its time (office_period, 0035), and is partitioned by it like
-- ledger_line: claim_event_pYYYY_MM made ahead by the application, claim_event_default for an
-- event of a month not made yet, not split by regency. The service-level report reads one year's
-- decisions from that year's twelve months; a claim's history is read by claim id (an index
-- probe per month). Primary key (id, period, regency_code).

CREATE TABLE claim_event_partitioned (
  id            bigint GENERATED ALWAYS AS IDENTITY,
  claim_id      bigint NOT NULL REFERENCES claim (id),
  regency_code  text NOT NULL,
  action        text NOT NULL CONSTRAINT claim_event_action_check CHECK (action IN (
    'file', 'document', 'submit', 'approve', 'reject', 'appeal', 'batch', 'pay', 'fail', 'return')),
  from_status   text,
  to_status     text NOT NULL,
  reason_code   text,
  note          text,
  amount_rp     bigint,
  rules_version text,
  explanation   jsonb,
  actor         text NOT NULL,
  at            timestamptz NOT NULL,
  period        text NOT NULL CONSTRAINT claim_event_period_check CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$')
) PARTITION BY RANGE (period);

CREATE TABLE claim_event_default PARTITION OF claim_event_partitioned DEFAULT;

DO $$
DECLARE
  m date;
  last date;
BEGIN
  SELECT (min(office_period(at)) || '-01')::date, (max(office_period(at)) || '-01')::date INTO m, last
  FROM claim_event;
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF claim_event_partitioned FOR VALUES FROM (%L) TO (%L)',
                   'claim_event_p' || to_char(m, 'YYYY_MM'), to_char(m, 'YYYY-MM'),
                   to_char(m + interval '1 month', 'YYYY-MM'));
    m := m + interval '1 month';
  END LOOP;
END
$$;

INSERT INTO claim_event_partitioned (id, claim_id, regency_code, action, from_status, to_status, reason_code, note,
                                     amount_rp, rules_version, explanation, actor, at, period)
OVERRIDING SYSTEM VALUE
SELECT id, claim_id, regency_code, action, from_status, to_status, reason_code, note, amount_rp, rules_version,
       explanation, actor, at, office_period(at)
FROM claim_event;

SELECT setval(pg_get_serial_sequence('claim_event_partitioned', 'id'), coalesce((SELECT max(id) FROM claim_event), 0) + 1,
              false);

DROP TABLE claim_event;
ALTER TABLE claim_event_partitioned RENAME TO claim_event;
ALTER SEQUENCE claim_event_partitioned_id_seq RENAME TO claim_event_id_seq;

ALTER TABLE claim_event ADD CONSTRAINT claim_event_pkey PRIMARY KEY (id, period, regency_code);
CREATE INDEX claim_event_claim_idx ON claim_event (claim_id, at);
CREATE INDEX claim_event_decided_idx ON claim_event (regency_code, at) WHERE action IN ('approve', 'reject');

CREATE TRIGGER claim_event_append_only BEFORE UPDATE OR DELETE ON claim_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- An event's period is its time's office month (the one writer sets it; this keeps it so).
CREATE FUNCTION claim_event_period_matches() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM added WHERE period <> office_period(at)) THEN
    RAISE EXCEPTION 'claim_event: period is not the office month of the event''s time'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER claim_event_period AFTER INSERT ON claim_event
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION claim_event_period_matches();

-- ensure_period_partitions (0035) for claim_event too, unsplit by regency like ledger_line.
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
