import { useState } from 'react';
import { Period, passes } from '../api/fields.ts';
import { type ClosedPeriods, closePeriod, listClosedPeriods } from '../api/periods.ts';
import { homeRegency } from '../api/reports.ts';
import { FormCard, SubmitButton, SubmitCancel, SuccessNote } from '../components/Card.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TextField } from '../components/FormFields.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatDateTime, formatPeriod, todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PageProps } from './pageProps.ts';
import { useAction } from './useAction.ts';
import { useLoad } from './useLoad.ts';

export const PERIOD_CLOSE_PATH = '/tutup-buku';

/** Last month at the office (WITA): the latest month that can be closed. */
function lastMonth(): string {
  const [y, m] = todayWita().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The branch supervisor closes the regency's books through a month that has ended (docs/periods.md).
 * Two steps: choose the month, then confirm — a closed month is never reopened.
 */
export function PeriodClosePage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const regency = homeRegency(user.homeRegion);
  const { state, reload } = useLoad(regency, () => listClosedPeriods(regency), onUnauthenticated);
  return (
    <div className="stack">
      <PageHead title={t('periods.title')} intro={t('periods.intro')} />
      <CloseForm regency={regency} onClosed={reload} onUnauthenticated={onUnauthenticated} />
      <LoadView state={state} retry={reload}>
        {(closed: ClosedPeriods) =>
          closed.closes.length === 0 ? (
            <p className="muted">{t('periods.none')}</p>
          ) : (
            <DataTable
              caption={t('periods.through', { period: formatPeriod(closed.closedThrough ?? '', language) })}
              rows={closed.closes}
              rowKey={(c) => c.period}
              columns={(c) => [
                c.text('period', t('periods.period'), (r) => formatPeriod(r.period, language), {
                  rowHeader: true,
                }),
                c.text('by', t('periods.closedBy'), (r) => r.closedBy),
                c.text('at', t('periods.closedAt'), (r) => formatDateTime(r.closedAt, language)),
              ]}
            />
          )
        }
      </LoadView>
    </div>
  );
}

function CloseForm({
  regency,
  onClosed,
  onUnauthenticated,
}: {
  regency: string;
  onClosed: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const [period, setPeriod] = useState(lastMonth);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const { busy, error, setError, run } = useAction(onUnauthenticated);

  async function submit() {
    if (busy) return;
    if (!passes(Period, period)) return setError(t('billing.run.periodInvalid'));
    setDone('');
    if (!confirming) return setConfirming(true);
    await run(async () => {
      const r = await closePeriod(regency, period);
      setConfirming(false);
      setDone(t('periods.done', { period: formatPeriod(r.closedThrough, language) }));
      onClosed();
    });
  }

  return (
    <FormCard title={t('periods.form.title')} intro={t('periods.form.intro', { regency })} onSubmit={submit}>
      <TextField
        label={t('periods.period')}
        type="month"
        required
        value={period}
        onChange={(v) => {
          setPeriod(v);
          setConfirming(false);
        }}
      />
      {confirming ? (
        <>
          <p className="note" role="alert">
            {t('periods.confirm', { period: formatPeriod(period, language), regency })}
          </p>
          <SubmitCancel busy={busy} variant="danger" onCancel={() => setConfirming(false)}>
            {t('periods.confirmSubmit')}
          </SubmitCancel>
        </>
      ) : (
        <SubmitButton busy={busy} icon="check">
          {t('periods.submit')}
        </SubmitButton>
      )}
      <SuccessNote>{done}</SuccessNote>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}
