import { type FormEvent, useId, useState } from 'react';
import { apiErrorFromText } from '../api/client.ts';
import {
  approvePayoutBatch,
  type BankResult,
  getPayoutBatch,
  type Payout,
  type PayoutBatchFull,
  payoutExportUrl,
  uploadBankResult,
} from '../api/payouts.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatCount, formatRupiah, parseRupiahInput } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { currentLanguage } from '../i18n/language.ts';
import { Link } from '../router.tsx';
import { claimPath } from './ClaimQueuePage.tsx';
import {
  maskDigits,
  PayoutBatchStatusBadge,
  PayoutStatusBadge,
  safeDate,
  safeDateTime,
} from './ClaimStatus.tsx';
import { PAYOUTS_PATH } from './PayoutBatchesPage.tsx';
import { useLoad } from './useLoad.ts';
import '../claims.css';

// One payout batch: the second person approves it by declaring the count and total they
// checked; the officer downloads the bank's transfer file (made once, the same bytes every
// time) and uploads the bank's result file, which marks each payout paid, failed or returned.

function ApproveForm({ batch, onDone }: { batch: PayoutBatchFull; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [count, setCount] = useState('');
  const [total, setTotal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const declaredCount = /^\d+$/.test(count.trim()) ? Number(count.trim()) : null;
    const declaredTotalRp = parseRupiahInput(total);
    if (declaredCount === null || declaredTotalRp === null) return setError(t('payouts.approve.invalid'));
    setBusy(true);
    setError(null);
    try {
      await approvePayoutBatch(batch.id, declaredCount, declaredTotalRp);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('payouts.approve.title')}</h2>
      <p className="muted">{t('payouts.approve.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-count`}>{t('payouts.approve.count')}</label>
            <input
              id={`${id}-count`}
              inputMode="numeric"
              autoComplete="off"
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-total`}>{t('payouts.approve.total')}</label>
            <input
              id={`${id}-total`}
              inputMode="numeric"
              autoComplete="off"
              placeholder="42.000.000"
              value={total}
              onChange={(e) => setTotal(e.target.value)}
            />
          </div>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="approve" />
          {t('payouts.approve.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}

/** Fetches the CSV (so that a refusal shows its message) and hands it to the browser as a file. */
async function downloadExport(batchId: number): Promise<void> {
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

function ExportPanel({ batch, onDone }: { batch: PayoutBatchFull; onDone: () => void }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await downloadExport(batch.id);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
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
      <button type="button" className="button button-secondary" disabled={busy} onClick={run}>
        <Icon name="download" />
        {t('payouts.export.download')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

function ResultUpload({ batchId, onDone }: { batchId: number; onDone: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BankResult | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('payouts.result.title')}</h2>
      <p className="muted">{t('payouts.result.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('payouts.result.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={progress !== null}>
          <Icon name="upload" />
          {progress !== null ? t('payouts.result.uploading') : t('payouts.result.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {result ? (
        <p className="success" role="status">
          {t(result.replayed ? 'payouts.result.replayed' : 'payouts.result.done', {
            paid: formatCount(result.paid, language),
            failed: formatCount(result.failed, language),
            returned: formatCount(result.returned, language),
          })}
        </p>
      ) : null}
    </section>
  );
}

function PayoutTable({ payouts }: { payouts: Payout[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards payout-table">
      <caption>{t('payouts.payouts', { count: formatCount(payouts.length, language) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('claim.number')}</th>
          <th scope="col">{t('claim.program')}</th>
          <th scope="col">{t('intake.bank')}</th>
          <th scope="col" className="num">
            {t('claim.amount')}
          </th>
          <th scope="col">{t('claim.status')}</th>
          <th scope="col">{t('payouts.bankReference')}</th>
        </tr>
      </thead>
      <tbody>
        {payouts.map((p) => (
          <tr key={p.id} data-payout={p.id}>
            <th scope="row" data-label={t('claim.number')}>
              <Link to={claimPath('maker', p.claimId)}>{p.claimNumber}</Link>
            </th>
            <td data-label={t('claim.program')}>{p.program}</td>
            <td data-label={t('intake.bank')}>
              {p.bankCode} <span className="mono">{maskDigits(p.bankAccount)}</span> · {p.accountHolder}
            </td>
            <td data-label={t('claim.amount')} className="num">
              {formatRupiah(p.amountRp, language)}
            </td>
            <td data-label={t('claim.status')}>
              <PayoutStatusBadge status={p.status} />
              {p.paidOn ? <span className="muted"> {safeDate(p.paidOn, language)}</span> : null}
              {(p.failedOn ?? p.returnedOn) ? (
                <span className="muted"> {safeDate(p.failedOn ?? p.returnedOn, language)}</span>
              ) : null}
            </td>
            <td data-label={t('payouts.bankReference')}>{p.bankReference ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PayoutBatchDetail({
  batchId,
  user,
  onUnauthenticated,
}: {
  batchId: string;
  user: User;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(
    `payout-batch:${batchId}:${language}`,
    () => getPayoutBatch(batchId),
    onUnauthenticated,
  );
  const can = (p: string) => user.permissions.includes(p);
  return (
    <LoadView state={state} retry={reload}>
      {({ batch, payouts }) => (
        <div className="stack claims-page">
          <Link to={PAYOUTS_PATH} className="back-link">
            ‹ {t('action.back')}
          </Link>
          <div className="stack page-head">
            <p className="eyebrow">
              <span className="level">{t('payouts.batch')}</span>
              <span className="code">{batch.regencyCode}</span>
            </p>
            <h1 className="mono-heading">{batch.number}</h1>
            <div className="batch-head">
              <PayoutBatchStatusBadge status={batch.status} />
            </div>
          </div>
          <dl className="stats" aria-label={t('payouts.totals')}>
            <div className="stat">
              <dt>{t('payouts.count')}</dt>
              <dd className="stat-money batch-count">{formatCount(batch.count, language)}</dd>
            </div>
            <div className="stat">
              <dt>{t('payouts.total')}</dt>
              <dd className="stat-money batch-total">{formatRupiah(batch.totalRp, language)}</dd>
            </div>
            {batch.declaredTotalRp !== null ? (
              <div className="stat stat-valid">
                <dt>{t('payouts.declared')}</dt>
                <dd className="stat-money">
                  {formatCount(batch.declaredCount ?? 0, language)} ·{' '}
                  {formatRupiah(batch.declaredTotalRp, language)}
                </dd>
              </div>
            ) : null}
          </dl>
          <dl className="facts">
            <div>
              <dt>{t('payouts.createdBy')}</dt>
              <dd>
                {batch.createdBy} · {safeDateTime(batch.createdAt, language)}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.approvedBy')}</dt>
              <dd>
                {batch.approvedBy ? `${batch.approvedBy} · ${safeDateTime(batch.approvedAt, language)}` : '–'}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.exportedAt')}</dt>
              <dd>
                {batch.exportedAt
                  ? `${batch.exportedBy ?? ''} · ${safeDateTime(batch.exportedAt, language)}`
                  : '–'}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.reconciledAt')}</dt>
              <dd>{safeDateTime(batch.reconciledAt, language)}</dd>
            </div>
          </dl>
          {batch.status === 'draft' && can('payouts.approve') ? (
            <ApproveForm batch={batch} onDone={reload} />
          ) : null}
          {batch.status === 'draft' && !can('payouts.approve') ? (
            <p className="note">{t('payouts.waitingApproval')}</p>
          ) : null}
          {batch.status !== 'draft' && can('payouts.manage') ? (
            <ExportPanel batch={batch} onDone={reload} />
          ) : null}
          {(batch.status === 'exported' || batch.status === 'reconciled') && can('payouts.manage') ? (
            <ResultUpload batchId={batch.id} onDone={reload} />
          ) : null}
          <PayoutTable payouts={payouts} />
        </div>
      )}
    </LoadView>
  );
}
