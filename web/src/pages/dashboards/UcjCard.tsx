import { type FormEvent, useId, useState } from 'react';
import { putWorkforce, type Ucj } from '../../api/reports.ts';
import { SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Facts } from '../../components/Facts.tsx';
import { NumberField, TextField } from '../../components/FormFields.tsx';
import { formatCount, formatPercent } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

// Universal coverage (UCJ): participants covered ÷ the regency's workforce, against the target
// the district set, with the source of the workforce figure. The district officer (or admin)
// enters the workforce, its source and the target per year.

const PERCENT_INPUT = /^\d{1,3}([.,]\d{1,2})?$/;

function WorkforceForm({
  regencyCode,
  ucj,
  onSaved,
  onUnauthenticated,
}: {
  regencyCode: string;
  ucj: Ucj | null;
  onSaved: () => void;
  onUnauthenticated: () => void;
}) {
  const { t } = useI18n();
  const [year, setYear] = useState(String(ucj?.year ?? new Date().getUTCFullYear()));
  const [workforce, setWorkforce] = useState(ucj ? String(ucj.workforce) : '');
  const [source, setSource] = useState(ucj?.source ?? '');
  const [target, setTarget] = useState(ucj ? String(ucj.targetPercent) : '');
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(ucj === null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const yearNumber = Number(year);
    const workforceNumber = Number(workforce.replace(/[.,\s]/g, ''));
    const targetNumber = Number(target.replace(',', '.'));
    if (!/^\d{4}$/.test(year)) return setError(t('ucj.form.yearInvalid'));
    if (!/^[\d.,\s]+$/.test(workforce) || !Number.isSafeInteger(workforceNumber) || workforceNumber <= 0) {
      return setError(t('ucj.form.workforceInvalid'));
    }
    if (!source.trim()) return setError(t('ucj.form.sourceRequired'));
    if (!PERCENT_INPUT.test(target) || targetNumber <= 0 || targetNumber > 100) {
      return setError(t('ucj.form.targetInvalid'));
    }
    setSaved(false);
    await run(async () => {
      await putWorkforce({
        regencyCode,
        year: yearNumber,
        workforce: workforceNumber,
        source: source.trim(),
        targetPercent: targetNumber,
      });
      setSaved(true);
      onSaved();
    });
  }

  return (
    <details className="workforce-form" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('ucj.form.title')}</summary>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted">{t('ucj.form.intro')}</p>
        <div className="form-grid">
          <TextField
            label={t('ucj.form.year')}
            inputMode="numeric"
            maxLength={4}
            value={year}
            onChange={setYear}
          />
          <NumberField
            label={t('ucj.form.workforce')}
            placeholder="120.000"
            value={workforce}
            onChange={setWorkforce}
          />
          <NumberField
            label={t('ucj.form.target')}
            inputMode="decimal"
            placeholder="40"
            value={target}
            onChange={setTarget}
          />
          <TextField
            label={t('ucj.form.source')}
            maxLength={200}
            placeholder={t('ucj.form.sourcePlaceholder')}
            value={source}
            onChange={setSource}
          />
        </div>
        <SubmitButton busy={busy}>{busy ? t('ucj.form.saving') : t('ucj.form.submit')}</SubmitButton>
        {error ? <ErrorMessage error={error} /> : null}
        <SuccessNote>{saved ? t('ucj.form.saved') : null}</SuccessNote>
      </form>
    </details>
  );
}

export function UcjCard({
  regencyCode,
  ucj,
  canManage,
  onSaved,
  onUnauthenticated,
}: {
  regencyCode: string;
  ucj: Ucj | null;
  canManage: boolean;
  onSaved: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const reached = ucj ? ucj.percent >= ucj.targetPercent : false;
  return (
    <section className="card stack ucj-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ucj.title')}</h2>
      {ucj ? (
        <>
          <p className="ucj-figure">
            <strong className="ucj-percent" data-testid="ucj-percent">
              {formatPercent(ucj.percent, language)}
            </strong>
            <span className="muted">
              {t('ucj.covered', {
                covered: formatCount(ucj.covered, language),
                workforce: formatCount(ucj.workforce, language),
              })}
            </span>
          </p>
          <div className="ucj-bar" aria-hidden="true">
            <span className="ucj-fill" style={{ width: `${Math.min(100, Math.max(0, ucj.percent))}%` }} />
            <span
              className="ucj-target"
              style={{ left: `${Math.min(100, Math.max(0, ucj.targetPercent))}%` }}
            />
          </div>
          <Facts
            className="ucj-facts"
            items={[
              {
                label: t('ucj.target'),
                value: formatPercent(ucj.targetPercent, language) + (reached ? ` · ${t('ucj.reached')}` : ''),
                valueClass: reached ? 'ucj-reached' : undefined,
              },
              { label: t('ucj.year'), value: ucj.year },
              { label: t('ucj.source'), value: ucj.source },
            ]}
          />
        </>
      ) : (
        <p className="note">{t('ucj.none')}</p>
      )}
      {canManage ? (
        <WorkforceForm
          regencyCode={regencyCode}
          ucj={ucj}
          onSaved={onSaved}
          onUnauthenticated={onUnauthenticated}
        />
      ) : null}
    </section>
  );
}
