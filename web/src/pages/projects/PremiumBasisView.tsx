import type { Project } from '../../api/employers.ts';
import { formatDate, formatPeriod, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Language } from '../../i18n/language.ts';

export function safeDate(date: string, language: Language): string {
  try {
    return formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

/** The premium and how the server reached it: contract value, period and the rules' lines. */
export function PremiumBasisView({ project }: { project: Project }) {
  const { t, language } = useI18n();
  const basis = project.premiumBasis;
  return (
    <section className="card stack premium" aria-label={t('project.premium')}>
      <p className="premium-total">
        <span>{t('project.premium')}</span>
        <strong>{formatRupiah(project.premiumRp, language)}</strong>
      </p>
      <p className="muted">
        {t('project.basisIntro', {
          value: formatRupiah(basis.contractValueRp, language),
          period: formatPeriod(basis.period, language),
        })}
      </p>
      {basis.lines.length > 0 ? (
        <ul className="basis-lines">
          {basis.lines.map((line) => (
            <li className="basis-line" key={`${line.program}-${line.payer}-${line.basis}`}>
              <span className="basis-head">
                <strong>{line.program}</strong>
                <span>{formatRupiah(line.amountRp, language)}</span>
              </span>
              <span className="muted basis-text">{line.basis}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
