import { useState } from 'react';
import { listParticipants, PARTICIPANTS_PAGE_SIZE } from '../api/participants.ts';
import type { ParticipantStatus } from '../api/reports.ts';
import type { Participant } from '../api/types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FullViewNotice } from '../components/FullViewNotice.tsx';
import { KeysetPager } from '../components/KeysetPager.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { SearchBar } from '../components/SearchBar.tsx';
import { formatCount, formatDate } from '../format.ts';
import { type Translate, useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { CorrectionForm } from './corrections/CorrectionForm.tsx';
import type { PageProps } from './pageProps.ts';
import { participantPath } from './participant/paths.ts';
import { loadMembershipCatalog, useMembershipCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';

function statusLabel(status: string, known: readonly string[], t: Translate): string {
  return known.includes(status) ? t(`participant.status.${status as ParticipantStatus}`) : status;
}

function safeDate(date: string, language: 'id' | 'en'): string {
  try {
    return formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

function ParticipantTable({
  participants,
  onCorrect,
}: {
  participants: Participant[];
  /** Roles that propose corrections get a button per row that opens the form. */
  onCorrect: ((p: Participant) => void) | null;
}) {
  const { t, language } = useI18n();
  const known = useMembershipCatalog()?.statuses ?? [];
  return (
    <DataTable
      className="participant-table"
      caption={t('participants.title')}
      captionHidden
      rows={participants}
      rowKey={(p) => p.kpj}
      columns={(c) => [
        c.text('kpj', t('participants.kpj'), (p) => <Link to={participantPath(p.kpj)}>{p.kpj}</Link>, {
          className: 'mono',
          rowHeader: true,
        }),
        c.text('nik', t('field.nik'), (p) => p.nik, { className: 'mono' }),
        c.text('name', t('participants.name'), (p) => p.fullName),
        c.text('village', t('participants.village'), (p) => p.villageName),
        c.text('programs', t('participants.programs'), (p) => p.programs.join(', ')),
        {
          key: 'status',
          header: t('participants.status'),
          cell: (p) => (
            <span className="status-cell">
              <span className={`badge badge-participant-${p.status}`}>{statusLabel(p.status, known, t)}</span>
              {p.statusSince ? (
                <span className="muted status-since">
                  {t('participants.since', { date: safeDate(p.statusSince, language) })}
                </span>
              ) : null}
            </span>
          ),
        },
        ...(onCorrect
          ? [
              {
                key: 'correct',
                header: t('corrections.open'),
                cell: (p: Participant) => (
                  <button type="button" className="button button-secondary" onClick={() => onCorrect(p)}>
                    {t('corrections.open')}
                  </button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function ParticipantsPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [correcting, setCorrecting] = useState<Participant | null>(null);
  const canCorrect = user.permissions.includes('persons.correct');
  // The cursors of the pages after the first that were opened (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const offset = cursors.length * PARTICIPANTS_PAGE_SIZE;
  const region = user.homeRegion;
  const { state, reload } = useLoad(
    JSON.stringify([region, query, cursor, language]),
    async () => {
      const [page] = await Promise.all([
        listParticipants({ region, q: query, cursor }),
        loadMembershipCatalog(),
      ]);
      return { ...page, offset, query };
    },
    onUnauthenticated,
  );

  function search(q: string) {
    setQuery(q);
    setCursors([]);
  }

  const format = (n: number) => formatCount(n, language);
  return (
    <div
      className="stack participants-page"
      aria-busy={state.status === 'loaded' && state.data.offset !== offset}
    >
      <h1>{t('participants.title')}</h1>
      <SearchBar label={t('participants.search')} spellCheck={false} onSearch={search} />
      {correcting ? (
        <CorrectionForm key={correcting.id} participant={correcting} onClose={() => setCorrecting(null)} />
      ) : null}
      <LoadView state={state} retry={reload}>
        {(data) =>
          data.participants.length === 0 ? (
            <p className="muted">
              {data.query ? t('participants.noMatch', { q: data.query }) : t('participants.empty')}
            </p>
          ) : (
            <>
              <p className="result-range" role="status">
                {t('participants.range', {
                  from: format(data.offset + 1),
                  to: format(data.offset + data.participants.length),
                })}
              </p>
              <FullViewNotice shown={data.personalDataInFull} />
              <ParticipantTable
                participants={data.participants}
                onCorrect={canCorrect ? setCorrecting : null}
              />
              <KeysetPager cursors={cursors} nextCursor={data.nextCursor} onChange={setCursors} />
            </>
          )
        }
      </LoadView>
    </div>
  );
}
