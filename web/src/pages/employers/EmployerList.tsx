import { useId, useState } from 'react';
import { EMPLOYERS_PAGE_SIZE, type Employer, listEmployers } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Icon } from '../../components/Icon.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useLoad } from '../useLoad.ts';
import { RegisterEmployerForm } from './EmployerForm.tsx';
import { employerPath } from './paths.ts';

export function EmployerTable({ employers }: { employers: Employer[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      layout="cards"
      className="employer-table"
      caption={t('employers.title')}
      captionHidden
      rows={employers}
      rowKey={(e) => e.npp}
      columns={[
        {
          key: 'npp',
          header: t('employer.npp'),
          cell: (e) => <Link to={employerPath(e.npp)}>{e.npp}</Link>,
          className: 'mono',
          rowHeader: true,
        },
        { key: 'name', header: t('employer.name'), cell: (e) => e.name },
        {
          key: 'businessType',
          header: t('employer.businessType'),
          cell: (e) => (
            <>
              {e.businessTypeName} · {t('employer.riskGroup', { group: e.riskGroup })}
            </>
          ),
        },
        { key: 'scale', header: t('employer.scale'), cell: (e) => t(`employer.scale.${e.scale}`) },
        { key: 'region', header: t('employer.region'), cell: (e) => e.regionName },
        {
          key: 'activeEmployees',
          header: t('employer.activeEmployees'),
          cell: (e) => formatCount(e.activeEmployees, language),
          align: 'num',
        },
      ]}
    />
  );
}

export function EmployerList({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [registering, setRegistering] = useState(false);
  const { state, reload } = useLoad(
    JSON.stringify([query, offset]),
    () => listEmployers(query, offset),
    onUnauthenticated,
  );
  const canManage = user.permissions.includes('employers.manage');
  return (
    <div className="stack employers-page">
      <div className="stack page-head">
        <h1>{t('employers.title')}</h1>
        <p className="muted">{t('employers.intro')}</p>
      </div>
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
      <search>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(draft.trim());
            setOffset(0);
          }}
        >
          <label htmlFor={`${id}-q`} className="visually-hidden">
            {t('employers.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder={t('employers.search')}
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('participants.searchButton')}
          </button>
        </form>
      </search>
      <LoadView state={state} retry={reload}>
        {(page) =>
          page.employers.length === 0 ? (
            <p className="muted">{query ? t('participants.noMatch', { q: query }) : t('employers.empty')}</p>
          ) : (
            <>
              <EmployerTable employers={page.employers} />
              <Pager
                offset={offset}
                shown={page.employers.length}
                total={page.total}
                pageSize={EMPLOYERS_PAGE_SIZE}
                onOffset={setOffset}
              />
            </>
          )
        }
      </LoadView>
    </div>
  );
}
