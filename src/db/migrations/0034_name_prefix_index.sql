-- lindung 0034: a name search answers a name typed from its beginning from a btree (issue 16 point 6).
--
-- The trigram index (0027) finds a name holding the text anywhere, but at millions of people
-- every trigram of a common name is common: "Rosalia Naibuti A" read 75 ms at 10 M. The search
-- now lists the names that begin with the text first (a range of this index) and reads the
-- trigram index only when those do not fill the page. text_pattern_ops compares bytes, so
-- LIKE 'key%' is a range of it whatever the database's collation; it answers the equality of the
-- possible-duplicate check (name key and birth date) as the index it replaces did.
CREATE INDEX person_name_prefix_birth_idx ON person (name_key text_pattern_ops, birth_date);
DROP INDEX person_name_birth_idx;
