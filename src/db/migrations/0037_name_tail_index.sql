-- lindung 0037: a name search answers a family name typed from its beginning from a btree too
-- (issue 16 point 6).
--
-- People are looked up by family name as often as by given name: "Lopo A" for Rosalia Lopo Aaf.
-- Holding the text after the first word, such names came from the trigram index (0027), whose
-- matches for a family name number tens of thousands at 10 M people and were all sorted for one
-- page (3.1 s p95). name_tail is the name key of what follows the first word ('' for a name of
-- one word); a range of this index lists them in order, a page at a time. Only built-in functions
-- in its body (the same normalisation as name_key), so the index builds under any search_path.
CREATE FUNCTION name_tail(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(coalesce(substring(name from '^\s*\S+\s+(.*)$'), '')), '[^a-z]', '', 'g')
$$;
CREATE INDEX person_name_tail_birth_idx ON person (name_tail(full_name) text_pattern_ops, birth_date);
