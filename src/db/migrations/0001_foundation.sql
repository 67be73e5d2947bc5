-- lindung 0001: regions, offices, users and sessions, the hash-chained audit log, scope predicate.

CREATE TABLE region (
  code        text PRIMARY KEY CHECK (code ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$'),
  parent_code text REFERENCES region (code),
  level       text NOT NULL CHECK (level IN ('province', 'regency', 'district', 'village')),
  -- Kepmendagri village codes: 1xxx = kelurahan, 2xxx = desa
  kind        text CHECK (kind IN ('desa', 'kelurahan')),
  name        text NOT NULL,
  -- The ancestors' codes, so counts and scope filters below a region use plain indexes.
  province_code text GENERATED ALWAYS AS (left(code, 2)) STORED,
  regency_code  text GENERATED ALWAYS AS (CASE WHEN length(code) >= 5 THEN left(code, 5) END) STORED,
  district_code text GENERATED ALWAYS AS (CASE WHEN length(code) >= 8 THEN left(code, 8) END) STORED,
  CHECK ((level = 'village') = (kind IS NOT NULL)),
  CHECK ((level = 'province') = (parent_code IS NULL))
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_province_idx ON region (province_code);
CREATE INDEX region_regency_idx ON region (regency_code);
CREATE INDEX region_district_idx ON region (district_code);

CREATE TABLE office (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('head', 'regional', 'branch')),
  parent_code text REFERENCES office (code),
  CHECK ((level = 'head') = (parent_code IS NULL))
);

-- Which regencies a branch serves.
CREATE TABLE office_region (
  office_code text NOT NULL REFERENCES office (code),
  region_code text NOT NULL REFERENCES region (code),
  PRIMARY KEY (office_code, region_code)
);

CREATE TABLE app_user (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'auditor', 'district_officer', 'branch_officer',
                  'branch_supervisor', 'village_operator', 'employer', 'participant')),
  scope_type    text NOT NULL CHECK (scope_type IN ('system', 'region', 'office', 'employer', 'participant')),
  scope_code    text,
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  CHECK ((scope_type = 'system') = (scope_code IS NULL))
);

CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE api_token (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES app_user (id),
  name       text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE login_failure (
  username text NOT NULL,
  at       timestamptz NOT NULL
);
CREATE INDEX login_failure_idx ON login_failure (username, at);

-- A record's region is in scope when it equals, or lies below, one of the caller's scope codes.
-- Kemendagri codes nest by prefix (53 > 53.04 > 53.04.01 > 53.04.01.2001); '*' is everything.
CREATE FUNCTION region_in_scope(code text, scopes text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT code IS NOT NULL AND EXISTS (
    SELECT 1 FROM unnest(scopes) AS s
    WHERE s = '*' OR code = s OR left(code, length(s) + 1) = s || '.'
  )
$$;

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_seq   bigint NOT NULL UNIQUE,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  region_code text,
  before      jsonb,
  after       jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE FUNCTION audit_row_hash(a audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    a.chain_seq, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor, a.action, a.entity,
    a.entity_id, a.region_code, a.before, a.after, a.prev_hash)::text, 'UTF8')), 'hex')
$$;

-- Chains each new row to the previous one. The advisory lock orders concurrent writers, so the
-- chain order (chain_seq) is the commit order even when identity values interleave.
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_row audit_log%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(727100001);
  SELECT * INTO last_row FROM audit_log ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_row.chain_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_row.hash, 'GENESIS');
  NEW.hash := audit_row_hash(NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LINDUNG:APPEND_ONLY:%', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
