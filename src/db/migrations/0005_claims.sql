-- lindung 0005: claims from intake to decision — the claimant and the recipient's account, the
-- documents (stored once by their SHA-256), and every maker/checker decision with its explanation.
CREATE SEQUENCE claim_serial;

CREATE TABLE claim (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  participant_id    bigint NOT NULL REFERENCES participant (id),
  person_id         bigint NOT NULL REFERENCES person (id),
  regency_code      text NOT NULL REFERENCES region (code),
  office_code       text NOT NULL REFERENCES office (code),
  program           text NOT NULL CHECK (program IN ('JKK', 'JKM', 'JHT', 'JP', 'JKP')),
  -- The benefit asked for within the programme (e.g. JKM kematian, JHT penuh / sebagian_10 / sebagian_30).
  kind              text NOT NULL,
  event_date        date NOT NULL,
  -- Programme-specific facts of the event: cause, JKK report time and reporter, PHK date, JHT reason.
  event_detail      jsonb NOT NULL DEFAULT '{}',
  claimant_relation text NOT NULL CHECK (claimant_relation IN (
    'peserta', 'pasangan', 'anak', 'orang_tua', 'cucu', 'kakek_nenek', 'saudara', 'mertua', 'wasiat')),
  claimant_name     text NOT NULL,
  claimant_nik      text NOT NULL CHECK (claimant_nik ~ '^\d{16}$'),
  bank_code         text NOT NULL,
  bank_account      text NOT NULL CHECK (bank_account ~ '^\d{6,20}$'),
  account_holder    text NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('branch', 'self_service')),
  -- filed → submitted (maker) → approved | rejected (checker); rejected → appealed → approved | rejected
  -- (a second checker); approved → batched → paid, or back to approved when the bank fails or returns it.
  status            text NOT NULL CHECK (status IN ('filed', 'submitted', 'approved', 'rejected', 'appealed', 'batched', 'paid')),
  refusal_code      text,
  amount_rp         bigint CHECK (amount_rp IS NULL OR amount_rp >= 0),
  rules_version     text,
  explanation       jsonb,
  documents_complete_at timestamptz,
  sla_due_at        timestamptz,
  filed_by          text NOT NULL,
  filed_at          timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK ((status = 'rejected') = (refusal_code IS NOT NULL))
);
CREATE INDEX claim_queue_idx ON claim (regency_code, status, sla_due_at);
CREATE INDEX claim_participant_idx ON claim (participant_id);
-- One death benefit per death, one full JHT payout per membership, one partial JHT ever: refusals are
-- explained by the eligibility check; these indexes make a race between two clerks fail too.
CREATE UNIQUE INDEX claim_one_death ON claim (person_id)
  WHERE kind = 'kematian' AND program IN ('JKM', 'JKK') AND status <> 'rejected';
CREATE UNIQUE INDEX claim_one_jht_full ON claim (participant_id)
  WHERE program = 'JHT' AND kind = 'penuh' AND status <> 'rejected';
CREATE UNIQUE INDEX claim_one_jht_partial ON claim (person_id)
  WHERE program = 'JHT' AND kind IN ('sebagian_10', 'sebagian_30') AND status <> 'rejected';

-- Uploaded files, kept once per content; never served outside the claim's scope.
CREATE TABLE document_blob (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes int NOT NULL CHECK (size_bytes > 0),
  content    bytea NOT NULL
);
CREATE TABLE claim_document (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id    bigint NOT NULL REFERENCES claim (id),
  regency_code text NOT NULL,
  doc_type    text NOT NULL,
  file_name   text NOT NULL,
  sha256      text NOT NULL REFERENCES document_blob (sha256),
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX claim_document_claim_idx ON claim_document (claim_id);

-- Each step of a claim's life, with who took it and why; decisions carry the rules' explanation.
CREATE TABLE claim_event (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id      bigint NOT NULL REFERENCES claim (id),
  regency_code  text NOT NULL,
  action        text NOT NULL CHECK (action IN (
    'file', 'document', 'submit', 'approve', 'reject', 'appeal', 'batch', 'pay', 'fail', 'return')),
  from_status   text,
  to_status     text NOT NULL,
  reason_code   text,
  note          text,
  amount_rp     bigint,
  rules_version text,
  explanation   jsonb,
  actor         text NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX claim_event_claim_idx ON claim_event (claim_id, at);
CREATE TRIGGER claim_event_append_only BEFORE UPDATE OR DELETE ON claim_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER claim_document_append_only BEFORE UPDATE OR DELETE ON claim_document
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
