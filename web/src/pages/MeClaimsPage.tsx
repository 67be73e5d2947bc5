import type { ClaimStatus } from '../api/claims.ts';
import { type MyClaim, myClaim, myClaims } from '../api/me.ts';
import { LinkRow } from '../components/LinkRow.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatDate, formatDateTime, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { ME_CLAIMS_PATH, ME_PATH } from './MeRoutes.tsx';
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
      <Link to={ME_PATH} className="back-link">
        ‹ {t('me.back')}
      </Link>
      <div className="stack page-head">
        <p className="eyebrow">{t('me.eyebrow')}</p>
        <h1>{t('me.claims.title')}</h1>
      </div>
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
            <div className="stack page-head">
              <p className="eyebrow">{t('me.claims.one')}</p>
              <h1 className="mono-heading">{c.number}</h1>
              <p>
                <ClaimStatusBadge claim={c} />
              </p>
            </div>
            <dl className="facts">
              <div>
                <dt>{t('me.claims.program')}</dt>
                <dd>
                  {c.program} · {c.kind}
                </dd>
              </div>
              <div>
                <dt>{t('me.claims.eventDate')}</dt>
                <dd>{formatDate(c.eventDate, language)}</dd>
              </div>
              <div>
                <dt>{t('me.claims.amount')}</dt>
                <dd>
                  {c.amountRp !== null ? formatRupiah(c.amountRp, language) : t('me.claims.notDecided')}
                </dd>
              </div>
              <div>
                <dt>{t('me.claims.account')}</dt>
                <dd className="mono">
                  {c.bankCode} {c.bankAccountMasked}
                </dd>
              </div>
              {c.refusalCode ? (
                <div>
                  <dt>{t('me.claims.refusal')}</dt>
                  <dd className="mono">{c.refusalCode}</dd>
                </div>
              ) : null}
            </dl>
            <h2>{t('me.claims.steps')}</h2>
            <ol className="me-list">
              {c.events.map((e) => (
                <li key={`${e.at}:${e.action}`} className="me-item">
                  <div className="me-row">
                    <ClaimStatusBadge claim={{ status: e.toStatus }} />
                    <span className="muted">{formatDateTime(e.at, language)}</span>
                  </div>
                  {e.reasonCode ? <div className="mono">{e.reasonCode}</div> : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadView>
    </div>
  );
}
