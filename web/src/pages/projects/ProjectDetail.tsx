import { type FormEvent, useId, useState } from 'react';
import { addProjectWorkers, getProject, type Project, type ProjectWorker } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PersonFields } from '../../components/PersonFields.tsx';
import { formatCount, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DATE_PATTERN } from '../../input-patterns.ts';
import { Link } from '../../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { PremiumBasisView, safeDate } from './PremiumBasisView.tsx';
import { PROJECTS_PATH } from './paths.ts';

export function AddWorkerForm({ project, onAdded }: { project: Project; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [nik, setNik] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'L' | 'P'>('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!nik.trim()) return setError(t('form.required'));
    setDone(null);
    await run(async () => {
      const result = await addProjectWorkers(project.projectNumber, [
        {
          nik: nik.trim(),
          ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
          ...(DATE_PATTERN.test(birthDate) ? { birthDate } : {}),
          ...(sex ? { sex } : {}),
        },
      ]);
      setDone(result.added > 0 ? t('project.worker.added') : t('project.worker.unchanged'));
      setNik('');
      setFullName('');
      setBirthDate('');
      setSex('');
      onAdded();
    });
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('project.worker.title')}</h2>
      <p className="muted">{t('project.worker.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <PersonFields
            value={{ nik, fullName, birthDate, sex }}
            onChange={(next) => {
              if (next.nik !== undefined) setNik(next.nik);
              if (next.fullName !== undefined) setFullName(next.fullName);
              if (next.birthDate !== undefined) setBirthDate(next.birthDate);
              if (next.sex !== undefined) setSex(next.sex);
            }}
          />
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        {done ? (
          <p className="success" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('project.worker.submit')}
        </button>
      </form>
    </section>
  );
}

export function WorkerTable({ workers }: { workers: ProjectWorker[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      layout="cards"
      className="worker-table"
      caption={t('project.workerList', { count: formatCount(workers.length, language) })}
      rows={workers}
      rowKey={(w) => w.kpj}
      columns={[
        { key: 'kpj', header: t('participants.kpj'), cell: (w) => w.kpj, className: 'mono', rowHeader: true },
        { key: 'nik', header: t('field.nik'), cell: (w) => w.nik, className: 'mono' },
        { key: 'name', header: t('participants.name'), cell: (w) => w.fullName },
        {
          key: 'coverage',
          header: t('project.coverage'),
          cell: (w) => (
            <>
              {safeDate(w.joinedOn, language)} – {safeDate(w.leftOn, language)}
            </>
          ),
        },
        {
          key: 'status',
          header: t('participants.status'),
          cell: (w) => <span className={`badge badge-participant-${w.status}`}>{w.status}</span>,
        },
      ]}
    />
  );
}

export function ProjectDetail({
  number,
  user,
  onUnauthenticated,
}: {
  number: string;
  user: User;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`${number}:${language}`, () => getProject(number), onUnauthenticated);
  return (
    <LoadView state={state} retry={reload}>
      {({ project, workers }) => (
        <div className="stack">
          <Link to={PROJECTS_PATH} className="back-link">
            ‹ {t('action.back')}
          </Link>
          <div className="stack page-head">
            <p className="eyebrow">
              <span className="level">{t('projects.one')}</span>
              <span className="code">{project.projectNumber}</span>
            </p>
            <h1>{project.name}</h1>
          </div>
          <dl className="facts">
            <div>
              <dt>{t('project.owner')}</dt>
              <dd>{project.ownerName}</dd>
            </div>
            <div>
              <dt>{t('project.contractor')}</dt>
              <dd>
                {project.contractorName} <span className="muted mono">{project.contractorNpp}</span>
              </dd>
            </div>
            <div>
              <dt>{t('project.contractValue')}</dt>
              <dd>{formatRupiah(project.contractValueRp, language)}</dd>
            </div>
            <div>
              <dt>{t('project.term')}</dt>
              <dd>
                {safeDate(project.startDate, language)} – {safeDate(project.endDate, language)}
              </dd>
            </div>
            <div>
              <dt>{t('project.region')}</dt>
              <dd>{project.regionName}</dd>
            </div>
          </dl>
          <PremiumBasisView project={project} />
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
