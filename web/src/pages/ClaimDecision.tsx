import { type FormEvent, useId, useState } from 'react';
import { type ClaimDetail, type ClaimReason, claimReasons, decideClaim } from '../api/claims.ts';
import { SubmitCancel } from '../components/Card.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ChoiceField, TextAreaField } from '../components/FormFields.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { pick } from './ClaimStatus.tsx';
import { useAction } from './useAction.ts';
import { useLoad } from './useLoad.ts';

// The checker's decision: approve the amount the rules computed, or reject with a coded reason
// from the catalog (GET /claim-reasons) and a note. The server refuses the claim's maker.

function RejectWithReason({
  claimId,
  reasons,
  onDone,
}: {
  claimId: number;
  reasons: ClaimReason[];
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!code) return setError(t('decision.reasonRequired'));
    await run(async () => {
      await decideClaim(claimId, {
        approve: false,
        reasonCode: code,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setOpen(false);
      onDone();
    });
  }

  if (!open) {
    return (
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t('decision.reject')}
      </button>
    );
  }
  // Checker reasons first: those are the ones a person decides; the rules' own come after.
  const sorted = [...reasons].sort((a, b) => (a.source === b.source ? 0 : a.source === 'checker' ? -1 : 1));
  return (
    <form className="confirm stack" onSubmit={submit} noValidate>
      <ChoiceField
        label={t('decision.reason')}
        value={code}
        onChange={setCode}
        options={sorted.map((r) => ({ value: r.code, label: pick(r, language) }))}
      />
      <TextAreaField label={t('decision.note')} maxLength={1000} value={note} onChange={setNote} />
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} variant="danger" onCancel={() => setOpen(false)}>
        {t('decision.rejectSubmit')}
      </SubmitCancel>
    </form>
  );
}

export function ClaimDecision({
  claim,
  onDone,
  onUnauthenticated,
}: {
  claim: ClaimDetail;
  onDone: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const { state, reload } = useLoad(`claim-reasons:${language}`, claimReasons, onUnauthenticated);
  const amount = claim.amountRp === null ? '–' : formatRupiah(claim.amountRp, language);
  // A decision of Rp 0 is approved only with a stated reason (the server refuses it otherwise).
  const zero = !claim.amountRp;
  const [zeroReason, setZeroReason] = useState('');
  return (
    <section className="card stack decision-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('decision.title')}</h2>
      <p>{t('decision.intro', { amount })}</p>
      {zero && (
        <TextAreaField
          label={t('decision.zeroAmountReason')}
          hint={t('decision.zeroAmountHint')}
          value={zeroReason}
          onChange={setZeroReason}
          maxLength={1000}
        />
      )}
      <div className="button-row">
        <ConfirmAction
          label={t('decision.approve')}
          question={t('decision.approveQuestion', { number: claim.number, amount })}
          confirmLabel={t('decision.approveConfirm')}
          onConfirm={async () => {
            await decideClaim(claim.id, {
              approve: true,
              ...(zero && zeroReason.trim() ? { zeroAmountReason: zeroReason.trim() } : {}),
            });
            onDone();
          }}
        />
        <LoadView state={state} retry={reload}>
          {({ reasons }) => <RejectWithReason claimId={claim.id} reasons={reasons} onDone={onDone} />}
        </LoadView>
      </div>
    </section>
  );
}
