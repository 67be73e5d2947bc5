-- lindung 0013: accounts. An atomic login throttle (per account and per client address), admin
-- password resets with one-time codes, an idle timeout for sessions, an expiry for API tokens.

-- One row per throttled key ('user:<name>', 'ip:<address>', 'aktivasi:<kpj>', 'reset:<name>'):
-- the attempts since window_start. An attempt is counted by one INSERT … ON CONFLICT … RETURNING
-- before the password is checked, so parallel guesses cannot pass the limit.
CREATE TABLE login_throttle (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  attempts     integer NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);
DROP TABLE login_failure;

ALTER TABLE user_session ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE user_session ADD CONSTRAINT user_session_id_key UNIQUE (id);
ALTER TABLE user_session ADD COLUMN last_seen_at timestamptz;
UPDATE user_session SET last_seen_at = created_at;
ALTER TABLE user_session ALTER COLUMN last_seen_at SET NOT NULL;

-- Tokens issued before this migration expire 90 days after they were made.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
UPDATE api_token SET expires_at = created_at + interval '90 days';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- An admin-issued one-time code to set a new password: stored as its SHA-256 (the code is 120
-- random bits), used once, expires, revoked by a newer code for the same user.
CREATE TABLE password_reset (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES app_user (id),
  code_hash  text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id);
