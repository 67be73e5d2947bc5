import type { ParticipantPage } from '../../api/participants.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Facts } from '../../components/Facts.tsx';
import { displayDate, formatDate, formatPeriod, formatRupiah } from '../../format.ts';
import { codeLabel } from '../../i18n/code-label.ts';
import { type Translate, useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { CLAIMS_PATH } from '../ClaimQueuePage.tsx';
import { ClaimStatusBadge, safeDate } from '../ClaimStatus.tsx';
import { participantPath } from './paths.ts';

// The parts of the participant page under its head: identity, memberships, coverage with the
// status history, contributions and claims. A part the role may not read arrives as null and is
// left out.

type Page = ParticipantPage;

/** A status the catalog knows, in words; anything else as sent. */
export function participantStatus(status: string, t: Translate): string {
  return ['proposed', 'verified', 'active', 'lapsed', 'ended'].includes(status)
    ? t(`participant.status.${status as 'active'}`)
    : status;
}

export function IdentitySection({ page }: { page: Page }) {
  const { t, language } = useI18n();
  const p = page.participant;
  return (
    <section className="card stack" aria-labelledby="participant-identity">
      <h2 id="participant-identity">{t('ppage.identity')}</h2>
      {page.personalDataInFull ? null : <p className="note">{t('ppage.masked')}</p>}
      <Facts
        items={[
          { label: 'NIK', value: p.nik, valueClass: 'mono' },
          { label: t('ppage.birthDate'), value: displayDate(p.birthDate, language) },
          { label: t('ppage.sex'), value: p.sex },
          { label: t('ppage.segment'), value: codeLabel(t, 'segment', p.segment) },
          { label: t('participants.programs'), value: p.programs.join(', ') },
          { label: t('ppage.funding'), value: codeLabel(t, 'funding', p.fundingSource) },
          { label: t('ppage.payer'), value: p.payerName },
          { label: t('ppage.place'), value: p.villageName },
          { label: t('ppage.regency'), value: p.regencyName },
          page.account ? { label: t('ppage.account'), value: t(`ppage.account.${page.account}`) } : null,
        ]}
      />
    </section>
  );
}

export function MembershipsSection({ page }: { page: Page }) {
  const { t, language } = useI18n();
  return (
    <section className="card stack" aria-labelledby="participant-memberships">
      <h2 id="participant-memberships">{t('ppage.memberships')}</h2>
      {page.memberships.length === 0 ? (
        <p className="muted">{t('ppage.noMemberships')}</p>
      ) : (
        <ul className="link-list">
          {page.memberships.map((m) => (
            <li key={m.kpj}>
              <Link to={participantPath(m.kpj)}>
                <span className="mono">{m.kpj}</span> · {m.segment} · {m.programs.join(', ')} ·{' '}
                {m.villageName} · {participantStatus(m.status, t)} ({safeDate(m.statusSince, language)})
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CoverageSection({ page }: { page: Page }) {
  const { t, language } = useI18n();
  const { periods, history } = page.coverage;
  return (
    <section className="card stack" aria-labelledby="participant-coverage">
      <h2 id="participant-coverage">{t('ppage.coverage')}</h2>
      {periods.length === 0 ? (
        <p className="muted">{t('ppage.noCoverage')}</p>
      ) : (
        <ul className="plain-list">
          {periods.map((r) => (
            <li key={r.from}>
              {r.to === null
                ? t('ppage.periodOpen', { from: formatDate(r.from, language) })
                : t('ppage.period', { from: formatDate(r.from, language), to: formatDate(r.to, language) })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('ppage.history')}</h3>
      <ol className="plain-list">
        {history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is fixed, in order
          <li key={i}>
            {formatDate(h.effectiveDate, language)} · {participantStatus(h.status, t)}
            <span className="muted"> · {h.reason}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ContributionsSection({
  contributions,
}: {
  contributions: NonNullable<Page['contributions']>;
}) {
  const { t, language } = useI18n();
  const money = (n: number) => formatRupiah(n, language);
  return (
    <section className="card stack" aria-labelledby="participant-contributions">
      <h2 id="participant-contributions">{t('ppage.contributions')}</h2>
      <Facts
        className="stats"
        items={[
          { label: t('me.contributions.billed'), value: money(contributions.totals.billedRp) },
          { label: t('me.contributions.paid'), value: money(contributions.totals.paidRp) },
          { label: t('me.contributions.unpaid'), value: money(contributions.totals.unpaidRp) },
        ]}
      />
      {contributions.lines.length === 0 ? (
        <p className="muted">{t('ppage.noContributions')}</p>
      ) : (
        <DataTable
          caption={t('ppage.contributions')}
          captionHidden
          rows={contributions.lines}
          rowKey={(l, i) => `${l.invoiceNumber}:${l.period}:${l.program}:${l.kind}:${i}`}
          columns={(c) => [
            c.text('period', t('ppage.month'), (l) => formatPeriod(l.period, language), { rowHeader: true }),
            c.text('program', t('ppage.program'), (l) => l.program),
            c.num('amount', t('ppage.amount'), (l) => money(l.amountRp)),
            c.text('invoice', t('ppage.invoice'), (l) => l.invoiceNumber, { className: 'mono' }),
            c.text('state', t('ppage.paid'), (l) => (
              <span className={`badge badge-invoice-${l.invoiceState}`}>
                {t(`invoice.status.${l.invoiceState}`)}
              </span>
            )),
          ]}
        />
      )}
      {contributions.truncated ? <p className="muted">{t('ppage.truncated')}</p> : null}
    </section>
  );
}

export function ClaimsSection({ claims }: { claims: NonNullable<Page['claims']> }) {
  const { t, language } = useI18n();
  return (
    <section className="card stack" aria-labelledby="participant-claims">
      <h2 id="participant-claims">{t('ppage.claims')}</h2>
      {claims.length === 0 ? (
        <p className="muted">{t('ppage.noClaims')}</p>
      ) : (
        <ul className="link-list">
          {claims.map((c) => (
            <li key={c.id}>
              <Link to={`${CLAIMS_PATH}/${c.id}`}>
                <span className="mono">{c.number}</span> · {c.program} · {t('ppage.claimEvent')}{' '}
                {safeDate(c.eventDate, language)} ·{' '}
                <ClaimStatusBadge status={c.status as Parameters<typeof ClaimStatusBadge>[0]['status']} />
                {c.amountRp !== null ? ` · ${formatRupiah(c.amountRp, language)}` : ''}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
