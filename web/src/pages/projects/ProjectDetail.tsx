import { useState } from 'react';
import { addProjectWorkers, getProject, type Project, type ProjectWorker } from '../../api/employers.ts';
import { FormCard, SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Facts } from '../../components/Facts.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { PersonFields, personInput, usePerson } from '../../components/PersonFields.tsx';
import { formatCount, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PageProps } from '../pageProps.ts';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { PremiumBasisView, safeDate } from './PremiumBasisView.tsx';
import { ContractChangeForm, ProjectChanges, ProjectInvoices } from './ProjectPremium.tsx';
import { PROJECTS_PATH } from './paths.ts';

export function AddWorkerForm({ project, onAdded }: { project: Project; onAdded: () => void }) {
  const { t } = useI18n();
  const { person, change, reset } = usePerson();
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    if (busy) return;
    if (!person.nik.trim()) return setError(t('form.required'));
    setDone(null);
    await run(async () => {
      const result = await addProjectWorkers(project.projectNumber, [personInput(person)]);
      setDone(result.added > 0 ? t('project.worker.added') : t('project.worker.unchanged'));
      reset();
      onAdded();
    });
  }

  return (
    <FormCard title={t('project.worker.title')} intro={t('project.worker.intro')} onSubmit={submit}>
      <div className="form-grid">
        <PersonFields value={person} onChange={change} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SuccessNote>{done}</SuccessNote>
      <SubmitButton busy={busy}>{t('project.worker.submit')}</SubmitButton>
    </FormCard>
  );
}

export function WorkerTable({ workers }: { workers: ProjectWorker[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="worker-table"
      caption={t('project.workerList', { count: formatCount(workers.length, language) })}
      rows={workers}
      rowKey={(w) => w.kpj}
      columns={(c) => [
        c.text('kpj', t('participants.kpj'), (w) => w.kpj, { className: 'mono', rowHeader: true }),
        c.text('nik', t('field.nik'), (w) => w.nik, { className: 'mono' }),
        c.text('name', t('participants.name'), (w) => w.fullName),
        c.text('coverage', t('project.coverage'), (w) => (
          <>
            {safeDate(w.joinedOn, language)} – {safeDate(w.leftOn, language)}
          </>
        )),
        c.text('status', t('participants.status'), (w) => (
          <span className={`badge badge-participant-${w.status}`}>{w.status}</span>
        )),
      ]}
    />
  );
}

export function ProjectDetail({ number, user, onUnauthenticated }: PageProps & { number: string }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`${number}:${language}`, () => getProject(number), onUnauthenticated);
  return (
    <LoadView state={state} retry={reload}>
      {({ project, invoices, changes, workers }) => (
        <div className="stack">
          <PageHead
            back={PROJECTS_PATH}
            level={t('projects.one')}
            code={project.projectNumber}
            title={project.name}
          />
          <Facts
            items={[
              { label: t('project.owner'), value: project.ownerName },
              {
                label: t('project.contractor'),
                value: (
                  <>
                    {project.contractorName} <span className="muted mono">{project.contractorNpp}</span>
                  </>
                ),
              },
              { label: t('project.contractValue'), value: formatRupiah(project.contractValueRp, language) },
              {
                label: t('project.term'),
                value: `${safeDate(project.startDate, language)} – ${safeDate(project.endDate, language)}`,
              },
              { label: t('project.region'), value: project.regionName },
            ]}
          />
          <PremiumBasisView project={project} />
          <p className={project.covered ? 'success' : 'muted'}>
            {project.covered ? t('project.covered') : t('project.notCovered')}
          </p>
          <ProjectInvoices invoices={invoices} />
          {changes.length > 0 ? <ProjectChanges changes={changes} /> : null}
          {user.permissions.includes('employers.manage') ? (
            <ContractChangeForm project={project} onChanged={reload} />
          ) : null}
          {user.permissions.includes('employees.manage') ? (
            <AddWorkerForm project={project} onAdded={reload} />
          ) : null}
          {workers.length === 0 ? (
            <p className="muted">{t('project.noWorkers')}</p>
          ) : (
            <WorkerTable workers={workers} />
          )}
        </div>
      )}
    </LoadView>
  );
}
