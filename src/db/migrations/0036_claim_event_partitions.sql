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

-- ensure_period_partitions takes claim_event since 0035.
