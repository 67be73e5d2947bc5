import { type FormEvent, useId, useState } from 'react';
import {
  addProjectWorkers,
  getProject,
  listProjects,
  PROJECTS_PAGE_SIZE,
  type Project,
  type ProjectWorker,
  premiumBasisOf,
  registerProject,
} from '../api/employers.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { Pager } from '../components/Pager.tsx';
import { PersonFields } from '../components/PersonFields.tsx';
import { formatCount, formatDate, formatPeriod, formatRupiah, parseRupiahInput } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Language } from '../i18n/language.ts';
import { Link } from '../router.tsx';
import { useLoad } from './useLoad.ts';

// Construction projects (JAKON): the list, registration with the premium the server computed
// from the contract value, one project with its workers, and adding workers.

export const PROJECTS_PATH = '/proyek';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function projectPath(number: string): string {
  return `${PROJECTS_PATH}/${encodeURIComponent(number)}`;
}

function safeDate(date: string, language: Language): string {
  try {
    return formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

/** The premium and how the server reached it: contract value, period and the rules' lines. */
export function PremiumBasisView({ project }: { project: Project }) {
  const { t, language } = useI18n();
  const basis = premiumBasisOf(project);
  return (
    <section className="card stack premium" aria-label={t('project.premium')}>
      <p className="premium-total">
        <span>{t('project.premium')}</span>
        <strong>{formatRupiah(project.premiumRp, language)}</strong>
      </p>
      <p className="muted">
        {t('project.basisIntro', {
          value: formatRupiah(basis.contractValueRp ?? project.contractValueRp, language),
          period: basis.period ? formatPeriod(basis.period, language) : '–',
        })}
      </p>
      {basis.lines && basis.lines.length > 0 ? (
        <ul className="basis-lines">
          {basis.lines.map((line) => (
            <li className="basis-line" key={`${line.program ?? ''}-${line.payer ?? ''}-${line.basis ?? ''}`}>
              <span className="basis-head">
                <strong>{line.program ?? '–'}</strong>
                {typeof line.amountRp === 'number' ? (
                  <span>{formatRupiah(line.amountRp, language)}</span>
                ) : null}
              </span>
              {line.basis ? <span className="muted basis-text">{line.basis}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RegisterProjectForm({
  user,
  onRegistered,
  onCancel,
}: {
  user: User;
  onRegistered: (project: Project) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState({
    projectNumber: '',
    name: '',
    ownerName: '',
    contractorNpp: '',
    contractValue: '',
    startDate: '',
    endDate: '',
    regionCode: user.homeRegion ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const contractValueRp = parseRupiahInput(values.contractValue);
    const text = [
      values.projectNumber,
      values.name,
      values.ownerName,
      values.contractorNpp,
      values.regionCode,
    ];
    if (text.some((v) => !v.trim()) || !DATE.test(values.startDate) || !DATE.test(values.endDate)) {
      return setError(t('form.required'));
    }
    if (contractValueRp === null || contractValueRp <= 0) return setError(t('payment.amountInvalid'));
    setBusy(true);
    setError(null);
    try {
      const project = await registerProject({
        projectNumber: values.projectNumber.trim(),
        name: values.name.trim(),
        ownerName: values.ownerName.trim(),
        contractorNpp: values.contractorNpp.trim(),
        contractValueRp,
        startDate: values.startDate,
        endDate: values.endDate,
        regionCode: values.regionCode.trim(),
      });
      onRegistered(project);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fields: [keyof typeof values, string, Record<string, string>][] = [
    ['projectNumber', t('project.number'), { autoCapitalize: 'characters', placeholder: 'PRJ-2026-001' }],
    ['name', t('project.name'), {}],
    ['ownerName', t('project.owner'), {}],
    ['contractorNpp', t('project.contractorNpp'), { autoCapitalize: 'characters' }],
    ['contractValue', t('project.contractValue'), { inputMode: 'numeric', placeholder: '1.500.000.000' }],
    ['startDate', t('project.startDate'), { type: 'date' }],
    ['endDate', t('project.endDate'), { type: 'date' }],
    ['regionCode', t('project.region'), { inputMode: 'decimal', placeholder: '53.04.01.2001' }],
  ];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('project.register.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          {fields.map(([field, label, attrs]) => (
            <div key={field} className="field">
              <label htmlFor={`${id}-${field}`}>{label}</label>
              <input
                id={`${id}-${field}`}
                autoComplete="off"
                {...attrs}
                value={values[field]}
                onChange={set(field)}
              />
            </div>
          ))}
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('project.register.submit')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ProjectTable({ projects }: { projects: Project[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards project-table">
      <caption className="visually-hidden">{t('projects.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('project.number')}</th>
          <th scope="col">{t('project.name')}</th>
          <th scope="col">{t('project.contractor')}</th>
          <th scope="col" className="num">
            {t('project.contractValue')}
          </th>
          <th scope="col" className="num">
            {t('project.premium')}
          </th>
          <th scope="col">{t('project.term')}</th>
          <th scope="col" className="num">
            {t('project.workers')}
          </th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={p.projectNumber}>
            <th scope="row" data-label={t('project.number')} className="mono">
              <Link to={projectPath(p.projectNumber)}>{p.projectNumber}</Link>
            </th>
            <td data-label={t('project.name')}>{p.name}</td>
            <td data-label={t('project.contractor')}>{p.contractorName}</td>
            <td data-label={t('project.contractValue')} className="num">
              {formatRupiah(p.contractValueRp, language)}
            </td>
            <td data-label={t('project.premium')} className="num strong">
              {formatRupiah(p.premiumRp, language)}
            </td>
            <td data-label={t('project.term')}>
              {safeDate(p.startDate, language)} – {safeDate(p.endDate, language)}
            </td>
            <td data-label={t('project.workers')} className="num">
              {formatCount(p.workers, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectList({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<Project | null>(null);
  const { state, reload } = useLoad(String(offset), () => listProjects(offset), onUnauthenticated);
  const canManage = user.permissions.includes('employers.manage');
  return (
    <div className="stack projects-page">
      <div className="stack page-head">
        <h1>{t('projects.title')}</h1>
        <p className="muted">{t('projects.intro')}</p>
      </div>
      {registered ? (
        <div className="stack" role="status">
          <p className="success">{t('project.registered', { number: registered.projectNumber })}</p>
          <PremiumBasisView project={registered} />
          <Link to={projectPath(registered.projectNumber)} className="button button-secondary">
            {t('project.open')}
          </Link>
        </div>
      ) : null}
      {canManage ? (
        registering ? (
          <RegisterProjectForm
            user={user}
            onCancel={() => setRegistering(false)}
            onRegistered={(project) => {
              setRegistering(false);
              setRegistered(project);
              reload();
            }}
          />
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setRegistered(null);
              setRegistering(true);
            }}
          >
            <Icon name="crane" />
            {t('project.register.open')}
          </button>
        )
      ) : null}
      <LoadView state={state} retry={reload}>
        {(page) =>
          page.projects.length === 0 ? (
            <p className="muted">{t('projects.empty')}</p>
          ) : (
            <>
              <ProjectTable projects={page.projects} />
              <Pager
                offset={offset}
                shown={page.projects.length}
                total={page.total}
                pageSize={PROJECTS_PAGE_SIZE}
                onOffset={setOffset}
              />
            </>
          )
        }
      </LoadView>
    </div>
  );
}

function AddWorkerForm({ project, onAdded }: { project: Project; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [nik, setNik] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'L' | 'P'>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!nik.trim()) return setError(t('form.required'));
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await addProjectWorkers(project.projectNumber, [
        {
          nik: nik.trim(),
          ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
          ...(DATE.test(birthDate) ? { birthDate } : {}),
          ...(sex ? { sex } : {}),
        },
      ]);
      setDone(result.added > 0 ? t('project.worker.added') : t('project.worker.unchanged'));
      setNik('');
      setFullName('');
      setBirthDate('');
      setSex('');
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('project.worker.title')}</h2>
      <p className="muted">{t('project.worker.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <PersonFields
            id={id}
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

function WorkerTable({ workers }: { workers: ProjectWorker[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards worker-table">
      <caption>{t('project.workerList', { count: formatCount(workers.length, language) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('participants.kpj')}</th>
          <th scope="col">{t('field.nik')}</th>
          <th scope="col">{t('participants.name')}</th>
          <th scope="col">{t('project.coverage')}</th>
          <th scope="col">{t('participants.status')}</th>
        </tr>
      </thead>
      <tbody>
        {workers.map((w) => (
          <tr key={w.kpj}>
            <th scope="row" data-label={t('participants.kpj')} className="mono">
              {w.kpj}
            </th>
            <td data-label={t('field.nik')} className="mono">
              {w.nik}
            </td>
            <td data-label={t('participants.name')}>{w.fullName}</td>
            <td data-label={t('project.coverage')}>
              {safeDate(w.joinedOn, language)} – {safeDate(w.leftOn, language)}
            </td>
            <td data-label={t('participants.status')}>
              <span className={`badge badge-participant-${w.status}`}>{w.status}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectDetail({
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

export function ProjectsPage({
  user,
  number,
  onUnauthenticated,
}: {
  user: User;
  number: string | null;
  onUnauthenticated: () => void;
}) {
  if (number)
    return <ProjectDetail key={number} number={number} user={user} onUnauthenticated={onUnauthenticated} />;
  return <ProjectList user={user} onUnauthenticated={onUnauthenticated} />;
}
