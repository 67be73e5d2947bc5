-- Request counts of the limits that must survive a restart (the public card check, L4 of issue 14):
-- one row per client key and fixed time window. The key is a SHA-256 of the limit's group and the
-- client address, so no address is stored. Old windows are deleted as new ones start.
CREATE TABLE rate_limit_window (
  key_hash     text        NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  window_start timestamptz NOT NULL,
  hits         integer     NOT NULL CHECK (hits > 0),
  PRIMARY KEY (key_hash, window_start)
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
