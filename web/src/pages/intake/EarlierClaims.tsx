import type { IntakeParticipant } from '../../api/claims.ts';
import { DataTable } from '../../components/DataTable.tsx';
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
      {/* A card per claim on a phone: five columns squeezed into 360 px broke words letter by letter. */}
      <DataTable
        rows={claims}
        rowKey={(c) => c.id}
        columns={(c) => [
          c.text(
            'number',
            t('intake.claimNumber'),
            (c) => <Link to={claimPath('maker', c.id)}>{c.number}</Link>,
            { rowHeader: true, className: 'mono' },
          ),
          c.text('kind', t('intake.kind'), (c) => (
            <>
              {c.program} · {pick(c.kindLabel, language)}
            </>
          )),
          c.text('eventDate', t('intake.eventDate'), (c) => safeDate(c.eventDate, language)),
          c.text('status', t('intake.claimStatus'), (c) => <ClaimStatusBadge status={c.status} />),
          c.text('refusal', t('intake.refusalReason'), (c) => (
            <>
              {c.refusal ? pick(c.refusal, language) : ''}
              {c.automatic ? ` (${t('intake.automaticRefusal')})` : ''}
            </>
          )),
        ]}
      />
    </section>
  );
}
