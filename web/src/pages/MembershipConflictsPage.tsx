import { useState } from 'react';
import { listMembershipConflicts } from '../api/participants.ts';
import { DataTable } from '../components/DataTable.tsx';
import { KeysetPager } from '../components/KeysetPager.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import type { PageProps } from './pageProps.ts';
import { participantPath } from './participant/paths.ts';
import { useLoad } from './useLoad.ts';

export const MEMBERSHIP_CONFLICTS_PATH = '/kepesertaan-ganda';

type Person = Awaited<ReturnType<typeof listMembershipConflicts>>['persons'][number];

/**
 * The branch's review queue: persons who hold two active memberships of one programme from before
 * the one-membership rule; the branch ends the one that gives way (PU over BPU over village-funded).
 */
export function MembershipConflictsPage({ onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const { state, reload } = useLoad(
    JSON.stringify([cursor, language]),
    () => listMembershipConflicts(cursor),
    onUnauthenticated,
  );
  return (
    <div className="stack">
      <h1>{t('conflicts.title')}</h1>
      <p className="muted">{t('conflicts.intro')}</p>
      <LoadView state={state} retry={reload}>
        {(data) =>
          data.persons.length === 0 ? (
            <p className="muted">{t('conflicts.empty')}</p>
          ) : (
            <>
              <DataTable
                caption={t('conflicts.title')}
                captionHidden
                rows={data.persons}
                rowKey={(p: Person) => p.memberships.map((m) => m.kpj).join('-')}
                columns={(c) => [
                  c.text('nik', t('conflicts.nik'), (p) => p.nik, { className: 'mono', rowHeader: true }),
                  c.text('name', t('participants.name'), (p) => p.fullName),
                  {
                    key: 'memberships',
                    header: t('conflicts.memberships'),
                    cell: (p) => (
                      <ul className="plain-list">
                        {p.memberships.map((m) => (
                          <li key={m.kpj}>
                            <Link to={participantPath(m.kpj)} className="mono">
                              {m.kpj}
                            </Link>{' '}
                            {m.segment}/{m.fundingSource} · {m.programs.join(', ')} · {m.regionCode} ·{' '}
                            {t('participants.since', {
                              date: formatDate(m.statusSince.slice(0, 10), language),
                            })}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              <KeysetPager cursors={cursors} nextCursor={data.nextCursor} onChange={setCursors} />
            </>
          )
        }
      </LoadView>
    </div>
  );
}
