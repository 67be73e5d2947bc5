import type { BatchBudgetCheck, BudgetWarning } from '../api/budget.ts';
import { formatCount, formatPeriod, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DataTable } from './DataTable.tsx';
import '../budget.css';

/** Each warning as sentences: who, by how much over the allocation, how many workers over the quota. */
export function BudgetWarningList({ warnings, title }: { warnings: BudgetWarning[]; title?: string }) {
  const { t, language } = useI18n();
  if (warnings.length === 0) return null;
  const heading = title ?? t('budget.warnings.title', { count: formatCount(warnings.length, language) });
  const list = (
    <ul>
      {warnings.map((w) => (
        <li key={`${w.fiscalYear}-${w.payerKind}-${w.payerRegion}-${w.payerId ?? 'new'}`}>
          <strong>{w.payerName ?? w.payerRegion}</strong>
          {w.reasons.map((reason) => (
            <span key={reason}>
              {' '}
              {reason === 'OVER_BUDGET'
                ? t('budget.reason.OVER_BUDGET', {
                    amount: formatRupiah(w.overRp, language),
                    committed: formatRupiah(w.committedRp, language),
                    allocated: formatRupiah(w.allocatedRp, language),
                  })
                : reason === 'NO_BUDGET'
                  ? t('budget.reason.NO_BUDGET', { committed: formatRupiah(w.committedRp, language) })
                  : t('budget.reason.OVER_QUOTA', {
                      workers: formatCount(w.workers, language),
                      quota: formatCount(w.quotaWorkers ?? 0, language),
                    })}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
  // Many payers over (e.g. a year whose budgets are not entered yet): the list folds away.
  return (
    <div className="alert stack budget-warnings" role="alert">
      {warnings.length > 3 ? (
        <details>
          <summary>
            <strong>{heading}</strong>
          </summary>
          {list}
        </details>
      ) : (
        <>
          <p>
            <strong>{heading}</strong>
          </p>
          {list}
        </>
      )}
    </div>
  );
}

/**
 * The district officer's view before verifying: the payer's allocation, committed, used and
 * remaining, and workers against the quota, before and with the batch; the warnings and, when
 * there are any, the acknowledgement the verification needs.
 */
export function BatchBudgetPanel({
  check,
  fallbackName,
  acknowledged,
  onAcknowledge,
}: {
  check: BatchBudgetCheck;
  fallbackName: string;
  acknowledged: boolean;
  onAcknowledge: ((value: boolean) => void) | null;
}) {
  const { t, language } = useI18n();
  const p = check.payer;
  const rp = (n: number) => formatRupiah(n, language);
  const workers = (n: number) =>
    p.quotaWorkers === null
      ? `${formatCount(n, language)} (${t('budget.noQuota')})`
      : `${formatCount(n, language)} / ${formatCount(p.quotaWorkers, language)}`;
  const over = check.warnings.length > 0;
  return (
    <section className="card stack budget-check" aria-labelledby="budget-check-title">
      <h2 id="budget-check-title">{t('budget.check.title', { year: String(check.fiscalYear) })}</h2>
      <p className="muted">{t('budget.check.payer', { payer: p.payerName ?? fallbackName })}</p>
      {check.budgetRecorded ? null : (
        <p className="note">{t('budget.check.notRecorded', { year: String(check.fiscalYear) })}</p>
      )}
      <DataTable
        className="budget-check-table"
        rows={[
          {
            key: 'before',
            label: t('budget.check.before'),
            workers: p.workersBefore,
            committedRp: p.committedBeforeRp,
          },
          { key: 'after', label: t('budget.check.after'), workers: p.workers, committedRp: p.committedRp },
        ]}
        rowKey={(row) => row.key}
        rowProps={(row) => ({ className: row.key === 'after' && over ? 'over-budget-row' : undefined })}
        columns={(c) => [
          c.text('when', <span className="visually-hidden">{t('budget.payer')}</span>, (row) => row.label, {
            rowHeader: true,
          }),
          c.text('workers', t('budget.workers'), (row) => workers(row.workers)),
          c.num('committed', t('budget.committed'), (row) => rp(row.committedRp)),
        ]}
      />
      <dl className="budget-figures">
        <div>
          <dt>{t('budget.allocated')}</dt>
          <dd>{rp(p.allocatedRp)}</dd>
        </div>
        <div>
          <dt>{t('budget.used')}</dt>
          <dd>{rp(p.usedRp)}</dd>
        </div>
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd className={p.remainingRp < 0 ? 'over-budget' : undefined}>{rp(p.remainingRp)}</dd>
        </div>
      </dl>
      <p className="muted">
        {t('budget.check.batch', {
          workers: formatCount(p.workers - p.workersBefore, language),
          amount: rp(p.batchRp),
        })}{' '}
        {check.projectedFrom
          ? t('budget.projectedFrom', { period: formatPeriod(check.projectedFrom, language) })
          : t('budget.projectedNone')}
      </p>
      {over ? (
        <>
          <BudgetWarningList warnings={check.warnings} />
          {onAcknowledge ? (
            <div className="stack">
              <label className="check">
                <input
                  className="check-box"
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(event) => onAcknowledge(event.target.checked)}
                />
                {t('budget.check.acknowledge')}
              </label>
              <p className="muted">{t('budget.check.hint')}</p>
            </div>
          ) : null}
        </>
      ) : check.budgetRecorded ? (
        <p className="success">{t('budget.check.ok')}</p>
      ) : null}
    </section>
  );
}
