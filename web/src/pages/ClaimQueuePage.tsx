import { useState } from 'react';
import {
  CLAIMS_PAGE_SIZE,
  type Claim,
  type ClaimProgram,
  type ClaimStatus,
  listClaims,
  listClaimsIn,
} from '../api/claims.ts';
import type { User } from '../api/types.ts';
import { Icon } from '../components/Icon.tsx';
import { KeysetPager } from '../components/KeysetPager.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { ClaimStatusBadge, pick, safeDate } from './ClaimStatus.tsx';
import { useClaimCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';
import '../claims.css';
import { DataTable } from '../components/DataTable.tsx';
import { SelectField } from '../components/FormFields.tsx';

// The maker's queue (the branch officer's claims to complete, submit and batch) and the
// checker's queue (claims waiting for the supervisor's decision), oldest SLA due first; a
// claim still open after its due date (WITA) is marked overdue.

export const CLAIMS_PATH = '/klaim';
export const CLAIM_CHECK_PATH = '/persetujuan-klaim';
export const CLAIM_NEW_PATH = '/klaim/baru';

export type QueueMode = 'maker' | 'checker';

const QUEUES: Record<QueueMode, readonly ClaimStatus[]> = {
  maker: ['filed', 'submitted', 'approved'],
  checker: ['submitted', 'appealed'],
};

export function claimPath(mode: QueueMode, id: number): string {
  return `${mode === 'checker' ? CLAIM_CHECK_PATH : CLAIMS_PATH}/${id}`;
}

/** `queue` = the mode's own statuses together; '' = every status (paged); else one status. */
type StatusChoice = 'queue' | '' | ClaimStatus;

export function ClaimTable({ claims, caption, mode }: { claims: Claim[]; caption: string; mode: QueueMode }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="claim-table"
      caption={caption}
      rows={claims}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ className: c.overdue ? 'claim-overdue' : undefined, 'data-claim': c.number })}
      columns={(c) => [
        c.text(
          'number',
          t('claim.number'),
          (c) => (
            <Link to={claimPath(mode, c.id)} className="invoice-link">
              {c.number}
            </Link>
          ),
          { rowHeader: true },
        ),
        c.text('participant', t('claim.participant'), (c) => (
          <>
            {c.participantName}
            <span className="muted mono"> · {c.kpj}</span>
          </>
        )),
        c.text('program', t('claim.program'), (c) => (
          <>
            {c.program} · {pick(c.kindLabel, language)}
          </>
        )),
        c.text('eventDate', t('claim.eventDate'), (c) => safeDate(c.eventDate, language)),
        c.num('amount', t('claim.amount'), (c) =>
          c.amountRp === null ? '–' : formatRupiah(c.amountRp, language),
        ),
        c.text('status', t('claim.status'), (c) => <ClaimStatusBadge status={c.status} />),
        c.text('slaDue', t('claim.slaDue'), (c) => (
          <>
            {c.slaDueDate ? safeDate(c.slaDueDate, language) : <span className="muted">–</span>}
            {c.overdue ? <span className="badge claim-overdue-badge">{t('claim.overdue')}</span> : null}
          </>
        )),
      ]}
    />
  );
}

export function ClaimQueuePage({
  user,
  mode,
  onUnauthenticated,
}: {
  user: User;
  mode: QueueMode;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<StatusChoice>('queue');
  const [program, setProgram] = useState<ClaimProgram | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const catalog = useClaimCatalog();
  // The cursors of the pages after the first that were opened (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const offset = cursors.length * CLAIMS_PAGE_SIZE;
  const filter = { program: program || null, overdue: overdueOnly ? true : null };
  const { state, reload } = useLoad(
    JSON.stringify([mode, status, program, overdueOnly, cursor, language]),
    async () => {
      if (status === 'queue') {
        const merged = await listClaimsIn(QUEUES[mode], filter);
        return { ...merged, total: merged.claims.length, nextCursor: null, paged: false };
      }
      const page = await listClaims({ ...filter, status: status || null, cursor });
      return { ...page, truncated: false, paged: true };
    },
    onUnauthenticated,
  );
  const canFile = mode === 'maker' && user.permissions.includes('claims.file');
  const choose = (next: () => void) => {
    next();
    setCursors([]);
  };

  return (
    <div className="stack claims-page">
      <PageHead
        title={t(mode === 'checker' ? 'claims.check.title' : 'claims.title')}
        intro={t(mode === 'checker' ? 'claims.check.intro' : 'claims.intro')}
      />
      {canFile ? (
        <div className="button-row">
          <Link to={CLAIM_NEW_PATH} className="button button-primary">
            <Icon name="claim" />
            {t('claims.new')}
          </Link>
        </div>
      ) : null}
      <search>
        <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label={t('claims.filter.status')}
            value={status}
            onChange={(text) => choose(() => setStatus(text as StatusChoice))}
          >
            <option value="queue">
              {t(mode === 'checker' ? 'claims.filter.checkQueue' : 'claims.filter.makeQueue')}
            </option>
            <option value="">{t('claims.filter.all')}</option>
            {(catalog?.statuses ?? []).map((s) => (
              <option key={s} value={s}>
                {t(`claim.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('claim.program')}
            value={program}
            onChange={(text) => choose(() => setProgram(text as ClaimProgram | ''))}
          >
            <option value="">{t('claims.filter.all')}</option>
            {(catalog?.programs ?? []).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={overdueOnly}
              onChange={(event) => choose(() => setOverdueOnly(event.target.checked))}
            />
            {t('claims.filter.overdue')}
          </label>
        </form>
      </search>
      <LoadView state={state} retry={reload}>
        {(data) =>
          data.claims.length === 0 ? (
            <p className="muted">{t('claims.empty')}</p>
          ) : (
            <>
              <ClaimTable
                claims={data.claims}
                mode={mode}
                caption={t('claims.count', {
                  count: formatCount(data.paged ? data.total : data.claims.length, language),
                })}
              />
              {data.paged ? (
                <>
                  <p className="result-range" role="status">
                    {t('list.range', {
                      from: formatCount(offset + 1, language),
                      to: formatCount(offset + data.claims.length, language),
                      total: formatCount(data.total, language),
                    })}
                  </p>
                  <KeysetPager cursors={cursors} nextCursor={data.nextCursor} onChange={setCursors} />
                </>
              ) : null}
              {data.truncated ? <p className="muted">{t('claims.queueTruncated')}</p> : null}
            </>
          )
        }
      </LoadView>
    </div>
  );
}
