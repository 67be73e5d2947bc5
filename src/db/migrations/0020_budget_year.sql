-- lindung 0020: the budget year (issue 12, point 3). Village-funded cover (APBDes, APBD, CSR
-- through a village batch) belongs to an agreement's fiscal year and to the allocation that pays
-- for it; it ends with that year unless the district renews the cohort into the next year's
-- allocation (services/renew-budget-year.ts).

-- A district's renewal of a village's (or the whole regency's) cohort from one fiscal year into
-- the next: how many carried over and how many were left out.
CREATE TABLE budget_renewal (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  regency_code text NOT NULL REFERENCES region (code),
  village_code text REFERENCES region (code),
  from_year    int NOT NULL CHECK (from_year BETWEEN 2015 AND 2099),
  to_year      int NOT NULL CHECK (to_year = from_year + 1),
  renewed      int NOT NULL,
  left_out     int NOT NULL,
  actor        text NOT NULL,
  at           timestamptz NOT NULL
);
CREATE INDEX budget_renewal_regency_idx ON budget_renewal (regency_code, to_year);

-- One row per village-funded membership and fiscal year it is funded for. Written a million at a
-- time by a renewal, so without foreign keys (a check per row): participants, allocations and
-- renewals are never deleted (0009 for participants; nothing deletes the other two).
CREATE TABLE membership_year (
  participant_id bigint NOT NULL,
  fiscal_year    int NOT NULL,
  regency_code   text NOT NULL,
  -- NULL when the payer had no allocation for the year at activation (not billed until it has one)
  allocation_id  bigint,
  -- NULL for the year the membership was activated into
  renewal_id     bigint,
  PRIMARY KEY (participant_id, fiscal_year)
);
CREATE INDEX membership_year_cohort_idx ON membership_year (regency_code, fiscal_year);

-- Who a renewal left out and why: aged_out, ended (died or left before), over_quota,
-- over_budget (pagu), no_allocation (the payer has none for the new year).
CREATE TABLE budget_renewal_left_out (
  renewal_id     bigint NOT NULL REFERENCES budget_renewal (id),
  participant_id bigint NOT NULL,
  reason         text NOT NULL CHECK (reason IN ('aged_out', 'ended', 'over_quota', 'over_budget', 'no_allocation')),
  PRIMARY KEY (renewal_id, participant_id)
);

CREATE TRIGGER budget_renewal_append_only BEFORE UPDATE OR DELETE ON budget_renewal
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER membership_year_append_only BEFORE UPDATE OR DELETE ON membership_year
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_renewal_left_out_append_only BEFORE UPDATE OR DELETE ON budget_renewal_left_out
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The memberships activated through village batches before this migration: the year of their
-- payer's first allocation from the activation year on, else the activation year.
INSERT INTO membership_year (participant_id, fiscal_year, regency_code, allocation_id)
SELECT pa.id, coalesce(al.fiscal_year, extract(year FROM b.activated_at AT TIME ZONE 'Asia/Makassar')::int),
       pa.regency_code, al.id
FROM participant pa
JOIN enrolment_batch b ON b.id = pa.enrolment_batch_id
LEFT JOIN LATERAL (
  SELECT a.id, a.fiscal_year FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
  WHERE a.payer_id = pa.payer_id AND g.regency_code = pa.regency_code
    AND a.fiscal_year >= extract(year FROM b.activated_at AT TIME ZONE 'Asia/Makassar')::int
  ORDER BY a.fiscal_year, a.id LIMIT 1) al ON true
WHERE pa.segment = 'BPU';
