import { useId } from 'react';
import type { ClaimExplanation } from '../api/claims.ts';
import { DataTable } from '../components/DataTable.tsx';
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
          <DataTable
            className="benefit-table"
            caption={t('claim.components')}
            rows={benefit.components}
            rowKey={(c) => c.name}
            footer={
              <tr>
                <th scope="row" colSpan={2} data-label={t('claim.total')}>
                  {t('claim.total')}
                </th>
                <td className="num strong" data-label={t('claim.total')}>
                  {formatRupiah(benefit.totalRp, language)}
                </td>
              </tr>
            }
            columns={(c) => [
              // Claims explained before components carried a label and an English basis show the code.
              c.text(
                'component',
                t('claim.component'),
                (c) => (c.label ? pick(c.label, language) : c.name.replaceAll('_', ' ')),
                { rowHeader: true },
              ),
              c.text('basis', t('claim.basis'), (c) =>
                language === 'en' && c.basisEn ? c.basisEn : c.basis,
              ),
              c.num('amount', t('claim.amount'), (c) => formatRupiah(c.amountRp, language)),
            ]}
          />
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
            <DataTable
              className="parameter-table"
              caption={t('claim.parameters')}
              rows={benefit.explanation.parameters}
              rowKey={(p) => `${p.id}@${p.effectiveFrom}`}
              columns={(c) => [
                c.text('parameter', t('claim.parameter'), (p) => p.id, {
                  className: 'mono',
                  rowHeader: true,
                }),
                c.text('value', t('claim.value'), (p) => (
                  <>
                    {parameterValue(p.value, language)} {p.unit}
                  </>
                )),
                c.text('effectiveFrom', t('claim.effectiveFrom'), (p) => safeDate(p.effectiveFrom, language)),
                c.text('reference', t('claim.reference'), (p) => p.reference),
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
