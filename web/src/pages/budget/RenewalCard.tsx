import { useState } from 'react';
import { type BudgetRenewal, renewBudgetYear } from '../../api/budget.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

type Counts = BudgetRenewal['totals'];
const LEFT_OUT = ['agedOut', 'ended', 'overQuota', 'overBudget', 'noAllocation'] as const;

/**
 * The district renews a fiscal year's village-funded cohort into the next year: a preview of who
 * carries over and who is left out (and why), per village, then one confirmed step.
 */
export function RenewalCard({
  regency,
  fromYear,
  onDone,
}: {
  regency: string;
  fromYear: number;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const [village, setVillage] = useState('');
  const [preview, setPreview] = useState<BudgetRenewal | null>(null);
  const [done, setDone] = useState<BudgetRenewal | null>(null);
  const { busy, error, run } = useAction();
  const input = (confirm: boolean) => ({
    regencyCode: regency,
    villageCode: village.trim() || null,
    fromYear,
    confirm,
  });
  const n = (x: number) => formatCount(x, language);
  const leftOut = (c: Counts) => LEFT_OUT.reduce((s, k) => s + c[k], 0);

  async function submit() {
    if (busy) return;
    setDone(null);
    await run(async () => setPreview(await renewBudgetYear(input(false))));
  }

  return (
    <FormCard
      title={t('renewal.title', { from: String(fromYear), to: String(fromYear + 1) })}
      intro={t('renewal.intro')}
      onSubmit={submit}
      after={
        <div className="stack">
          {error ? <ErrorMessage error={error} /> : null}
          {preview && !done ? (
            <div className="stack" role="status">
              <p>
                {t('renewal.previewLine', {
                  renewed: n(preview.totals.renewed),
                  leftOut: n(leftOut(preview.totals)),
                })}
              </p>
              <DataTable
                caption={t('renewal.byVillage')}
                rows={preview.villages}
                rowKey={(v) => v.regionCode}
                columns={(c) => [
                  c.text('village', t('renewal.village'), (v) => v.regionName, { rowHeader: true }),
                  c.num('renewed', t('renewal.renewed'), (v) => n(v.renewed)),
                  ...LEFT_OUT.map((k) => c.num(k, t(`renewal.reason.${k}`), (v: Counts) => n(v[k]))),
                ]}
              />
              {preview.totals.renewed + leftOut(preview.totals) > 0 ? (
                <ConfirmAction
                  label={t('renewal.confirm')}
                  question={t('renewal.question', {
                    renewed: n(preview.totals.renewed),
                    to: String(fromYear + 1),
                  })}
                  confirmLabel={t('renewal.confirmYes')}
                  onConfirm={async () => {
                    setDone(await renewBudgetYear(input(true)));
                    onDone();
                  }}
                />
              ) : (
                <p className="muted">{t('renewal.nothing')}</p>
              )}
            </div>
          ) : null}
          {done ? (
            <div className="stack" role="status">
              <p className="success">
                {t('renewal.done', { renewed: n(done.totals.renewed), leftOut: n(leftOut(done.totals)) })}
              </p>
              {done.leftOut.length > 0 ? (
                <DataTable
                  caption={t('renewal.leftOutList')}
                  rows={done.leftOut}
                  rowKey={(l) => l.kpj}
                  columns={(c) => [
                    c.text('kpj', 'KPJ', (l) => l.kpj, { rowHeader: true }),
                    c.text('name', t('renewal.name'), (l) => l.fullName),
                    c.text('village', t('renewal.village'), (l) => l.regionCode),
                    c.text('reason', t('renewal.reason'), (l) => t(`renewal.reason.${camel(l.reason)}`)),
                  ]}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      }
    >
      <TextField
        label={t('renewal.villageField')}
        hint={t('renewal.villageHint')}
        value={village}
        onChange={setVillage}
        inputMode="decimal"
      />
      <SubmitButton busy={busy}>{t('renewal.preview')}</SubmitButton>
    </FormCard>
  );
}

function camel(reason: BudgetRenewal['leftOut'][number]['reason']): (typeof LEFT_OUT)[number] {
  return (
    {
      aged_out: 'agedOut',
      ended: 'ended',
      over_quota: 'overQuota',
      over_budget: 'overBudget',
      no_allocation: 'noAllocation',
    } as const
  )[reason];
}
