-- lindung 0027: index-backed participant lookups and keyset paging (issue 15 point 5, issue 16 point 6).
--
-- Exact KPJ and NIK were already answered by their unique indexes (participant_kpj_key,
-- person_nik_key). A name search matches any part of the name (name_key LIKE '%…%'), which a
-- btree cannot answer: a trigram index can, on PostgreSQL (contrib) and on PGlite (which loads
-- the extension, src/db/pglite.ts). pg_trgm is a trusted extension, so a database owner may
-- create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_name_key_trgm_idx ON person USING gin (name_key gin_trgm_ops);

-- The participant list pages in (region_code, full name, id) order. participant_region_idx leads
-- with regency_code, so the first page walked every region of the scope to find its rows; this
-- one hands the rows over in region order, and the sort by name stays within one village.
CREATE INDEX participant_region_code_idx ON participant (region_code, id);

-- The invoice list pages newest due date first, id as the unique tiebreaker.
CREATE INDEX invoice_due_idx ON invoice (due_date DESC, id DESC);
