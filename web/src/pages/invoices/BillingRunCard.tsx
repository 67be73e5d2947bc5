import { useState } from 'react';
import { type BillingRunResult, runBilling } from '../../api/billing.ts';
import { Period, passes, RegencyCode } from '../../api/fields.ts';
import type { User } from '../../api/types.ts';
import { BudgetWarningList } from '../../components/BudgetWarnings.tsx';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { RegencyField, TextField } from '../../components/FormFields.tsx';
import { formatCount, formatRupiah, todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { InvoiceTable } from './InvoiceTable.tsx';
import { safePeriod } from './labels.ts';

/** This month at the office (WITA) as `YYYY-MM`: a run for a later month is refused (DATE_IN_FUTURE). */
export function currentPeriod(): string {
  return todayWita().slice(0, 7);
}

export function BillingRunCard({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, language } = useI18n();
  const fixedRegency = user.homeRegion && passes(RegencyCode, user.homeRegion) ? user.homeRegion : null;
  const [regency, setRegency] = useState(fixedRegency ?? '');
  const [period, setPeriod] = useState(currentPeriod);
  const { busy, error, setError, run: act } = useAction();
  const [result, setResult] = useState<{ period: string; run: BillingRunResult } | null>(null);

  async function submit() {
    if (busy) return;
    if (!passes(Period, period)) return setError(t('billing.run.periodInvalid'));
    if (!passes(RegencyCode, regency.trim())) return setError(t('billing.run.regencyInvalid'));
    setResult(null);
    await act(async () => {
      const run = await runBilling(regency.trim(), period);
      setResult({ period, run });
      onDone();
    });
  }

  const run = result?.run;
  return (
    <FormCard
      title={t('billing.run.title')}
      intro={t('billing.run.intro')}
      onSubmit={submit}
      after={
        result && run ? (
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
            {run.notBilled.map((n) => (
              <p key={n.payerId} className="note">
                {t('billing.run.notBilled', {
                  payer: n.payerName,
                  period: safePeriod(n.period, language),
                  participants: formatCount(n.participants, language),
                })}
              </p>
            ))}
            <BudgetWarningList warnings={run.warnings ?? []} title={t('billing.run.budgetWarnings')} />
            {run.invoices.length > 0 ? (
              <InvoiceTable
                invoices={run.invoices}
                caption={t('billing.run.invoices', { count: formatCount(run.invoices.length, language) })}
              />
            ) : null}
          </div>
        ) : null
      }
    >
      <div className="form-grid">
        <TextField
          label={t('billing.run.period')}
          type="month"
          required
          placeholder="2026-12"
          value={period}
          onChange={setPeriod}
        />
        {fixedRegency ? null : (
          <RegencyField label={t('billing.run.regency')} value={regency} onChange={setRegency} />
        )}
      </div>
      <SubmitButton busy={busy} icon="bill">
        {busy ? t('billing.run.running') : t('billing.run.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}
