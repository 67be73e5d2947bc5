import type { IntakeParticipant } from '../../api/claims.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { claimPath } from '../ClaimQueuePage.tsx';
import { ClaimStatusBadge, pick, safeDate } from '../ClaimStatus.tsx';

/**
 * The person's earlier claims before a new one is filed (issue 15, 7): refusals that still stand
 * first in the officer's mind, so a claim the rules refused is not filed again for nothing.
 */
export function EarlierClaims({ participant }: { participant: IntakeParticipant }) {
  const { t, language } = useI18n();
  const claims = participant.earlierClaims;
  if (claims.length === 0) return <p className="muted">{t('intake.noEarlierClaims')}</p>;
  return (
    <section className="stack" aria-labelledby="intake-earlier">
      <h3 id="intake-earlier">{t('intake.earlierClaims')}</h3>
      {participant.openRefusals > 0 ? (
        <p className="alert" role="status">
          {t('intake.openRefusals', { count: String(participant.openRefusals) })}
        </p>
      ) : null}
      <ScrollRegion labelledBy="intake-earlier">
        <table>
          <thead>
            <tr>
              <th>{t('intake.claimNumber')}</th>
              <th>{t('intake.kind')}</th>
              <th>{t('intake.eventDate')}</th>
              <th>{t('intake.claimStatus')}</th>
              <th>{t('intake.refusalReason')}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <td className="mono">
                  <Link to={claimPath('maker', c.id)}>{c.number}</Link>
                </td>
                <td>
                  {c.program} · {pick(c.kindLabel, language)}
                </td>
                <td>{safeDate(c.eventDate, language)}</td>
                <td>
                  <ClaimStatusBadge status={c.status} />
                </td>
                <td>
                  {c.refusal ? pick(c.refusal, language) : ''}
                  {c.automatic ? ` (${t('intake.automaticRefusal')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
