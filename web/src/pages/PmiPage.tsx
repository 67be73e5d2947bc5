import { useState } from 'react';
import { listPmi, PMI_PAGE_SIZE, type PmiPlacement } from '../api/pmi.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { PagedRows, RegisterToggle } from '../components/RegisterAndPage.tsx';
import { formatDate, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PageProps } from './pageProps.ts';
import { type Registered, RegisterPmiForm } from './pmi/PmiForm.tsx';
import { useLoad } from './useLoad.ts';

// Migrant workers (PMI): registration by the branch — through a placement agency or as PMI
// perseorangan — with the periods of cover and the Pasal 18 premium the server computed and
// invoiced, and the list of the caller's scope.

export const PMI_PATH = '/pekerja-migran';

function RegisteredView({ result }: { result: Registered }) {
  const { t, language } = useI18n();
  const { placement, periods, lines } = result;
  const span = (m: { from: string; to: string } | null) =>
    m ? `${formatDate(m.from, language)} – ${formatDate(m.to, language)}` : '—';
  return (
    <div className="card stack" role="status">
      <p className="success">
        {t('pmi.registered', { kpj: placement.kpj, invoice: placement.invoiceNumber })}
      </p>
      <h3>{t('pmi.periods')}</h3>
      <dl className="facts">
        <dt>{t('pmi.sebelum')}</dt>
        <dd>{span(periods.sebelum)}</dd>
        <dt>{t('pmi.selama')}</dt>
        <dd>{span(periods.selama)}</dd>
        <dt>{t('pmi.setelah')}</dt>
        <dd>{span(periods.setelah)}</dd>
      </dl>
      <h3>
        {t('pmi.premium')}: {formatRupiah(placement.premiumRp, language)}
      </h3>
      <ul>
        {lines.map((l) => (
          <li key={l.basis}>
            {formatRupiah(l.amountRp, language)} — {l.basis}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PmiTable({ placements }: { placements: PmiPlacement[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      caption={t('pmi.title')}
      captionHidden
      rows={placements}
      rowKey={(p) => p.kpj}
      columns={(c) => [
        c.text('kpj', t('pmi.kpj'), (p) => p.kpj, { className: 'mono', rowHeader: true }),
        c.text('name', t('pmi.name'), (p) => p.fullName),
        c.text('payer', t('pmi.kind'), (p) => p.agencyName ?? t('pmi.kind.perseorangan')),
        c.text('country', t('pmi.country'), (p) => p.countryCode),
        c.text('cover', t('pmi.periods'), (p) => (
          <>
            {formatDate(p.registeredOn, language)} – {formatDate(p.postPlacementEnd, language)}
          </>
        )),
        c.num('premium', t('pmi.premium'), (p) => formatRupiah(p.premiumRp, language), {
          className: 'strong',
        }),
        c.text('invoice', t('pmi.invoice'), (p) => p.invoiceNumber, { className: 'mono' }),
      ]}
    />
  );
}

export function PmiPage({ user, onUnauthenticated }: PageProps) {
  const { t } = useI18n();
  // The cursors of the pages opened after the first (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const { state, reload } = useLoad(String(cursor), () => listPmi(cursor), onUnauthenticated);
  return (
    <div className="stack">
      <PageHead title={t('pmi.title')} intro={t('pmi.intro')} />
      {registered ? <RegisteredView result={registered} /> : null}
      <RegisterToggle
        allowed={user.permissions.includes('pmi.register')}
        open={registering}
        onOpen={() => {
          setRegistered(null);
          setRegistering(true);
        }}
        icon="user"
        label={t('pmi.register.open')}
        form={() => (
          <RegisterPmiForm
            user={user}
            onCancel={() => setRegistering(false)}
            onRegistered={(result) => {
              setRegistering(false);
              setRegistered(result);
              reload();
            }}
          />
        )}
      />
      <PagedRows
        state={state}
        retry={reload}
        rows={(page) => page.placements}
        empty={t('pmi.empty')}
        cursors={cursors}
        pageSize={PMI_PAGE_SIZE}
        onCursors={setCursors}
        table={(placements) => <PmiTable placements={placements} />}
      />
    </div>
  );
}
