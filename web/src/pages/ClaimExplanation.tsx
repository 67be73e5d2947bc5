import { useId } from 'react';
import type { ClaimExplanation } from '../api/claims.ts';
import { formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { pick, safeDate } from './ClaimStatus.tsx';

// The explanation the rules stored with the claim, as the checker reads it before deciding:
// the summary, each benefit component with its legal basis, the rules applied and the
// parameter values used (with their reference), and any notes (late JKK report, refusal).

function parameterValue(value: unknown, language: 'id' | 'en'): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) >= 1000) {
    return formatRupiah(value, language).replace(/^Rp /, '');
  }
  if (value === null || value === undefined) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function ClaimExplanationView({ explanation }: { explanation: ClaimExplanation | null }) {
  const { t, language } = useI18n();
  const id = useId();
  if (!explanation) return null;
  const benefit = explanation.benefit;
  return (
    <section className="card stack claim-explanation" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('claim.explanation')}</h2>
      {explanation.summary ? (
        <p className="explanation-summary">{pick(explanation.summary, language)}</p>
      ) : null}
      {explanation.refusal ? <p className="alert">{pick(explanation.refusal, language)}</p> : null}
      {explanation.liability === 'employer' ? <p className="note">{t('claim.employerLiable')}</p> : null}
      {explanation.notes?.length ? (
        <ul className="explanation-notes">
          {explanation.notes.map((n) => (
            <li key={n.code}>{pick(n, language)}</li>
          ))}
        </ul>
      ) : null}
      {benefit ? (
        <>
          <table className="table-cards benefit-table">
            <caption>{t('claim.components')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claim.component')}</th>
                <th scope="col">{t('claim.basis')}</th>
                <th scope="col" className="num">
                  {t('claim.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {benefit.components.map((c) => (
                <tr key={c.name}>
                  <th scope="row" data-label={t('claim.component')}>
                    {c.name.replaceAll('_', ' ')}
                  </th>
                  <td data-label={t('claim.basis')}>{c.basis}</td>
                  <td data-label={t('claim.amount')} className="num">
                    {formatRupiah(c.amountRp, language)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2} data-label={t('claim.total')}>
                  {t('claim.total')}
                </th>
                <td className="num strong" data-label={t('claim.total')}>
                  {formatRupiah(benefit.totalRp, language)}
                </td>
              </tr>
            </tfoot>
          </table>
          {benefit.explanation.rules.length ? (
            <div className="stack">
              <h3>{t('claim.rules')}</h3>
              <ol className="explanation-rules">
                {benefit.explanation.rules.map((r) => (
                  <li key={`${r.rule}:${r.text.id}`}>
                    {pick(r.text, language)} <span className="muted">— {r.basis}</span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {benefit.explanation.parameters.length ? (
            <table className="table-cards parameter-table">
              <caption>{t('claim.parameters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('claim.parameter')}</th>
                  <th scope="col">{t('claim.value')}</th>
                  <th scope="col">{t('claim.effectiveFrom')}</th>
                  <th scope="col">{t('claim.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {benefit.explanation.parameters.map((p) => (
                  <tr key={`${p.id}@${p.effectiveFrom}`}>
                    <th scope="row" data-label={t('claim.parameter')} className="mono">
                      {p.id}
                    </th>
                    <td data-label={t('claim.value')}>
                      {parameterValue(p.value, language)} {p.unit}
                    </td>
                    <td data-label={t('claim.effectiveFrom')}>{safeDate(p.effectiveFrom, language)}</td>
                    <td data-label={t('claim.reference')}>{p.reference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
