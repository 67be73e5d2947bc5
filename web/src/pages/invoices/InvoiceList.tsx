import { useId, useState } from 'react';
import { INVOICES_PAGE_SIZE, type InvoiceStatusFilter, listInvoices } from '../../api/billing.ts';
import { BILLING_EXPORTS } from '../../api/exports.ts';
import { Period, passes } from '../../api/fields.ts';
import { SelectField, TextField } from '../../components/FormFields.tsx';
import { Icon } from '../../components/Icon.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { BillingRunCard } from './BillingRunCard.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';

export function InvoiceList({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState<InvoiceStatusFilter | ''>('');
  // The cursors of the pages after the first that were opened (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const validPeriod = passes(Period, period) ? period : null;
  const { state, reload } = useLoad(
    JSON.stringify([validPeriod, status, cursor, language]),
    () => listInvoices({ period: validPeriod, status: status || null, cursor }),
    onUnauthenticated,
  );
  const filterBy =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([]);
    };
  const canRun = user.permissions.includes('billing.run');
  const isVillage = user.role === 'village_operator';

  return (
    <div className="stack billing-page">
      <PageHead
        title={t('billing.title')}
        intro={isVillage ? t('billing.intro.village') : t('billing.intro')}
      />
      {canRun ? <BillingRunCard user={user} onDone={reload} /> : null}
      <section className="stack" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('billing.list.title')}</h2>
        <search>
          <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
            <TextField
              label={t('billing.filter.period')}
              type="month"
              value={period}
              onChange={filterBy(setPeriod)}
            />
            <SelectField
              label={t('billing.filter.status')}
              value={status}
              onChange={(text) => filterBy(setStatus)(text as InvoiceStatusFilter | '')}
            >
              <option value="">{t('billing.filter.all')}</option>
              <option value="open">{t('billing.filter.open')}</option>
              <option value="paid">{t('billing.filter.paid')}</option>
            </SelectField>
          </form>
        </search>
        {BILLING_EXPORTS.length > 0 ? (
          <div className="button-row">
            {BILLING_EXPORTS.map((exp) => (
              <a
                key={exp.format}
                className="button button-secondary"
                href={exp.url({ period: validPeriod, status: status || null })}
                download
              >
                <Icon name="download" />
                {t(exp.label)}
              </a>
            ))}
          </div>
        ) : null}
        <LoadView state={state} retry={reload}>
          {({ invoices, nextCursor, total }) =>
            invoices.length === 0 ? (
              <p className="muted">{t('billing.list.empty')}</p>
            ) : (
              <>
                <InvoiceTable
                  invoices={invoices}
                  caption={t('billing.list.count', { count: formatCount(total, language) })}
                />
                <Pager
                  cursors={cursors}
                  nextCursor={nextCursor}
                  shown={invoices.length}
                  total={total}
                  pageSize={INVOICES_PAGE_SIZE}
                  onChange={setCursors}
                />
              </>
            )
          }
        </LoadView>
      </section>
    </div>
  );
}
