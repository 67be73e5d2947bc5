-- lindung 0019: one person, one active membership per programme (issue 12, point 2).
--
-- The precedence lives in src/rules/kepesertaan.ts: PU over self-paid BPU over village- or
-- regency-funded BPU; JAKON project cover may sit beside PU and beside another project; a worker
-- with two employers holds two PU memberships. Two active memberships of one person conflict when
-- they share a programme and at least one of them is BPU or PMI. The services decide first (a
-- village batch refuses, an employer's PU takes over); this is the last line of defence.
--
-- Why a trigger and not a partial unique index: PU beside PU and PU beside JAKON are allowed while
-- PU beside BPU is not, which no unique key on (person, programme) can say, and an exclusion
-- constraint on arrays would need btree_gist/intarray, which PGlite does not load by default.
--
-- Existing duplicates: the check looks only at memberships that become active (inserted active, or
-- updated into active, or moved to another person, segment or programmes), so this migration
-- succeeds on a database that already holds duplicates; they are left as they are and listed by
-- the branch review queue (GET /membership-conflicts, `lindung membership conflicts`) until the
-- branch ends one of them.

-- The same pair test as mayHoldBoth in src/rules/kepesertaan.ts.
CREATE FUNCTION membership_may_hold_both(a_segment text, a_programs text[], b_segment text, b_programs text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT NOT (a_programs && b_programs) OR (a_segment IN ('PU', 'JAKON') AND b_segment IN ('PU', 'JAKON'))
$$;

-- Checks the memberships whose ids are given (all active) against the person's other active ones.
-- The persons' rows are locked first, in id order: two transactions giving one person a membership
-- wait here for each other, and the check (a new snapshot) then sees the one committed first.
-- Row locks live in the rows, not in the lock table, so a batch of a million takes no lock slots.
CREATE FUNCTION check_one_membership(ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  hit text;
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM person
  WHERE id IN (SELECT pa.person_id FROM participant pa JOIN unnest(ids) AS u (id) ON u.id = pa.id)
  ORDER BY id FOR NO KEY UPDATE;
  SELECT n.kpj INTO hit
  FROM unnest(ids) AS u (id)
  JOIN participant n ON n.id = u.id
  JOIN participant o ON o.person_id = n.person_id AND o.id <> n.id AND o.status = 'active'
  WHERE n.status = 'active' AND NOT membership_may_hold_both(n.segment, n.programs, o.segment, o.programs)
  LIMIT 1;
  IF hit IS NOT NULL THEN
    RAISE EXCEPTION 'LINDUNG:MEMBERSHIP_CONFLICT:%', hit USING ERRCODE = 'P0001';
  END IF;
END
$$;

CREATE FUNCTION participant_one_membership_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM check_one_membership(ARRAY(SELECT id FROM added WHERE status = 'active'));
  RETURN NULL;
END
$$;

CREATE FUNCTION participant_one_membership_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM check_one_membership(ARRAY(
    SELECT n.id FROM after_rows n JOIN before_rows o ON o.id = n.id
    WHERE n.status = 'active'
      AND (o.status <> 'active' OR o.person_id <> n.person_id OR o.segment <> n.segment OR o.programs <> n.programs)));
  RETURN NULL;
END
$$;

-- Statement triggers with transition tables: one set-based check per statement, however many rows.
CREATE TRIGGER participant_one_membership_insert AFTER INSERT ON participant
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION participant_one_membership_insert();
CREATE TRIGGER participant_one_membership_update AFTER UPDATE ON participant
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_one_membership_update();

-- The review queue and the enrolment check look up a person's active memberships.
CREATE INDEX participant_person_active_idx ON participant (person_id) WHERE status = 'active';
