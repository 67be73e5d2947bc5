import { useState } from 'react';
import {
  type Employer,
  type Employment,
  getEmployer,
  listWorkUnits,
  type WorkUnit,
} from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Facts } from '../../components/Facts.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { formatCount, formatDate, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { EMPLOYERS_PATH } from './paths.ts';
import { WageReportCard } from './WageReportCard.tsx';
import { WorkUnitsCard } from './WorkUnitsCard.tsx';

export function EmployerView({
  employer,
  user,
  units,
  onChanged,
}: {
  employer: Employer;
  user: User;
  /** The work units (OPD) of a government employer; empty for the others. */
  units: WorkUnit[];
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [registered, setRegistered] = useState<Employment[]>([]);
  const canManage = user.permissions.includes('employees.manage');
  return (
    <div className="stack">
      <PageHead
        back={EMPLOYERS_PATH}
        level={t('employers.one')}
        code={t('employer.nppValue', { npp: employer.npp })}
        title={employer.name}
      />
      <Facts
        items={[
          {
            label: t('employer.businessType'),
            value: (
              <>
                {employer.businessTypeName} · {t('employer.riskGroup', { group: employer.riskGroup })}
                {employer.riskGroupReason ? (
                  <span className="muted"> ({employer.riskGroupReason})</span>
                ) : null}
              </>
            ),
          },
          { label: t('employer.scale'), value: t(`employer.scale.${employer.scale}`) },
          {
            label: t('employer.region'),
            value: (
              <>
                {employer.regionName} <span className="muted mono">{employer.regionCode}</span>
              </>
            ),
          },
          {
            label: t('employer.governmentShort'),
            value: employer.isGovernment ? t('answer.yes') : t('answer.no'),
          },
          { label: t('employer.activeEmployees'), value: formatCount(employer.activeEmployees, language) },
        ]}
      />
      {employer.isGovernment ? (
        <WorkUnitsCard npp={employer.npp} units={units} canManage={canManage} onAdded={onChanged} />
      ) : null}
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
            ...(employer.isGovernment
              ? [c.text('workUnit', t('employee.workUnit'), (e) => e.workUnitCode ?? '—')]
              : []),
          ]}
        />
      ) : null}
      {canManage ? (
        <>
          <EmployeeForm
            employer={employer}
            units={units}
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
  const { state, reload } = useLoad(
    `${npp}:${language}`,
    async () => {
      const employer = await getEmployer(npp);
      return { employer, units: employer.isGovernment ? await listWorkUnits(npp) : [] };
    },
    onUnauthenticated,
  );
  return (
    <LoadView state={state} retry={reload}>
      {({ employer, units }) => (
        <EmployerView employer={employer} user={user} units={units} onChanged={reload} />
      )}
    </LoadView>
  );
}
