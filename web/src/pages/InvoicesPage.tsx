import { type FormEvent, useId, useState } from 'react';
import {
  type BillingRunResult,
  getInvoice,
  type Invoice,
  type InvoiceDetail,
  type InvoiceStatusFilter,
  invoicePdfUrl,
  listInvoices,
  runBilling,
} from '../api/billing.ts';
import { BILLING_EXPORTS, invoiceLinesExportUrl } from '../api/exports.ts';
import type { User } from '../api/types.ts';
import { BudgetWarningList } from '../components/BudgetWarnings.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { InvoiceStatusBadge } from '../components/InvoiceStatus.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatCount, formatDate, formatDateTime, formatPeriod, formatRupiah } from '../format.ts';
import { type Translate, useI18n } from '../i18n/I18nProvider.tsx';
import type { Language } from '../i18n/language.ts';
import { Link } from '../router.tsx';
import { useLoad } from './useLoad.ts';

// Invoices in the caller's scope, one invoice's summary by programme, and (branch officer) the
// monthly billing run.

export const INVOICES_PATH = '/tagihan';

export function invoicePath(id: Invoice['id']): string {
  return `${INVOICES_PATH}/${encodeURIComponent(String(id))}`;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGENCY = /^\d{2}\.\d{2}$/;

function safePeriod(period: string, language: Language): string {
  return PERIOD.test(period) ? formatPeriod(period, language) : period;
}

function safeDate(date: string, language: Language): string {
  try {
    return formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

function kindLabel(kind: string, t: Translate): string {
  if (kind === 'regular' || kind === 'adjustment') return t(`invoice.kind.${kind}`);
  return kind;
}

/** Next month as `YYYY-MM`: what a run before the month's due date bills. */
function nextPeriod(today: Date = new Date()): string {
  const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function InvoiceTable({ invoices, caption }: { invoices: Invoice[]; caption: string }) {
  const { t, language } = useI18n();
  const money = (n: number) => formatRupiah(n, language);
  return (
    <table className="table-cards invoice-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('invoice.number')}</th>
          <th scope="col">{t('invoice.payer')}</th>
          <th scope="col">{t('invoice.period')}</th>
          <th scope="col">{t('invoice.dueDate')}</th>
          <th scope="col" className="num">
            {t('invoice.total')}
          </th>
          <th scope="col" className="num">
            {t('invoice.paid')}
          </th>
          <th scope="col" className="num">
            {t('invoice.balance')}
          </th>
          <th scope="col">{t('invoice.status')}</th>
          <th scope="col">{t('invoice.pdf')}</th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} data-invoice={invoice.number}>
            <th scope="row" data-label={t('invoice.number')}>
              <Link to={invoicePath(invoice.id)} className="invoice-link">
                {invoice.number}
              </Link>
            </th>
            <td data-label={t('invoice.payer')}>{invoice.payerName}</td>
            <td data-label={t('invoice.period')}>
              {safePeriod(invoice.period, language)}
              {invoice.kind !== 'regular' ? (
                <span className="muted"> · {kindLabel(invoice.kind, t)}</span>
              ) : null}
            </td>
            <td data-label={t('invoice.dueDate')}>{safeDate(invoice.dueDate, language)}</td>
            <td data-label={t('invoice.total')} className="num">
              {money(invoice.totalRp)}
            </td>
            <td data-label={t('invoice.paid')} className="num">
              {money(invoice.paidRp)}
            </td>
            <td data-label={t('invoice.balance')} className="num strong">
              {money(Math.max(0, invoice.totalRp - invoice.paidRp))}
            </td>
            <td data-label={t('invoice.status')}>
              <InvoiceStatusBadge invoice={invoice} />
            </td>
            <td data-label={t('invoice.pdf')}>
              <a className="inline-action" href={invoicePdfUrl(invoice.id)} download>
                <Icon name="file" />
                {t('invoice.pdfLink')}
                <span className="visually-hidden"> {invoice.number}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BillingRunCard({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const fixedRegency = user.homeRegion && REGENCY.test(user.homeRegion) ? user.homeRegion : null;
  const [regency, setRegency] = useState(fixedRegency ?? '');
  const [period, setPeriod] = useState(nextPeriod);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ period: string; run: BillingRunResult } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!PERIOD.test(period)) return setError(t('billing.run.periodInvalid'));
    if (!REGENCY.test(regency.trim())) return setError(t('billing.run.regencyInvalid'));
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const run = await runBilling(regency.trim(), period);
      setResult({ period, run });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const run = result?.run;
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('billing.run.title')}</h2>
      <p className="muted">{t('billing.run.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('billing.run.period')}</label>
            <input
              id={`${id}-period`}
              type="month"
              required
              placeholder="2026-12"
              value={period}
              onChange={(event) => setPeriod(event.target.value)}
            />
          </div>
          {fixedRegency ? null : (
            <div className="field">
              <label htmlFor={`${id}-regency`}>{t('billing.run.regency')}</label>
              <input
                id={`${id}-regency`}
                inputMode="decimal"
                placeholder="53.04"
                value={regency}
                onChange={(event) => setRegency(event.target.value)}
              />
            </div>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="bill" />
          {busy ? t('billing.run.running') : t('billing.run.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {result && run ? (
        <div className="stack" role="status">
          <p className={run.kind ? 'success' : 'note'}>
            {run.kind
              ? t(run.kind === 'regular' ? 'billing.run.regular' : 'billing.run.adjustment', {
                  period: safePeriod(result.period, language),
                  participants: formatCount(run.participants, language),
                  invoices: formatCount(run.invoices.length, language),
                  total: formatRupiah(run.totalRp, language),
                })
              : t('billing.run.nothing', { period: safePeriod(result.period, language) })}
          </p>
          <BudgetWarningList warnings={run.warnings ?? []} title={t('billing.run.budgetWarnings')} />
          {run.invoices.length > 0 ? (
            <InvoiceTable
              invoices={run.invoices}
              caption={t('billing.run.invoices', { count: formatCount(run.invoices.length, language) })}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function InvoiceList({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState<InvoiceStatusFilter | ''>('');
  const validPeriod = PERIOD.test(period) ? period : null;
  const { state, reload } = useLoad(
    JSON.stringify([validPeriod, status, language]),
    () => listInvoices({ period: validPeriod, status: status || null }),
    onUnauthenticated,
  );
  const canRun = user.permissions.includes('billing.run');
  const isVillage = user.role === 'village_operator';

  return (
    <div className="stack billing-page">
      <div className="stack page-head">
        <h1>{t('billing.title')}</h1>
        <p className="muted">{isVillage ? t('billing.intro.village') : t('billing.intro')}</p>
      </div>
      {canRun ? <BillingRunCard user={user} onDone={reload} /> : null}
      <section className="stack" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('billing.list.title')}</h2>
        <search>
          <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
            <div className="field">
              <label htmlFor={`${id}-period`}>{t('billing.filter.period')}</label>
              <input
                id={`${id}-period`}
                type="month"
                value={period}
                onChange={(event) => setPeriod(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-status`}>{t('billing.filter.status')}</label>
              <select
                id={`${id}-status`}
                value={status}
                onChange={(event) => setStatus(event.target.value as InvoiceStatusFilter | '')}
              >
                <option value="">{t('billing.filter.all')}</option>
                <option value="open">{t('billing.filter.open')}</option>
                <option value="paid">{t('billing.filter.paid')}</option>
              </select>
            </div>
          </form>
        </search>
        {BILLING_EXPORTS.length > 0 ? (
          <div className="button-row">
            {BILLING_EXPORTS.map((exp) => (
              <a
                key={exp.format}
                className="button button-secondary"
                href={exp.url({ period: validPeriod, status: status || null })}
                download
              >
                <Icon name="download" />
                {t(exp.label)}
              </a>
            ))}
          </div>
        ) : null}
        <LoadView state={state} retry={reload}>
          {(invoices) =>
            invoices.length === 0 ? (
              <p className="muted">{t('billing.list.empty')}</p>
            ) : (
              <InvoiceTable
                invoices={invoices}
                caption={t('billing.list.count', { count: formatCount(invoices.length, language) })}
              />
            )
          }
        </LoadView>
      </section>
    </div>
  );
}

function payerRoleLabel(role: string, t: Translate): string {
  if (role === 'participant' || role === 'employer' || role === 'government')
    return t(`invoice.role.${role}`);
  return role;
}

function InvoiceView({ detail }: { detail: InvoiceDetail }) {
  const { t, language } = useI18n();
  const { invoice, summary } = detail;
  const money = (n: number) => formatRupiah(n, language);
  const balance = Math.max(0, invoice.totalRp - invoice.paidRp);
  return (
    <div className="stack">
      <Link to={INVOICES_PATH} className="back-link">
        ‹ {t('action.back')}
      </Link>
      <div className="stack page-head">
        <p className="eyebrow">
          <span className="level">{t('invoice.title')}</span>
          <span className="code">{kindLabel(invoice.kind, t)}</span>
        </p>
        <h1 className="mono-heading">{invoice.number}</h1>
        <div className="batch-head">
          <InvoiceStatusBadge invoice={invoice} />
          <span className="muted">{invoice.payerName}</span>
        </div>
      </div>
      <dl className="stats" aria-label={t('invoice.amounts')}>
        <div className="stat">
          <dt>{t('invoice.total')}</dt>
          <dd className="stat-money">{money(invoice.totalRp)}</dd>
        </div>
        <div className="stat stat-valid">
          <dt>{t('invoice.paid')}</dt>
          <dd className="stat-money">{money(invoice.paidRp)}</dd>
        </div>
        <div className={`stat ${balance > 0 ? 'stat-invalid' : 'stat-valid'}`}>
          <dt>{t('invoice.balance')}</dt>
          <dd className="stat-money">{money(balance)}</dd>
        </div>
      </dl>
      <dl className="facts">
        <div>
          <dt>{t('invoice.period')}</dt>
          <dd>{safePeriod(invoice.period, language)}</dd>
        </div>
        <div>
          <dt>{t('invoice.dueDate')}</dt>
          <dd>{safeDate(invoice.dueDate, language)}</dd>
        </div>
        <div>
          <dt>{t('invoice.issuedAt')}</dt>
          <dd>{formatDateTime(invoice.issuedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('invoice.lines')}</dt>
          <dd>{formatCount(invoice.lines, language)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <a className="button button-secondary" href={invoicePdfUrl(invoice.id)} download>
          <Icon name="file" />
          {t('invoice.pdfDownload')}
        </a>
        {(['xlsx', 'csv'] as const).map((format) => (
          <a
            key={format}
            className="button button-secondary"
            href={invoiceLinesExportUrl(invoice.id, format)}
            download
          >
            <Icon name="download" />
            {t(format === 'xlsx' ? 'invoice.linesXlsx' : 'invoice.linesCsv')}
          </a>
        ))}
      </div>
      <table className="table-cards summary-table">
        <caption>{t('invoice.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invoice.program')}</th>
            <th scope="col">{t('invoice.paidBy')}</th>
            <th scope="col">{t('invoice.lineKind')}</th>
            <th scope="col" className="num">
              {t('invoice.participants')}
            </th>
            <th scope="col" className="num">
              {t('invoice.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.map((line) => (
            <tr key={`${line.program}-${line.payerRole}-${line.kind}`}>
              <th scope="row" data-label={t('invoice.program')}>
                {line.program}
              </th>
              <td data-label={t('invoice.paidBy')}>{payerRoleLabel(line.payerRole, t)}</td>
              <td data-label={t('invoice.lineKind')}>
                {line.kind === 'contribution' ? t('invoice.lineKind.contribution') : line.kind}
              </td>
              <td data-label={t('invoice.participants')} className="num">
                {formatCount(line.participants, language)}
              </td>
              <td data-label={t('invoice.amount')} className="num">
                {money(line.amountRp)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4} data-label={t('invoice.total')}>
              {t('invoice.total')}
            </th>
            <td className="num strong" data-label={t('invoice.total')}>
              {money(invoice.totalRp)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function InvoiceDetailPage({
  invoiceId,
  onUnauthenticated,
}: {
  invoiceId: string;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(
    `${invoiceId}:${language}`,
    () => getInvoice(invoiceId),
    onUnauthenticated,
  );
  return (
    <LoadView state={state} retry={reload}>
      {(detail) => <InvoiceView detail={detail} />}
    </LoadView>
  );
}

export function InvoicesPage({
  user,
  invoiceId,
  onUnauthenticated,
}: {
  user: User;
  invoiceId: string | null;
  onUnauthenticated: () => void;
}) {
  if (invoiceId) return <InvoiceDetailPage invoiceId={invoiceId} onUnauthenticated={onUnauthenticated} />;
  return <InvoiceList user={user} onUnauthenticated={onUnauthenticated} />;
}
