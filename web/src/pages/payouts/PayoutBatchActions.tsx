import { useId, useState } from 'react';
import { apiErrorFromText } from '../../api/client.ts';
import {
  approvePayoutBatch,
  type BankResult,
  type PayoutBatchFull,
  payoutExportUrl,
  uploadBankResult,
} from '../../api/payouts.ts';
import { FormCard, SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { NumberField } from '../../components/FormFields.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatCount, parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { currentLanguage } from '../../i18n/language.ts';
import { safeDateTime } from '../ClaimStatus.tsx';
import { useAction } from '../useAction.ts';

export function ApproveForm({ batch, onDone }: { batch: PayoutBatchFull; onDone: () => void }) {
  const { t } = useI18n();
  const [count, setCount] = useState('');
  const [total, setTotal] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (busy) return;
    const declaredCount = /^\d+$/.test(count.trim()) ? Number(count.trim()) : null;
    const declaredTotalRp = parseRupiahInput(total);
    if (declaredCount === null || declaredTotalRp === null) return setError(t('payouts.approve.invalid'));
    await run(async () => {
      await approvePayoutBatch(batch.id, declaredCount, declaredTotalRp);
      onDone();
    });
  }

  return (
    <FormCard title={t('payouts.approve.title')} intro={t('payouts.approve.intro')} onSubmit={submit}>
      <div className="form-grid">
        <NumberField label={t('payouts.approve.count')} value={count} onChange={setCount} />
        <NumberField
          label={t('payouts.approve.total')}
          placeholder="42.000.000"
          value={total}
          onChange={setTotal}
        />
      </div>
      <SubmitButton busy={busy} icon="approve">
        {t('payouts.approve.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}

export function ExportPanel({ batch, onDone }: { batch: PayoutBatchFull; onDone: () => void }) {
  const { t, language } = useI18n();
  const { busy, error, run } = useAction();
  async function download() {
    await run(async () => {
      await downloadExport(batch.id);
      onDone();
    });
  }
  return (
    <section className="card stack">
      <h2>{t('payouts.export.title')}</h2>
      <p className="muted">
        {batch.exportFileName
          ? t('payouts.export.done', {
              file: batch.exportFileName,
              at: safeDateTime(batch.exportedAt, language),
            })
          : t('payouts.export.intro')}
      </p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={download}>
        <Icon name="download" />
        {t('payouts.export.download')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

export function ResultUpload({ batchId, onDone }: { batchId: number; onDone: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BankResult | null>(null);

  async function submit() {
    if (progress !== null) return;
    if (!file) return setError(t('payouts.result.required'));
    setProgress(0);
    setError(null);
    setResult(null);
    try {
      setResult(await uploadBankResult(batchId, file, setProgress));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  return (
    <FormCard
      title={t('payouts.result.title')}
      intro={t('payouts.result.intro')}
      onSubmit={submit}
      after={
        <SuccessNote>
          {result
            ? t(result.replayed ? 'payouts.result.replayed' : 'payouts.result.done', {
                paid: formatCount(result.paid, language),
                failed: formatCount(result.failed, language),
                returned: formatCount(result.returned, language),
              })
            : null}
        </SuccessNote>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('payouts.result.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <SubmitButton busy={progress !== null} icon="upload">
        {progress !== null ? t('payouts.result.uploading') : t('payouts.result.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}

/** Fetches the CSV (so that a refusal shows its message) and hands it to the browser as a file. */
export async function downloadExport(batchId: number): Promise<void> {
  const response = await fetch(payoutExportUrl(batchId), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) throw apiErrorFromText(response.status, response.statusText, await response.text());
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `payout-${batchId}.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
