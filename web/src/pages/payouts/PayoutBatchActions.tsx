import { useId, useState } from 'react';
import { downloadFile } from '../../api/client.ts';
import {
  approvePayoutBatch,
  type BankFileFormat,
  type BankFileParams,
  type BankResult,
  markPayoutBatchSent,
  type PayoutBatchFull,
  payoutExportUrl,
  uploadBankResult,
} from '../../api/payouts.ts';
import { FormCard, SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { NumberField, SelectField, TextField } from '../../components/FormFields.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatCount, parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
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

interface Downloaded {
  fileName: string;
  sha256: string;
  params: BankFileParams;
}

/**
 * The bank file: pick the layout, download (which changes nothing), upload it to the bank, then
 * say so with "Tandai terkirim" — a separate, confirmed step naming the file by its SHA-256.
 */
export function ExportPanel({ batch, onDone }: { batch: PayoutBatchFull; onDone: () => void }) {
  const { t, language } = useI18n();
  const { busy, error, run } = useAction();
  const [format, setFormat] = useState<BankFileFormat>('csv');
  const [debitAccount, setDebitAccount] = useState('');
  const [date, setDate] = useState('');
  const [downloaded, setDownloaded] = useState<Downloaded | null>(null);
  const sent = batch.status !== 'approved';
  const params: BankFileParams =
    format === 'mandiri-mcm'
      ? { format, debitAccount: debitAccount.trim(), ...(date ? { date } : {}) }
      : { format };
  async function download() {
    await run(async () => {
      const file = await downloadExport(batch.id, sent ? { format: 'csv' } : params);
      // The date the server wrote (today when left empty) names the same file on a later day.
      if (!sent)
        setDownloaded({
          fileName: file.fileName,
          sha256: file.sha256,
          params: file.instructionDate ? { ...params, date: file.instructionDate } : params,
        });
    });
  }
  return (
    <section className="card stack">
      <h2>{t('payouts.export.title')}</h2>
      <p className="muted">
        {sent
          ? t('payouts.export.done', {
              file: batch.exportFileName ?? '',
              at: safeDateTime(batch.exportedAt, language),
            })
          : t('payouts.export.intro')}
      </p>
      {sent ? null : (
        <div className="form-grid">
          <SelectField
            label={t('payouts.export.format')}
            value={format}
            onChange={(v) => {
              setFormat(v as BankFileFormat);
              setDownloaded(null);
            }}
          >
            <option value="csv">{t('payouts.export.format.csv')}</option>
            <option value="mandiri-mcm">{t('payouts.export.format.mandiri')}</option>
          </SelectField>
          {format === 'mandiri-mcm' ? (
            <>
              <TextField
                label={t('payouts.export.debitAccount')}
                inputMode="numeric"
                value={debitAccount}
                onChange={(v) => {
                  setDebitAccount(v);
                  setDownloaded(null);
                }}
              />
              <TextField
                label={t('payouts.export.date')}
                type="date"
                hint={t('payouts.export.dateHint')}
                value={date}
                onChange={(v) => {
                  setDate(v);
                  setDownloaded(null);
                }}
              />
            </>
          ) : null}
        </div>
      )}
      <button type="button" className="button button-secondary" disabled={busy} onClick={download}>
        <Icon name="download" />
        {t('payouts.export.download')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {!sent && downloaded ? (
        <>
          <p className="note">
            {t('payouts.export.downloaded', {
              file: downloaded.fileName,
              sha: downloaded.sha256.slice(0, 12),
            })}
          </p>
          <ConfirmAction
            label={t('payouts.sent.button')}
            question={t('payouts.sent.question', { file: downloaded.fileName, number: batch.number })}
            confirmLabel={t('payouts.sent.confirm')}
            onConfirm={async () => {
              await markPayoutBatchSent(batch.id, { ...downloaded.params, sha256: downloaded.sha256 });
              onDone();
            }}
          />
        </>
      ) : null}
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

/** Downloads the bank file; answers its name, SHA-256 and instruction date (from the headers). */
export async function downloadExport(
  batchId: number,
  params: BankFileParams,
): Promise<{ fileName: string; sha256: string; instructionDate: string | null }> {
  const { fileName, headers } = await downloadFile(payoutExportUrl(batchId, params), `payout-${batchId}.csv`);
  return {
    fileName,
    sha256: headers.get('x-content-sha256') ?? '',
    instructionDate: headers.get('x-instruction-date'),
  };
}
