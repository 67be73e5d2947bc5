import { showBpu } from '../../api/bpu.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Facts } from '../../components/Facts.tsx';
import { FullViewNotice } from '../../components/FullViewNotice.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { formatCount, formatDate, formatPeriod, formatRupiah } from '../../format.ts';
import { codeLabel } from '../../i18n/code-label.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BpuStatus } from '../BpuPage.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { BpuPaymentForm } from './BpuPaymentForm.tsx';
import { monthSpan } from './month-span.ts';
import { BPU_PATH } from './paths.ts';
import '../../bpu.css';

// One self-paying worker: status (active or lapsed), the months paid through, what the next
// payment at their frequency comes to, the payments made, and — for who takes payments — the
// payment form by their personal code.

export function BpuPersonPage({ kpj, user, onUnauthenticated }: PageProps & { kpj: string }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`${kpj}:${language}`, () => showBpu(kpj), onUnauthenticated);
  const month = (period: string) => formatPeriod(period, language);
  const money = (rp: number) => formatRupiah(rp, language);
  return (
    <div className="stack">
      <LoadView state={state} retry={reload}>
        {({ registration: r, nextPayment: next, payments, villageName }) => {
          const last = r.paidMonths.at(-1);
          const payable = r.collection === 'personal' && (r.status === 'active' || r.status === 'lapsed');
          return (
            <>
              <PageHead
                back={BPU_PATH}
                backLabel={t('bpu.person.back')}
                level={t('bpu.person.level')}
                code={r.kpj}
                title={r.fullName}
              >
                <BpuStatus status={r.status} since={r.statusSince} />
              </PageHead>
              <FullViewNotice shown={!r.nik.includes('*')} />
              <Card title={t('bpu.person.details')}>
                <Facts
                  items={[
                    { label: t('bpu.paymentCode'), value: r.paymentCode, valueClass: 'payment-code' },
                    { label: t('bpu.nik'), value: r.nik, valueClass: 'mono' },
                    { label: t('bpu.village'), value: `${villageName} (${r.regionCode})` },
                    {
                      label: t('bpu.paidThrough'),
                      value: last ? month(last) : t('bpu.notPaidYet'),
                      valueClass: 'strong',
                    },
                    {
                      label: t('bpu.monthsPaid'),
                      value: t('bpu.monthsPaid.count', { count: formatCount(r.paidMonths.length, language) }),
                    },
                    { label: t('bpu.frequency'), value: t('bpu.frequency.n', { n: r.frequencyMonths }) },
                    { label: t('bpu.income'), value: money(r.declaredIncomeRp) },
                    {
                      label: t('bpu.programs'),
                      value: r.programs.map((p) => codeLabel(t, 'program', p)).join(', '),
                    },
                    {
                      label: t('bpu.registeredOn'),
                      value: formatDate(r.registeredOn.slice(0, 10), language),
                    },
                    r.collection === 'agent' && {
                      label: t('bpu.collector'),
                      value: t('bpu.byAgent', { agent: r.agentName ?? '' }),
                    },
                  ]}
                />
              </Card>
              <Card title={t('bpu.next.title')}>
                <Facts
                  items={[
                    { label: t('bpu.next.months'), value: monthSpan(next.from, next.to, language) },
                    { label: t('bpu.next.amount'), value: money(next.amountRp), valueClass: 'strong' },
                  ]}
                />
              </Card>
              {user.permissions.includes('bpu.pay') ? (
                payable ? (
                  <BpuPaymentForm
                    registration={r}
                    next={next}
                    onPaid={reload}
                    onUnauthenticated={onUnauthenticated}
                  />
                ) : (
                  <p className="note">
                    {r.collection === 'agent'
                      ? t('bpu.pay.agent', { agent: r.agentName ?? '' })
                      : t('bpu.pay.ended')}
                  </p>
                )
              ) : null}
              <Card title={t('bpu.history.title')}>
                {payments.length === 0 ? (
                  <p className="muted">{t('bpu.history.empty')}</p>
                ) : (
                  <DataTable
                    caption={t('bpu.history.title')}
                    captionHidden
                    rows={payments}
                    rowKey={(p) => p.id}
                    columns={(c) => [
                      c.text(
                        'on',
                        t('bpu.history.receivedOn'),
                        (p) => formatDate(p.receivedOn.slice(0, 10), language),
                        {
                          rowHeader: true,
                        },
                      ),
                      c.text('months', t('bpu.history.months'), (p) =>
                        p.fromMonth && p.toMonth ? monthSpan(p.fromMonth, p.toMonth, language) : '—',
                      ),
                      c.num('amount', t('bpu.history.amount'), (p) => (
                        <>
                          {money(p.amountRp)}
                          {p.reversed ? (
                            <>
                              {' '}
                              <span className="badge badge-participant-ended">
                                {t('bpu.history.reversed')}
                              </span>
                            </>
                          ) : null}
                        </>
                      )),
                      c.text('reference', t('bpu.history.reference'), (p) => p.reference),
                    ]}
                  />
                )}
              </Card>
            </>
          );
        }}
      </LoadView>
    </div>
  );
}
