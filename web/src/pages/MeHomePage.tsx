import { MY_CARD_URL, myCoverage, myJht, myMembership } from '../api/me.ts';
import type { ParticipantStatus } from '../api/reports.ts';
import { Icon } from '../components/Icon.tsx';
import { LinkRow } from '../components/LinkRow.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatDate, formatRupiah } from '../format.ts';
import { codeLabel } from '../i18n/code-label.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ME_CLAIMS_PATH, ME_CONTRIBUTIONS_PATH } from './MeRoutes.tsx';
import { useLoad } from './useLoad.ts';

/** The participant's home: the card, programmes, coverage periods and JHT balance. */
export function MeHomePage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(
    `me:${language}`,
    async () => {
      const [membership, coverage, jht] = await Promise.all([myMembership(), myCoverage(), myJht()]);
      return { membership, coverage, jht };
    },
    onUnauthenticated,
  );
  return (
    <div className="stack me-page">
      <LoadView state={state} retry={reload}>
        {({ membership: m, coverage, jht }) => (
          <>
            <PageHead eyebrow={t('me.eyebrow')} title={m.fullName} />
            <section className="member-card" aria-label={t('me.card.title')}>
              <p className="member-card-brand">BPJS Ketenagakerjaan</p>
              <p className="member-card-label">{t('me.card.kpj')}</p>
              <p className="member-card-kpj mono">{m.kpjFormatted}</p>
              <p className="member-card-name">{m.fullName}</p>
              <p>
                <span className={`badge badge-participant-${m.status}`}>
                  {t(`participant.status.${m.status as ParticipantStatus}`)}
                </span>{' '}
                <span className="member-card-since">
                  {t('me.card.since', { date: formatDate(m.statusSince, language) })}
                </span>
              </p>
              <p className="member-card-funding">{language === 'en' ? m.fundingEn : m.funding}</p>
            </section>
            {m.status === 'active' ? (
              <a className="button button-secondary button-block" href={MY_CARD_URL} download>
                <Icon name="download" /> {t('me.card.download')}
              </a>
            ) : null}
            <section className="stack" aria-labelledby="me-programs">
              <h2 id="me-programs">{t('me.programs.title')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('me.segment')}</dt>
                  <dd>{codeLabel(t, 'segment', m.segment)}</dd>
                </div>
                {m.programs.map((p) => (
                  <div key={p.code}>
                    <dt>{p.code}</dt>
                    <dd>{codeLabel(t, 'program', p.code)}</dd>
                  </div>
                ))}
                <div>
                  <dt>{t('me.village')}</dt>
                  <dd>
                    {m.villageName}, {m.regencyName}
                  </dd>
                </div>
              </dl>
            </section>
            <section className="stack" aria-labelledby="me-coverage">
              <h2 id="me-coverage">{t('me.coverage.title')}</h2>
              {coverage.periods.length === 0 ? (
                <p className="muted">{t('me.coverage.none')}</p>
              ) : (
                <ul className="me-list">
                  {coverage.periods.map((p) => (
                    <li key={p.from} className="me-item">
                      <span className="strong">
                        {formatDate(p.from, language)} –{' '}
                        {p.to ? formatDate(p.to, language) : t('me.coverage.now')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="stack" aria-labelledby="me-jht">
              <h2 id="me-jht">{t('me.jht.title')}</h2>
              {!m.programs.some((p) => p.code === 'JHT') && !jht.balanceRp ? (
                <p className="muted">{t('me.jht.notEnrolled')}</p>
              ) : jht.available && jht.balanceRp !== null ? (
                <p className="me-balance">
                  {formatRupiah(jht.balanceRp, language)}
                  {jht.asOf ? (
                    <span className="muted">
                      {' '}
                      {t('me.jht.asOf', { date: formatDate(jht.asOf, language) })}
                    </span>
                  ) : null}
                  {jht.notYetCreditedRp ? (
                    <span className="muted stat-note">
                      {t('me.jht.notYetCredited', { amount: formatRupiah(jht.notYetCreditedRp, language) })}
                    </span>
                  ) : null}
                </p>
              ) : (
                <p className="muted">{t('me.jht.notAvailable')}</p>
              )}
            </section>
            <ul className="link-list">
              <li>
                <LinkRow to={ME_CONTRIBUTIONS_PATH}>
                  <span className="link-title">{t('me.contributions.title')}</span>
                  <span className="link-detail">{t('me.contributions.hint')}</span>
                </LinkRow>
              </li>
              <li>
                <LinkRow to={ME_CLAIMS_PATH}>
                  <span className="link-title">{t('me.claims.title')}</span>
                  <span className="link-detail">{t('me.claims.hint')}</span>
                </LinkRow>
              </li>
            </ul>
          </>
        )}
      </LoadView>
    </div>
  );
}
