import { myContributions } from '../api/me.ts';
import { Stats } from '../components/Facts.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatDate, formatPeriod, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MeHead } from './MeHead.tsx';
import { useLoad } from './useLoad.ts';

/** The participant's contributions, newest month first, each with whether its invoice is paid. */
export function MeContributionsPage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`me-contributions:${language}`, myContributions, onUnauthenticated);
  return (
    <div className="stack me-page">
      <MeHead title={t('me.contributions.title')} />
      <LoadView state={state} retry={reload}>
        {(data) => (
          <>
            <Stats
              items={[
                { label: t('me.contributions.billed'), value: formatRupiah(data.totals.billedRp, language) },
                { label: t('me.contributions.paid'), value: formatRupiah(data.totals.paidRp, language) },
                { label: t('me.contributions.unpaid'), value: formatRupiah(data.totals.unpaidRp, language) },
              ]}
            />
            <p className="note">{t('me.contributions.note')}</p>
            {data.lines.length === 0 ? (
              <p className="muted">{t('me.contributions.none')}</p>
            ) : (
              <ul className="me-list">
                {data.lines.map((l) => (
                  <li
                    key={`${l.invoiceNumber}:${l.period}:${l.program}:${l.kind}:${l.amountRp}`}
                    className="me-item"
                  >
                    <div className="me-row">
                      <span className="strong">
                        {formatPeriod(l.period, language)} · {l.program}
                      </span>
                      <span className="num strong">{formatRupiah(l.amountRp, language)}</span>
                    </div>
                    <div className="me-row">
                      <span className="muted">
                        {l.payerName} · <span className="mono">{l.invoiceNumber}</span>
                      </span>
                      <span className={`badge badge-invoice-${l.invoiceState}`}>
                        {t(`invoice.status.${l.invoiceState}`)}
                      </span>
                    </div>
                    <div className="muted">
                      {l.paidOn
                        ? t('me.contributions.paidOn', { date: formatDate(l.paidOn, language) })
                        : t('me.contributions.due', { date: formatDate(l.dueDate, language) })}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {data.truncated ? <p className="muted">{t('me.contributions.truncated')}</p> : null}
          </>
        )}
      </LoadView>
    </div>
  );
}
