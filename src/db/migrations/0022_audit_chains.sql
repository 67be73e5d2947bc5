-- lindung 0022: one audit chain per regency (docs/security.md "Audit chain"; issue 18).
--
-- Until now every audited write in the country took one advisory lock, held to commit, to append
-- to the one chain: a writer in one regency waited for the whole transaction of a writer in
-- another. Now each row belongs to a chain named by its region (audit_chain_of): the regency
-- ('53.04') for a row at or below a regency, the province ('53') for a row at province level,
-- 'national' for a row with no region (users, parameters). Each chain has its own chain_seq and
-- links and its own row in audit_chain. A writer locks that row (FOR UPDATE, held to commit): chain
-- order is commit order within a chain, and two regencies never wait for each other. A row lock,
-- not an advisory lock: it holds behind pgbouncer in transaction mode and ends with the transaction.
--
-- The rows already written become the closed chain 'legacy', verified as before (audit_row_hash
-- before keyed_from_seq, audit_row_mac from it); no new row joins it. Every new chain starts from
-- the legacy chain's last hash instead of 'GENESIS', so the first row of each chain, an HMAC under
-- the key, covers the whole legacy chain, as in 0015 the first keyed row covered the unkeyed ones.
-- A new chain's hash covers the chain's name too (audit_chain_row_mac).

ALTER TABLE audit_log ADD COLUMN chain text NOT NULL DEFAULT 'legacy';
ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_seq_key;
-- Also how a writer finds its chain's last row, and how verify walks each chain.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain, chain_seq);

-- One row per chain: its name, and the first chain_seq whose hash is keyed (1 except in 'legacy').
-- The row is the chain's lock; it is never updated (audit_chain_append_only stays).
ALTER TABLE audit_chain ADD COLUMN chain text NOT NULL DEFAULT 'legacy'
  CHECK (chain ~ '^(\d{2}(\.\d{2})?|national|legacy)$');
ALTER TABLE audit_chain ALTER COLUMN chain DROP DEFAULT;
ALTER TABLE audit_chain DROP COLUMN one;
ALTER TABLE audit_chain ADD PRIMARY KEY (chain);
-- A database without audit rows has no legacy chain.
ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_append_only;
DELETE FROM audit_chain WHERE NOT EXISTS (SELECT 1 FROM audit_log);
ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_append_only;

-- The chain a region's rows belong to. Region codes nest by prefix (53 > 53.04 > 53.04.01 > …).
CREATE FUNCTION audit_chain_of(region_code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(substring(region_code FROM '^\d{2}\.\d{2}'), substring(region_code FROM '^\d{2}'), 'national')
$$;

-- audit_row_mac's HMAC-SHA256 over the same canonical text, with the chain's name first.
CREATE FUNCTION audit_chain_row_mac(a audit_log, pads bytea) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(substring(pads FROM 65 FOR 64) || sha256(substring(pads FROM 1 FOR 64) ||
    convert_to(jsonb_build_array(
      a.chain, a.chain_seq, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor, a.action, a.entity,
      a.entity_id, a.region_code, a.before, a.after, a.prev_hash)::text, 'UTF8'))), 'hex')
$$;

-- SECURITY DEFINER: FOR UPDATE needs the UPDATE right on audit_chain, which the application role
-- does not hold (docs/security.md "Database roles"); it can only reach the lock through an insert.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  pads text := current_setting('lindung.audit_mac', true);
  last_row record;
BEGIN
  IF pads IS NULL OR length(pads) <> 256 THEN
    RAISE EXCEPTION 'LINDUNG:AUDIT_KEY_REQUIRED:';
  END IF;
  NEW.chain := audit_chain_of(NEW.region_code);
  PERFORM 1 FROM audit_chain WHERE chain = NEW.chain FOR UPDATE;
  IF NOT FOUND THEN
    -- A chain's first writer makes its row; a concurrent first writer waits on it, then locks it.
    INSERT INTO audit_chain (chain, keyed_from_seq) VALUES (NEW.chain, 1) ON CONFLICT (chain) DO NOTHING;
    PERFORM 1 FROM audit_chain WHERE chain = NEW.chain FOR UPDATE;
  END IF;
  -- A new statement sees what the chain's previous lock holder committed (READ COMMITTED).
  SELECT chain_seq, hash INTO last_row FROM audit_log WHERE chain = NEW.chain ORDER BY chain_seq DESC LIMIT 1;
  IF FOUND THEN
    NEW.chain_seq := last_row.chain_seq + 1;
    NEW.prev_hash := last_row.hash;
  ELSE
    NEW.chain_seq := 1;
    NEW.prev_hash := coalesce(
      (SELECT hash FROM audit_log WHERE chain = 'legacy' ORDER BY chain_seq DESC LIMIT 1), 'GENESIS');
  END IF;
  NEW.hash := audit_chain_row_mac(NEW, decode(pads, 'hex'));
  RETURN NEW;
END
$$;
