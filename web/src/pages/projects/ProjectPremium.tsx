// A project's premium invoices (the registration's and each contract change's), whether they are
// paid, the contract changes with what was not refunded, and the form for a change.
import { useState } from 'react';
import {
  changeProjectContract,
  type Project,
  type ProjectChange,
  type ProjectInvoice,
} from '../../api/employers.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import { FormCard, SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatRupiah, parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { safeDate } from './PremiumBasisView.tsx';

export function ProjectInvoices({ invoices }: { invoices: ProjectInvoice[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="project-invoice-table"
      caption={t('project.invoices')}
      rows={invoices}
      rowKey={(i) => String(i.id)}
      columns={(c) => [
        c.text('number', t('project.invoice.number'), (i) => i.number, {
          className: 'mono',
          rowHeader: true,
        }),
        c.text('kind', t('project.invoice.kind'), (i) =>
          i.kind === 'regular' ? t('project.invoice.registration') : t('project.invoice.adjustment'),
        ),
        c.text('due', t('project.invoice.due'), (i) => safeDate(i.dueDate, language)),
        c.num('total', t('project.invoice.total'), (i) => formatRupiah(i.totalRp, language)),
        c.num('paid', t('project.invoice.paid'), (i) => formatRupiah(i.paidRp, language)),
        c.text('status', t('participants.status'), (i) => <PaidBadge paid={i.paidRp >= i.totalRp} />),
      ]}
    />
  );
}

export function PaidBadge({ paid }: { paid: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${paid ? 'badge-activated' : 'badge-submitted'}`}>
      {paid ? t('project.invoice.statusPaid') : t('project.invoice.statusOpen')}
    </span>
  );
}

export function ProjectChanges({ changes }: { changes: ProjectChange[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="project-change-table"
      caption={t('project.changes')}
      rows={changes}
      rowKey={(c) => c.at}
      columns={(c) => [
        c.text('at', t('project.change.at'), (x) => safeDate(x.at.slice(0, 10), language), {
          rowHeader: true,
        }),
        c.text('value', t('project.contractValue'), (x) => (
          <>
            {formatRupiah(x.oldContractValueRp, language)} → {formatRupiah(x.contractValueRp, language)}
          </>
        )),
        c.text('end', t('project.endDate'), (x) => (
          <>
            {safeDate(x.oldEndDate, language)} → {safeDate(x.endDate, language)}
          </>
        )),
        c.text('premium', t('project.premium'), (x) => (
          <>
            {formatRupiah(x.oldPremiumRp, language)} → {formatRupiah(x.premiumRp, language)}
          </>
        )),
        c.text('outcome', t('project.change.outcome'), (x) =>
          x.invoiceNumber
            ? t('project.change.invoiced', { number: x.invoiceNumber })
            : x.notRefundedRp > 0
              ? t('project.change.notRefunded', { amount: formatRupiah(x.notRefundedRp, language) })
              : t('project.change.nothing'),
        ),
        c.text('reason', t('project.change.reason'), (x) => x.reason),
      ]}
    />
  );
}

export function ContractChangeForm({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const { t, language } = useI18n();
  const [values, setValues] = useState({ contractValue: '', endDate: '', reason: '' });
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  async function submit() {
    if (busy) return;
    const value = values.contractValue.trim() ? parseRupiahInput(values.contractValue) : undefined;
    if (value === null || (value !== undefined && value <= 0)) return setError(t('payment.amountInvalid'));
    const endDate = values.endDate || undefined;
    if (!values.reason.trim() || (value === undefined && !endDate) || (endDate && !passes(IsoDate, endDate)))
      return setError(t('form.required'));
    setDone(null);
    await run(async () => {
      const r = await changeProjectContract(project.projectNumber, {
        ...(value !== undefined ? { contractValueRp: value } : {}),
        ...(endDate ? { endDate } : {}),
        reason: values.reason.trim(),
      });
      const a = r.adjustment;
      setDone(
        a.invoicedRp > 0
          ? t('project.change.doneInvoiced', {
              amount: formatRupiah(a.invoicedRp, language),
              due: safeDate(a.dueDate ?? '', language),
            })
          : a.notRefundedRp > 0
            ? t('project.change.notRefunded', { amount: formatRupiah(a.notRefundedRp, language) })
            : t('project.change.nothing'),
      );
      setValues({ contractValue: '', endDate: '', reason: '' });
      onChanged();
    });
  }

  return (
    <FormCard title={t('project.change.title')} intro={t('project.change.intro')} onSubmit={submit}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="contract-value">{t('project.contractValue')}</label>
          <input
            id="contract-value"
            inputMode="numeric"
            autoComplete="off"
            value={values.contractValue}
            onChange={set('contractValue')}
          />
        </div>
        <div className="field">
          <label htmlFor="contract-end">{t('project.endDate')}</label>
          <input id="contract-end" type="date" value={values.endDate} onChange={set('endDate')} />
        </div>
        <div className="field">
          <label htmlFor="contract-reason">{t('project.change.reason')}</label>
          <input id="contract-reason" autoComplete="off" value={values.reason} onChange={set('reason')} />
        </div>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SuccessNote>{done}</SuccessNote>
      <SubmitButton busy={busy}>{t('project.change.submit')}</SubmitButton>
    </FormCard>
  );
}
