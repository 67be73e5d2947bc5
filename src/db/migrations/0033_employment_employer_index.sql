-- employment by employer: the Non-ASN count of the district dashboard and the branch report starts
-- from the regency's government employers and needs their employments. Without an index on
-- employer_id (only the partial one on open employments) it read every employment of the
-- database: at 1,000,000 participants (300,000 PU) 47 ms a dashboard, most of it starting
-- parallel workers, the slowest of the dashboard's eight reads (scale benchmark, 7 December 2026).
CREATE INDEX employment_employer_idx ON employment (employer_id);
