-- lindung 0017: a membership's end and its move between villages as first-class events.
--
-- Every end (keluar) and every move (pindah desa) of a membership is one membership_change row:
-- the reason from a closed list, the effective date, who and why, the status and the village
-- before and after. A change comes from a paid claim (state 'applied' at once, claim_id set) or
-- from the village operator's proposal, which the district verifies and the branch applies
-- (maker-checker: proposed → verified → applied, or rejected). The row written on apply stands
-- beside the participant_status row and the audit row of the same transaction.
--
-- A move updates participant.region_code (and the payer, for a village-paid membership). The
-- counts (participant_count_delta, 0007) are keyed by the participant's region: the move itself
-- writes the −1 of the sending village and the +1 of the receiving one on the effective date,
-- and every later status change counts in the receiving village. region_before / region_after
-- here are the history of the region.
CREATE TABLE membership_change (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id bigint NOT NULL REFERENCES participant (id),
  regency_code   text NOT NULL REFERENCES region (code),
  kind           text NOT NULL CHECK (kind IN ('exit', 'move')),
  reason         text NOT NULL CHECK (reason IN (
    'death', 'retirement_age', 'termination', 'moved_away', 'left_programme', 'data_error', 'double_coverage')),
  effective_date date NOT NULL,
  note           text NOT NULL CHECK (length(trim(note)) > 0),
  state          text NOT NULL CHECK (state IN ('proposed', 'verified', 'applied', 'rejected')),
  status_before  text NOT NULL,
  status_after   text NOT NULL,
  region_before  text NOT NULL REFERENCES region (code),
  region_after   text NOT NULL REFERENCES region (code),
  claim_id       bigint REFERENCES claim (id),
  proposed_by    text NOT NULL,
  proposed_at    timestamptz NOT NULL,
  verified_by    text,
  verified_at    timestamptz,
  decided_by     text,
  decided_at     timestamptz,
  reject_reason  text,
  CHECK ((kind = 'move') = (region_before <> region_after)),
  CHECK ((kind = 'move') = (status_after = status_before)),
  CHECK (kind = 'move' OR status_after = 'ended'),
  CHECK ((state = 'rejected') = (reject_reason IS NOT NULL))
);
CREATE INDEX membership_change_scope_idx ON membership_change (regency_code, state, region_before);
CREATE INDEX membership_change_participant_idx ON membership_change (participant_id);
-- One open proposal per membership; one change per paid claim and membership (a retried bank
-- result never ends twice).
CREATE UNIQUE INDEX membership_change_one_open ON membership_change (participant_id)
  WHERE state IN ('proposed', 'verified');
CREATE UNIQUE INDEX membership_change_claim_uniq ON membership_change (claim_id, participant_id)
  WHERE claim_id IS NOT NULL;
