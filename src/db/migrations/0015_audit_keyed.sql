-- lindung 0015: a keyed audit chain (docs/security.md "Audit chain").
--
-- Until now each row's hash was an unkeyed SHA-256 (audit_row_hash): whoever could write the
-- database could edit a row and recompute every hash after it with that same function, and the
-- chain verified. From here on each new row's hash is an HMAC-SHA256 whose key lives outside the
-- database (LINDUNG_AUDIT_KEY or the key file beside the data folder): the application gives its
-- session the key's two padded blocks (setting lindung.audit_mac, set at connection), and the
-- chain trigger computes the HMAC from the same canonical text audit_row_hash hashes. Without the
-- setting no audit row can be written (AUDIT_KEY_REQUIRED).
--
-- Rows already written keep their unkeyed hashes: re-keying them here would mean rewriting the
-- history with a key this file cannot know, and their unkeyed links still bind them, since the
-- first keyed row's HMAC covers the last unkeyed row's hash. audit_chain records where keying
-- begins; the signed checkpoints written outside the database repeat it, so moving it is seen.

-- One row: the first chain_seq whose hash is keyed. (Issue 18 may keep one row per chain.)
CREATE TABLE audit_chain (
  one            boolean PRIMARY KEY DEFAULT true CHECK (one),
  keyed_from_seq bigint NOT NULL CHECK (keyed_from_seq >= 1)
);
INSERT INTO audit_chain (keyed_from_seq) SELECT coalesce(max(chain_seq), 0) + 1 FROM audit_log;
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- HMAC-SHA256 (RFC 2104) with PostgreSQL's own sha256(): pads is the key's 64-byte block XOR
-- ipad followed by the block XOR opad (128 bytes), computed by the application from the key.
CREATE FUNCTION audit_row_mac(a audit_log, pads bytea) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(substring(pads FROM 65 FOR 64) || sha256(substring(pads FROM 1 FOR 64) ||
    convert_to(jsonb_build_array(
      a.chain_seq, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor, a.action, a.entity,
      a.entity_id, a.region_code, a.before, a.after, a.prev_hash)::text, 'UTF8'))), 'hex')
$$;

-- As before (the advisory lock orders writers, so chain order is commit order), but the hash is
-- the HMAC under the session's key, and a session without the key cannot append.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  pads text := current_setting('lindung.audit_mac', true);
  last_row audit_log%ROWTYPE;
BEGIN
  IF pads IS NULL OR length(pads) <> 256 THEN
    RAISE EXCEPTION 'LINDUNG:AUDIT_KEY_REQUIRED:';
  END IF;
  PERFORM pg_advisory_xact_lock(727100001);
  SELECT * INTO last_row FROM audit_log ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_row.chain_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_row.hash, 'GENESIS');
  NEW.hash := audit_row_mac(NEW, decode(pads, 'hex'));
  RETURN NEW;
END
$$;
