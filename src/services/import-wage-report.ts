import { recordAudit } from '../db/audit.ts';
import type { EmployerRow } from '../db/employers.ts';
import type { Queryable } from '../db/types.ts';
import {
  applyWageRows,
  findRepeatedUpload,
  insertWageRows,
  insertWageUpload,
  invalidWageRows,
  setUploadSummary,
  uploadSummary,
  validateWageRows,
  WAGE_JOIN_PROGRAMS,
  type WageCounts,
  type WagePeriod,
  wageCounts,
} from '../db/wages.ts';
import { ERROR_CATALOG, type ErrorCode, formatMessage, type Lang } from '../errors.ts';
import { maskName, maskNik } from '../privacy/mask.ts';
import { precedenceTable } from '../rules/kepesertaan.ts';
import { requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { officeDate } from './clock.ts';
import { fieldErrors } from './list-employers.ts';
import { auditMembershipTakeOver } from './membership-takeover.ts';
import { requirePeriodNotFuture } from './time-guards.ts';
import { parseWageFile } from './wage-file/parse.ts';

export interface WageImportInput {
  npp: string;
  period: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun?: boolean;
  lang?: Lang;
}

export interface WageRowProblem {
  rowNumber: number;
  nik: string;
  fullName: string;
  errors: { field: string; code: string; message: string }[];
}

export interface WageImportResult {
  employer: { npp: string; name: string };
  period: string;
  upload: { id: number | null; fileName: string } & WageCounts;
  problems: WageRowProblem[];
  dryRun: boolean;
  /** The same file was already imported for this employer and period: nothing was written. */
  repeated: boolean;
  /** Earlier BPU memberships of joining workers that the PU joins ended (0 in a dry run). */
  endedMemberships: number;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

function periodBounds(period: string): { start: string; end: string } {
  const m = period.match(PERIOD);
  if (!m) throw fieldErrors([{ field: 'period', code: 'VALIDATION_FAILED', message: 'period: YYYY-MM' }]);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

async function problems(q: Queryable, actor: Actor, uploadId: number, lang: Lang): Promise<WageRowProblem[]> {
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  return (await invalidWageRows(q, uploadId)).map((r) => ({
    rowNumber: r.rowNumber,
    nik: unmasked ? r.nik : maskNik(r.nik),
    fullName: unmasked ? r.fullName : maskName(r.fullName),
    errors: r.errors.map((text) => {
      const [field = '', code = ''] = text.split(':');
      const message = code in ERROR_CATALOG ? formatMessage(code as ErrorCode, lang) : code;
      return { field, code, message };
    }),
  }));
}

class DryRun extends Error {
  constructor(readonly result: WageImportResult) {
    super('dry run');
  }
}

async function audit(
  tx: Queryable,
  actor: Actor,
  employer: EmployerRow,
  a: { uploadId: number; period: string; sha256: string; at: string; counts: WageCounts },
) {
  await recordAudit(tx, {
    at: a.at,
    actor: actor.username,
    action: 'wage_report.import',
    entity: 'employer',
    entityId: String(employer.id),
    regionCode: employer.regionCode,
    after: { npp: employer.npp, period: a.period, uploadId: a.uploadId, sha256: a.sha256, ...a.counts },
  });
}

/**
 * Imports an employer's monthly wage file: permission, the employer in scope (404 outside),
 * every row staged and validated set-based, then the valid rows applied — joins, leaves, wage
 * changes and the month's wage_report — with the audit row, all in one transaction. The same
 * file again changes nothing; the same content in another file finds every row unchanged.
 */
export async function importWageReport(
  deps: Deps,
  actor: Actor,
  input: WageImportInput,
): Promise<WageImportResult> {
  requirePermission(actor, 'employees.manage');
  const employer = await requireInScope(deps.db, actor, 'employer', input.npp);
  const bounds = periodBounds(input.period);
  const at = deps.clock.now();
  requirePeriodNotFuture(deps.clock, 'period', input.period);
  const file = await parseWageFile(input.bytes);
  const base = { employer: { npp: employer.npp, name: employer.name }, period: input.period };
  const lang = input.lang ?? 'id';
  const dryRun = input.dryRun ?? false;
  const earlier = await findRepeatedUpload(deps.db, employer.id, input.period, file.sha256);
  if (earlier && !dryRun) {
    const counts = await uploadSummary(deps.db, earlier);
    const upload = { id: earlier, fileName: input.fileName, ...counts };
    return {
      ...base,
      upload,
      problems: await problems(deps.db, actor, earlier, lang),
      dryRun,
      repeated: true,
      endedMemberships: 0,
    };
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const locked = await requireInScope(tx, actor, 'employer', input.npp, { lock: true });
      const uploadId = await insertWageUpload(tx, {
        employerId: locked.id,
        period: input.period,
        fileName: input.fileName.slice(0, 200),
        sha256: file.sha256,
        rows: file.rows.length,
        by: actor.username,
        at,
      });
      await insertWageRows(tx, uploadId, file.rows);
      const p: WagePeriod = { uploadId, employerId: locked.id, period: input.period, ...bounds };
      // One active membership per programme: a join beside PMI cover is refused per row with its
      // code; a BPU membership gives way to the PU join (src/rules/kepesertaan.ts).
      const precedence = precedenceTable({
        segment: 'PU',
        fundingSource: 'EMPLOYER',
        programs: WAGE_JOIN_PROGRAMS,
      });
      await validateWageRows(tx, p, precedence);
      const counts = await wageCounts(tx, uploadId);
      const result: WageImportResult = {
        ...base,
        upload: { id: dryRun ? null : uploadId, fileName: input.fileName, ...counts },
        problems: await problems(tx, actor, uploadId, lang),
        dryRun,
        repeated: false,
        endedMemberships: 0,
      };
      if (dryRun) throw new DryRun(result);
      const ended = await applyWageRows(tx, p, {
        actor: actor.username,
        at,
        kpjYear: Number(officeDate(at).slice(0, 4)),
        takesOver: precedence.takesOver,
      });
      for (const m of ended) await auditMembershipTakeOver(tx, actor, at, m, `wage report ${input.period}`);
      result.endedMemberships = ended.length;
      await setUploadSummary(tx, uploadId, counts);
      await audit(tx, actor, employer, { uploadId, period: input.period, sha256: file.sha256, at, counts });
      return result;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}
