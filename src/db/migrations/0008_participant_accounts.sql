-- lindung 0008: participant self-service accounts. A participant's login is an app_user with role
-- 'participant', username = KPJ and scope_code = KPJ; it is created (without a usable password)
-- when the branch first prints the participant's activation letter, and the participant sets the
-- password with the one-time code printed on that letter.

-- One-time activation codes: random, stored only as a scrypt hash (like passwords), single use,
-- expiring; a code is burnt after a few wrong tries so guessing it cannot succeed.
CREATE TABLE participant_activation_code (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id  bigint NOT NULL REFERENCES participant (id),
  user_id         bigint NOT NULL REFERENCES app_user (id),
  regency_code    text NOT NULL,
  code_hash       text NOT NULL,
  created_at      timestamptz NOT NULL,
  created_by      text NOT NULL,
  expires_at      timestamptz NOT NULL,
  failed_attempts int NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  used_at         timestamptz,
  -- set when a newer code replaces this one, or when too many wrong tries burn it
  revoked_at      timestamptz,
  CHECK (expires_at > created_at),
  CHECK (used_at IS NULL OR revoked_at IS NULL)
);
-- At most one live code per participant: printing a new letter revokes the previous code.
CREATE UNIQUE INDEX participant_activation_code_live ON participant_activation_code (participant_id)
  WHERE used_at IS NULL AND revoked_at IS NULL;
CREATE INDEX participant_activation_code_user_idx ON participant_activation_code (user_id);

-- A participant account is found by its KPJ.
CREATE UNIQUE INDEX app_user_participant_scope ON app_user (scope_code) WHERE scope_type = 'participant';
