import { useState } from 'react';
import { type Employer, type Employment, getEmployer } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { LoadView } from '../../components/LoadView.tsx';
import { formatCount, formatDate, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
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
        <table className="table-cards employment-table">
          <caption>
            {t('employee.justRegistered', { count: formatCount(registered.length, language) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.kpj')}</th>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('employee.startDate')}</th>
              <th scope="col" className="num">
                {t('employee.wage')}
              </th>
              <th scope="col">{t('participants.programs')}</th>
            </tr>
          </thead>
          <tbody>
            {registered.map((e) => (
              <tr key={e.id}>
                <th scope="row" data-label={t('participants.kpj')} className="mono">
                  {e.kpj}
                </th>
                <td data-label={t('participants.name')}>{e.fullName}</td>
                <td data-label={t('employee.startDate')}>{formatDate(e.startDate.slice(0, 10), language)}</td>
                <td data-label={t('employee.wage')} className="num">
                  {formatRupiah(e.wageRp, language)}
                </td>
                <td data-label={t('participants.programs')}>{e.programs.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
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

export function EmployerDetail({
  npp,
  user,
  onUnauthenticated,
}: {
  npp: string;
  user: User;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(`${npp}:${language}`, () => getEmployer(npp), onUnauthenticated);
  return (
    <LoadView state={state} retry={reload}>
      {(employer) => <EmployerView employer={employer} user={user} onChanged={reload} />}
    </LoadView>
  );
}
