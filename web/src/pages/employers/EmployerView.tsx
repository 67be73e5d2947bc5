import { useState } from 'react';
import { type Employer, type Employment, getEmployer } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { formatCount, formatDate, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { EMPLOYERS_PATH } from './paths.ts';
import { WageReportCard } from './WageReportCard.tsx';

export function EmployerView({
  employer,
  user,
  onChanged,
}: {
  employer: Employer;
  user: User;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [registered, setRegistered] = useState<Employment[]>([]);
  const canManage = user.permissions.includes('employees.manage');
  return (
    <div className="stack">
      <Link to={EMPLOYERS_PATH} className="back-link">
        ‹ {t('action.back')}
      </Link>
      <div className="stack page-head">
        <p className="eyebrow">
          <span className="level">{t('employers.one')}</span>
          <span className="code">{t('employer.nppValue', { npp: employer.npp })}</span>
        </p>
        <h1>{employer.name}</h1>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('employer.businessType')}</dt>
          <dd>
            {employer.businessTypeName} · {t('employer.riskGroup', { group: employer.riskGroup })}
            {employer.riskGroupReason ? <span className="muted"> ({employer.riskGroupReason})</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('employer.scale')}</dt>
          <dd>{t(`employer.scale.${employer.scale}`)}</dd>
        </div>
        <div>
          <dt>{t('employer.region')}</dt>
          <dd>
            {employer.regionName} <span className="muted mono">{employer.regionCode}</span>
          </dd>
        </div>
        <div>
          <dt>{t('employer.governmentShort')}</dt>
          <dd>{employer.isGovernment ? t('answer.yes') : t('answer.no')}</dd>
        </div>
        <div>
          <dt>{t('employer.activeEmployees')}</dt>
          <dd>{formatCount(employer.activeEmployees, language)}</dd>
        </div>
      </dl>
      <p className="note">{t('employer.noEmployeeList')}</p>
      {registered.length > 0 ? (
        <DataTable
          className="employment-table"
          caption={t('employee.justRegistered', { count: formatCount(registered.length, language) })}
          rows={registered}
          rowKey={(e) => e.id}
          columns={(c) => [
            c.text('kpj', t('participants.kpj'), (e) => e.kpj, { className: 'mono', rowHeader: true }),
            c.text('name', t('participants.name'), (e) => e.fullName),
            c.text('startDate', t('employee.startDate'), (e) =>
              formatDate(e.startDate.slice(0, 10), language),
            ),
            c.num('wage', t('employee.wage'), (e) => formatRupiah(e.wageRp, language)),
            c.text('programs', t('participants.programs'), (e) => e.programs.join(', ')),
          ]}
        />
      ) : null}
      {canManage ? (
        <>
          <EmployeeForm
            employer={employer}
            onRegistered={(employment) => {
              setRegistered((list) => [employment, ...list]);
              onChanged();
            }}
          />
          <WageReportCard employer={employer} onImported={onChanged} />
        </>
      ) : null}
    </div>
  );
}

export function EmployerDetail({ npp, user, onUnauthenticated }: PageProps & { npp: string }) {
  const { language } = useI18n();
  const { state, reload } = useLoad(`${npp}:${language}`, () => getEmployer(npp), onUnauthenticated);
  return (
    <LoadView state={state} retry={reload}>
      {(employer) => <EmployerView employer={employer} user={user} onChanged={reload} />}
    </LoadView>
  );
}
