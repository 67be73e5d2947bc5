import { useState } from 'react';
import { BPU_PAGE_SIZE, type BpuListItem, listBpu } from '../api/bpu.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FullViewNotice } from '../components/FullViewNotice.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Pager } from '../components/Pager.tsx';
import { SearchBar } from '../components/SearchBar.tsx';
import { formatCount, formatDate, formatPeriod, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { BpuFileForm, type BpuFileResult } from './bpu/BpuFileForm.tsx';
import { type BpuRegistered, BpuRegisterForm } from './bpu/BpuRegisterForm.tsx';
import { monthSpan } from './bpu/month-span.ts';
import { bpuPath } from './bpu/paths.ts';
import type { PageProps } from './pageProps.ts';
import { useLoad } from './useLoad.ts';
import '../bpu.css';

// Self-paying informal workers (BPU mandiri, issue 13): the list of the caller's scope (a village
// operator: their village), newest first and searchable, and the two ways in — one worker at the
// counter, or the village's file. After a registration the worker's KPJ, personal payment code and
// what one payment comes to stand at the top, to be read out or written down for the worker.

function RegisteredView({ result }: { result: BpuRegistered }) {
  const { t, language } = useI18n();
  const { registration: r, firstPayment } = result;
  return (
    <div className="card stack" role="status">
      <p className="success">{t('bpu.registered', { kpj: r.kpj })}</p>
      <dl className="facts">
        <div>
          <dt>{t('bpu.registered.code')}</dt>
          <dd className="payment-code">{r.paymentCode}</dd>
        </div>
        <div>
          <dt>
            {t('bpu.registered.amount', { months: monthSpan(firstPayment.from, firstPayment.to, language) })}
          </dt>
          <dd className="strong">{formatRupiah(firstPayment.totalRp, language)}</dd>
        </div>
      </dl>
      {r.collection === 'agent' ? (
        <p className="note">{t('bpu.registered.agent', { agent: r.agentName ?? '' })}</p>
      ) : null}
      <Link to={bpuPath(r.kpj)}>{t('bpu.open')}</Link>
    </div>
  );
}

function FileDoneView({ result }: { result: BpuFileResult }) {
  const { t, language } = useI18n();
  const count = formatCount(result.registered, language);
  return (
    <div className="card stack" role="status">
      <p className="success">
        {result.agentName
          ? t('bpu.file.doneAgent', { count, agent: result.agentName })
          : t('bpu.file.done', { count })}
      </p>
      <DataTable
        caption={t('bpu.file.made')}
        rows={result.participants}
        rowKey={(p) => p.kpj}
        columns={(c) => [
          c.text('kpj', t('bpu.kpj'), (p) => <Link to={bpuPath(p.kpj)}>{p.kpj}</Link>, {
            className: 'mono',
            rowHeader: true,
          }),
          c.text('code', t('bpu.paymentCode'), (p) => p.paymentCode, { className: 'mono' }),
        ]}
      />
    </div>
  );
}

export function BpuStatus({ status, since }: { status: string; since?: string }) {
  const { t, language } = useI18n();
  const known = ['active', 'lapsed', 'ended', 'proposed', 'verified'];
  return (
    <span className="status-cell">
      <span className={`badge badge-participant-${status}`}>
        {known.includes(status) ? t(`participant.status.${status as 'active'}`) : status}
      </span>
      {since ? (
        <span className="muted status-since">
          {t('bpu.since', { date: formatDate(since.slice(0, 10), language) })}
        </span>
      ) : null}
    </span>
  );
}

function BpuTable({ rows }: { rows: BpuListItem[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="participant-table"
      caption={t('bpu.list.caption')}
      captionHidden
      rows={rows}
      rowKey={(r) => r.kpj}
      columns={(c) => [
        c.text('kpj', t('bpu.kpj'), (r) => <Link to={bpuPath(r.kpj)}>{r.kpj}</Link>, {
          className: 'mono',
          rowHeader: true,
        }),
        c.text('name', t('bpu.name'), (r) => r.fullName),
        c.text('nik', t('bpu.nik'), (r) => r.nik, { className: 'mono' }),
        c.text('village', t('bpu.village'), (r) => r.villageName),
        c.text('status', t('bpu.status'), (r) => <BpuStatus status={r.status} since={r.statusSince} />),
        c.text('paid', t('bpu.paidThrough'), (r) =>
          r.paidThrough ? (
            formatPeriod(r.paidThrough, language)
          ) : (
            <span className="muted">{t('bpu.notPaidYet')}</span>
          ),
        ),
        c.text('frequency', t('bpu.frequency'), (r) => t('bpu.frequency.n', { n: r.frequencyMonths })),
        c.text('code', t('bpu.paymentCode'), (r) =>
          r.collection === 'agent' ? t('bpu.byAgent', { agent: r.agentName ?? '' }) : r.paymentCode,
        ),
      ]}
    />
  );
}

export function BpuPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  // The cursors of the pages opened after the first (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [open, setOpen] = useState<'one' | 'file' | null>(null);
  const [registered, setRegistered] = useState<BpuRegistered | null>(null);
  const [fileDone, setFileDone] = useState<BpuFileResult | null>(null);
  const { state, reload } = useLoad(
    JSON.stringify([query, cursor, language]),
    async () => ({ ...(await listBpu(query, cursor)), query }),
    onUnauthenticated,
  );
  const canRegister = user.permissions.includes('bpu.register');
  const opening = (which: 'one' | 'file') => () => {
    setRegistered(null);
    setFileDone(null);
    setOpen(which);
  };
  const done = () => {
    setOpen(null);
    setCursors([]);
    reload();
  };
  return (
    <div className="stack participants-page">
      <PageHead title={t('bpu.title')} intro={t('bpu.intro')} />
      {registered ? <RegisteredView result={registered} /> : null}
      {fileDone ? <FileDoneView result={fileDone} /> : null}
      {open === 'one' ? (
        <BpuRegisterForm
          user={user}
          onCancel={() => setOpen(null)}
          onUnauthenticated={onUnauthenticated}
          onRegistered={(result) => {
            setRegistered(result);
            done();
          }}
        />
      ) : open === 'file' ? (
        <BpuFileForm
          user={user}
          onCancel={() => setOpen(null)}
          onUnauthenticated={onUnauthenticated}
          onDone={(result) => {
            setFileDone(result);
            done();
          }}
        />
      ) : canRegister ? (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={opening('one')}>
            <Icon name="user" />
            {t('bpu.register.open')}
          </button>
          <button type="button" className="button button-secondary" onClick={opening('file')}>
            <Icon name="upload" />
            {t('bpu.file.open')}
          </button>
        </div>
      ) : null}
      <SearchBar
        label={t('bpu.search')}
        spellCheck={false}
        onSearch={(q) => {
          setQuery(q);
          setCursors([]);
        }}
      />
      <LoadView state={state} retry={reload}>
        {(page) =>
          page.registrations.length === 0 ? (
            <p className="muted">{page.query ? t('bpu.noMatch', { q: page.query }) : t('bpu.empty')}</p>
          ) : (
            <>
              <FullViewNotice shown={page.personalDataInFull} />
              <BpuTable rows={page.registrations} />
              <Pager
                cursors={cursors}
                nextCursor={page.nextCursor}
                shown={page.registrations.length}
                total={page.total}
                pageSize={BPU_PAGE_SIZE}
                onChange={setCursors}
              />
            </>
          )
        }
      </LoadView>
    </div>
  );
}
