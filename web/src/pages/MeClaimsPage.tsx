import type { ClaimStatus } from '../api/claims.ts';
import { type MyClaim, myClaim, myClaims } from '../api/me.ts';
import { Facts } from '../components/Facts.tsx';
import { LinkRow } from '../components/LinkRow.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatDate, formatDateTime, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { pick } from './ClaimStatus.tsx';
import { MeHead } from './MeHead.tsx';
import { ME_CLAIMS_PATH } from './MeRoutes.tsx';
import { useLoad } from './useLoad.ts';

function ClaimStatusBadge({ claim }: { claim: Pick<MyClaim, 'status'> }) {
  const { t } = useI18n();
  return (
    <span className={`badge me-claim-${claim.status}`}>
      {t(`me.claim.status.${claim.status as ClaimStatus}`)}
    </span>
  );
}

/** The participant's claims, or one of them with its steps. */
export function MeClaimsPage({
  claimId,
  onUnauthenticated,
}: {
  claimId: string | null;
  onUnauthenticated: () => void;
}) {
  return claimId ? (
    <ClaimDetail id={claimId} onUnauthenticated={onUnauthenticated} />
  ) : (
    <ClaimList onUnauthenticated={onUnauthenticated} />
  );
}

function ClaimList({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`me-claims:${language}`, myClaims, onUnauthenticated);
  return (
    <div className="stack me-page">
      <MeHead title={t('me.claims.title')} />
      <LoadView state={state} retry={reload}>
        {({ claims }) =>
          claims.length === 0 ? (
            <p className="muted">{t('me.claims.none')}</p>
          ) : (
            <ul className="link-list">
              {claims.map((c) => (
                <li key={c.id}>
                  <LinkRow to={`${ME_CLAIMS_PATH}/${c.id}`}>
                    <span className="link-title mono">{c.number}</span>
                    <span className="link-detail">
                      {c.program} ·{' '}
                      {t('me.claims.filedOn', { date: formatDate(c.filedAt.slice(0, 10), language) })}
                      {c.amountRp !== null ? ` · ${formatRupiah(c.amountRp, language)}` : ''}
                    </span>
                    <span>
                      <ClaimStatusBadge claim={c} />
                    </span>
                  </LinkRow>
                </li>
              ))}
            </ul>
          )
        }
      </LoadView>
    </div>
  );
}

function ClaimDetail({ id, onUnauthenticated }: { id: string; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`me-claim:${id}:${language}`, () => myClaim(id), onUnauthenticated);
  return (
    <div className="stack me-page">
      <Link to={ME_CLAIMS_PATH} className="back-link">
        ‹ {t('me.back')}
      </Link>
      <LoadView state={state} retry={reload}>
        {(c) => (
          <>
            <PageHead eyebrow={t('me.claims.one')} title={c.number} titleClass="mono-heading">
              <p>
                <ClaimStatusBadge claim={c} />
              </p>
            </PageHead>
            <Facts
              items={[
                {
                  label: t('me.claims.program'),
                  value: (
                    <>
                      {c.program} · {c.kind}
                    </>
                  ),
                },
                { label: t('me.claims.eventDate'), value: formatDate(c.eventDate, language) },
                {
                  label: t('me.claims.amount'),
                  value: c.amountRp !== null ? formatRupiah(c.amountRp, language) : t('me.claims.notDecided'),
                },
                {
                  label: t('me.claims.account'),
                  value: (
                    <>
                      {c.bankName} <span className="mono">{c.bankAccountMasked}</span>
                    </>
                  ),
                },
                c.refusal ? { label: t('me.claims.refusal'), value: pick(c.refusal, language) } : null,
              ]}
            />
            <h2>{t('me.claims.steps')}</h2>
            <ol className="me-list">
              {c.events.map((e) => (
                <li key={`${e.at}:${e.action}`} className="me-item">
                  <div className="me-row">
                    <ClaimStatusBadge claim={{ status: e.toStatus }} />
                    <span className="muted">{formatDateTime(e.at, language)}</span>
                  </div>
                  {e.reason ? <div>{pick(e.reason, language)}</div> : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadView>
    </div>
  );
}
