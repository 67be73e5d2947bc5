import { type FormEvent, useId, useState } from 'react';
import {
  EMPLOYERS_PAGE_SIZE,
  type Employer,
  type EmployerScale,
  type Employment,
  getEmployer,
  listBusinessTypes,
  listEmployers,
  registerEmployee,
  registerEmployer,
  uploadWageReport,
  type WageImportResult,
} from '../api/employers.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { Pager } from '../components/Pager.tsx';
import { PersonFields } from '../components/PersonFields.tsx';
import { IssueList } from '../components/RowIssues.tsx';
import { formatCount, formatDate, formatPeriod, formatRupiah, parseRupiahInput } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, navigate } from '../router.tsx';
import { useMembershipCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';

// Employers (pemberi kerja): the list in scope, registration (branch officer), one employer
// with its workers registered here, the employee form and the month's wage report.

export const EMPLOYERS_PATH = '/pemberi-kerja';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_WAGE_FILE_BYTES = 10 * 1024 * 1024;

export function employerPath(npp: string): string {
  return `${EMPLOYERS_PATH}/${encodeURIComponent(npp)}`;
}

function RegisterEmployerForm({ user, onCancel }: { user: User; onCancel: () => void }) {
  const { t } = useI18n();
  const scales = useMembershipCatalog()?.employerScales ?? [];
  const id = useId();
  const { state: types, reload } = useLoad('business-types', listBusinessTypes, () => {});
  const [npp, setNpp] = useState('');
  const [name, setName] = useState('');
  const [businessTypeCode, setBusinessTypeCode] = useState('');
  const [scale, setScale] = useState<EmployerScale>('small');
  const [isGovernment, setIsGovernment] = useState(false);
  const [regionCode, setRegionCode] = useState(user.homeRegion ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!npp.trim() || !name.trim() || !businessTypeCode || !regionCode.trim()) {
      return setError(t('form.required'));
    }
    setBusy(true);
    setError(null);
    try {
      const employer = await registerEmployer({
        npp: npp.trim(),
        name: name.trim(),
        businessTypeCode,
        scale,
        isGovernment,
        regionCode: regionCode.trim(),
      });
      navigate(employerPath(employer.npp));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('employer.register.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-npp`}>{t('employer.npp')}</label>
            <input
              id={`${id}-npp`}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              value={npp}
              onChange={(event) => setNpp(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('employer.name')}</label>
            <input
              id={`${id}-name`}
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('employer.businessType')}</label>
            {types.status === 'failed' ? (
              <>
                <ErrorMessage error={types.error} />
                <button type="button" className="button button-secondary" onClick={reload}>
                  {t('app.retry')}
                </button>
              </>
            ) : (
              <select
                id={`${id}-type`}
                value={businessTypeCode}
                disabled={types.status !== 'loaded'}
                onChange={(event) => setBusinessTypeCode(event.target.value)}
              >
                <option value="">{t('enrolment.pick.choose')}</option>
                {types.status === 'loaded'
                  ? types.data.map((type) => (
                      <option key={type.code} value={type.code}>
                        {t('employer.businessTypeOption', { name: type.name, group: type.riskGroup })}
                      </option>
                    ))
                  : null}
              </select>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-scale`}>{t('employer.scale')}</label>
            <select
              id={`${id}-scale`}
              value={scale}
              onChange={(event) => setScale(event.target.value as EmployerScale)}
            >
              {scales.map((s) => (
                <option key={s} value={s}>
                  {t(`employer.scale.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-region`}>{t('employer.region')}</label>
            <input
              id={`${id}-region`}
              inputMode="decimal"
              placeholder="53.04.01.2001"
              aria-describedby={`${id}-region-hint`}
              value={regionCode}
              onChange={(event) => setRegionCode(event.target.value)}
            />
            <p id={`${id}-region-hint`} className="muted field-hint">
              {t('employer.regionHint')}
            </p>
          </div>
        </div>
        <label className="check">
          <input
            className="check-box"
            type="checkbox"
            checked={isGovernment}
            onChange={(event) => setIsGovernment(event.target.checked)}
          />
          <span>{t('employer.government')}</span>
        </label>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('employer.register.submit')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EmployerTable({ employers }: { employers: Employer[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards employer-table">
      <caption className="visually-hidden">{t('employers.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('employer.npp')}</th>
          <th scope="col">{t('employer.name')}</th>
          <th scope="col">{t('employer.businessType')}</th>
          <th scope="col">{t('employer.scale')}</th>
          <th scope="col">{t('employer.region')}</th>
          <th scope="col" className="num">
            {t('employer.activeEmployees')}
          </th>
        </tr>
      </thead>
      <tbody>
        {employers.map((e) => (
          <tr key={e.npp}>
            <th scope="row" data-label={t('employer.npp')} className="mono">
              <Link to={employerPath(e.npp)}>{e.npp}</Link>
            </th>
            <td data-label={t('employer.name')}>{e.name}</td>
            <td data-label={t('employer.businessType')}>
              {e.businessTypeName} · {t('employer.riskGroup', { group: e.riskGroup })}
            </td>
            <td data-label={t('employer.scale')}>{t(`employer.scale.${e.scale}`)}</td>
            <td data-label={t('employer.region')}>{e.regionName}</td>
            <td data-label={t('employer.activeEmployees')} className="num">
              {formatCount(e.activeEmployees, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmployerList({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
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

function EmployeeForm({
  employer,
  onRegistered,
}: {
  employer: Employer;
  onRegistered: (e: Employment) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [nik, setNik] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'L' | 'P'>('');
  const [startDate, setStartDate] = useState('');
  const [wage, setWage] = useState('');
  const [jp, setJp] = useState(true);
  const [jkp, setJkp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const jpOptional = employer.scale === 'micro' || employer.scale === 'small';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const wageRp = parseRupiahInput(wage);
    if (!nik.trim() || !DATE.test(startDate)) return setError(t('form.required'));
    if (wageRp === null || wageRp <= 0) return setError(t('payment.amountInvalid'));
    setBusy(true);
    setError(null);
    try {
      const employment = await registerEmployee(employer.npp, {
        nik: nik.trim(),
        ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
        ...(DATE.test(birthDate) ? { birthDate } : {}),
        ...(sex ? { sex } : {}),
        startDate,
        wageRp,
        jp: jpOptional ? jp : true,
        jkp,
      });
      setNik('');
      setFullName('');
      setBirthDate('');
      setSex('');
      setWage('');
      onRegistered(employment);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('employee.title')}</h2>
      <p className="muted">{t('employee.intro')}</p>
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
          <div className="field">
            <label htmlFor={`${id}-start`}>{t('employee.startDate')}</label>
            <input
              id={`${id}-start`}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-wage`}>{t('employee.wage')}</label>
            <input
              id={`${id}-wage`}
              inputMode="numeric"
              autoComplete="off"
              placeholder="2.500.000"
              value={wage}
              onChange={(e) => setWage(e.target.value)}
            />
          </div>
        </div>
        <div className="checks">
          {jpOptional ? (
            <label className="check">
              <input
                className="check-box"
                type="checkbox"
                checked={jp}
                onChange={(e) => setJp(e.target.checked)}
              />
              <span>{t('employee.jp')}</span>
            </label>
          ) : null}
          <label className="check">
            <input
              className="check-box"
              type="checkbox"
              checked={jkp}
              onChange={(e) => setJkp(e.target.checked)}
            />
            <span>{t('employee.jkp')}</span>
          </label>
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('employee.submit')}
        </button>
      </form>
    </section>
  );
}

function WageReportCard({ employer, onImported }: { employer: Employer; onImported: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<WageImportResult | null>(null);
  const busy = progress !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!PERIOD.test(period)) return setError(t('billing.run.periodInvalid'));
    if (!file) return setError(t('enrolment.upload.noFile'));
    if (file.size > MAX_WAGE_FILE_BYTES) return setError(t('enrolment.upload.tooLarge'));
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadWageReport(employer.npp, period, file, setProgress));
      setFile(null);
      setInputKey((k) => k + 1);
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  const counts = result
    ? ([
        ['rows', result.upload.rows],
        ['valid', result.upload.valid],
        ['invalid', result.upload.invalid],
        ['joined', result.upload.joined],
        ['left', result.upload.left],
        ['wageChanged', result.upload.wageChanged],
        ['unchanged', result.upload.unchanged],
      ] as const)
    : [];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('wage.title')}</h2>
      <p className="muted">{t('wage.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('wage.period')}</label>
          <input
            id={`${id}-period`}
            type="month"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          />
        </div>
        <div className="field">
          <span id={`${id}-label`} className="field-label">
            {t('enrolment.upload.file')}
          </span>
          <div className="file-picker">
            <input
              key={inputKey}
              id={`${id}-file`}
              type="file"
              className="visually-hidden"
              aria-labelledby={`${id}-label`}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            <label htmlFor={`${id}-file`} className="button button-secondary">
              {t('enrolment.upload.choose')}
            </label>
            <span className={file ? 'file-name' : 'muted'}>
              {file ? file.name : t('enrolment.upload.noneChosen')}
            </span>
          </div>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="upload" />
          {t('wage.submit')}
        </button>
        {progress !== null ? (
          <div className="progress" role="status">
            <progress max={100} value={Math.round(progress * 100)} />
            <span>{t('enrolment.upload.uploading', { percent: Math.round(progress * 100) })}</span>
          </div>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {result ? (
        <div className="stack" role="status">
          <p className={result.problems.length > 0 ? 'note' : 'success'}>
            {result.repeated
              ? t('wage.repeated')
              : t('wage.done', {
                  period: formatPeriod(result.period, language),
                  file: result.upload.fileName,
                })}
          </p>
          <dl className="stats" aria-label={t('enrolment.result.counts')}>
            {counts.map(([key, value]) => (
              <div key={key} className={`stat stat-wage-${key}`}>
                <dt>{t(`wage.count.${key}`)}</dt>
                <dd>{formatCount(value, language)}</dd>
              </div>
            ))}
          </dl>
          {result.problems.length > 0 ? (
            <table className="table-cards problem-table">
              <caption>
                {t('enrolment.problems.title', { count: formatCount(result.problems.length, language) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('enrolment.problems.row')}</th>
                  <th scope="col">{t('field.nik')}</th>
                  <th scope="col">{t('field.fullName')}</th>
                  <th scope="col">{t('enrolment.problems.issues')}</th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((row) => (
                  <tr key={row.rowNumber} className="row-invalid">
                    <th scope="row" data-label={t('enrolment.problems.row')}>
                      {row.rowNumber}
                    </th>
                    <td data-label={t('field.nik')} className="mono">
                      {row.nik || <span className="muted">{t('enrolment.problems.empty')}</span>}
                    </td>
                    <td data-label={t('field.fullName')}>
                      {row.fullName || <span className="muted">{t('enrolment.problems.empty')}</span>}
                    </td>
                    <td data-label={t('enrolment.problems.issues')}>
                      <IssueList errors={row.errors} warnings={[]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function EmployerView({
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

function EmployerDetail({
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

export function EmployersPage({
  user,
  npp,
  onUnauthenticated,
}: {
  user: User;
  npp: string | null;
  onUnauthenticated: () => void;
}) {
  if (npp) return <EmployerDetail key={npp} npp={npp} user={user} onUnauthenticated={onUnauthenticated} />;
  return <EmployerList user={user} onUnauthenticated={onUnauthenticated} />;
}
