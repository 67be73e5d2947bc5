import { type FormEvent, useId, useState } from 'react';
import { listParticipants, PARTICIPANTS_PAGE_SIZE } from '../api/participants.ts';
import type { ParticipantStatus } from '../api/reports.ts';
import type { Participant, User } from '../api/types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatCount, formatDate } from '../format.ts';
import { type Translate, useI18n } from '../i18n/I18nProvider.tsx';
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

function ParticipantTable({ participants }: { participants: Participant[] }) {
  const { t, language } = useI18n();
  const known = useMembershipCatalog()?.statuses ?? [];
  return (
    <DataTable
      layout="cards"
      className="participant-table"
      caption={t('participants.title')}
      captionHidden
      rows={participants}
      rowKey={(p) => p.kpj}
      columns={[
        { key: 'kpj', header: t('participants.kpj'), cell: (p) => p.kpj, className: 'mono', rowHeader: true },
        { key: 'name', header: t('participants.name'), cell: (p) => p.fullName },
        { key: 'village', header: t('participants.village'), cell: (p) => p.villageName },
        { key: 'programs', header: t('participants.programs'), cell: (p) => p.programs.join(', ') },
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
      ]}
    />
  );
}

export function ParticipantsPage({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
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

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(draft.trim());
    setCursors([]);
  }

  const format = (n: number) => formatCount(n, language);
  return (
    <div
      className="stack participants-page"
      aria-busy={state.status === 'loaded' && state.data.offset !== offset}
    >
      <h1>{t('participants.title')}</h1>
      <search>
        <form className="search-form" onSubmit={search}>
          <label htmlFor={`${id}-q`} className="visually-hidden">
            {t('participants.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder={t('participants.search')}
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('participants.searchButton')}
          </button>
        </form>
      </search>
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : state.status === 'failed' ? (
        <div className="stack">
          <ErrorMessage error={state.error} />
          <button type="button" className="button button-secondary" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      ) : state.data.participants.length === 0 ? (
        <p className="muted">
          {state.data.query ? t('participants.noMatch', { q: state.data.query }) : t('participants.empty')}
        </p>
      ) : (
        <>
          <p className="result-range" role="status">
            {t('participants.range', {
              from: format(state.data.offset + 1),
              to: format(state.data.offset + state.data.participants.length),
            })}
          </p>
          <ParticipantTable participants={state.data.participants} />
          {cursors.length > 0 || state.data.nextCursor ? (
            <nav className="button-row pager" aria-label={t('participants.paging')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={cursors.length === 0}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                ‹ {t('participants.previous')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!state.data.nextCursor}
                onClick={() => {
                  const next = state.data.nextCursor;
                  if (next) setCursors([...cursors, next]);
                }}
              >
                {t('participants.next')} ›
              </button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
