import { useState } from 'react';
import { EMPLOYERS_PAGE_SIZE, type Employer, listEmployers } from '../../api/employers.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Icon } from '../../components/Icon.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SearchBar } from '../../components/SearchBar.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { RegisterEmployerForm } from './EmployerForm.tsx';
import { employerPath } from './paths.ts';

export function EmployerTable({ employers }: { employers: Employer[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="employer-table"
      caption={t('employers.title')}
      captionHidden
      rows={employers}
      rowKey={(e) => e.npp}
      columns={(c) => [
        c.text('npp', t('employer.npp'), (e) => <Link to={employerPath(e.npp)}>{e.npp}</Link>, {
          className: 'mono',
          rowHeader: true,
        }),
        c.text('name', t('employer.name'), (e) => e.name),
        c.text(
          'businessType',
          t('employer.businessType'),
          (e) => `${e.businessTypeName} · ${t('employer.riskGroup', { group: e.riskGroup })}`,
        ),
        c.text('scale', t('employer.scale'), (e) => t(`employer.scale.${e.scale}`)),
        c.text('region', t('employer.region'), (e) => e.regionName),
        c.num('activeEmployees', t('employer.activeEmployees'), (e) =>
          formatCount(e.activeEmployees, language),
        ),
      ]}
    />
  );
}

export function EmployerList({ user, onUnauthenticated }: PageProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  // The cursors of the pages opened after the first (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [registering, setRegistering] = useState(false);
  const { state, reload } = useLoad(
    JSON.stringify([query, cursor]),
    () => listEmployers(query, cursor),
    onUnauthenticated,
  );
  const canManage = user.permissions.includes('employers.manage');
  return (
    <div className="stack employers-page">
      <PageHead title={t('employers.title')} intro={t('employers.intro')} />
      {canManage ? (
        registering ? (
          <RegisterEmployerForm user={user} onCancel={() => setRegistering(false)} />
        ) : (
          <button type="button" className="button button-primary" onClick={() => setRegistering(true)}>
            <Icon name="building" />
            {t('employer.register.open')}
          </button>
        )
      ) : null}
      <SearchBar
        label={t('employers.search')}
        onSearch={(q) => {
          setQuery(q);
          setCursors([]);
        }}
      />
      <LoadView state={state} retry={reload}>
        {(page) =>
          page.employers.length === 0 ? (
            <p className="muted">{query ? t('participants.noMatch', { q: query }) : t('employers.empty')}</p>
          ) : (
            <>
              <EmployerTable employers={page.employers} />
              <Pager
                cursors={cursors}
                nextCursor={page.nextCursor}
                shown={page.employers.length}
                total={page.total}
                pageSize={EMPLOYERS_PAGE_SIZE}
                onChange={setCursors}
              />
            </>
          )
        }
      </LoadView>
    </div>
  );
}
