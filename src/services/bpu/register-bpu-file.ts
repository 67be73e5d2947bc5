// Many BPU mandiri workers from one file (issue 13 point 1), as a village or an agent hands them in:
// every row checked (NIK rules, village inside the upload's area and the caller's scope, duplicates
// in the file, an active membership a BPU cannot stand beside), then — only when no row has a
// problem — all registered in one statement set: persons, participants with KPJ, status rows,
// registrations with payment codes, and one audit row for the file.
import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import { agentPayer, bpuFileConflicts, insertBpuMembers, personalPayers } from '../../db/bpu.ts';
import { personProblems } from '../../db/employers.ts';
import { AppError } from '../../errors.ts';
import { can, requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { fieldErrors } from '../list-employers.ts';
import { type BpuFileRow, parseBpuFile } from './bpu-file.ts';

export const BPU_FILE_MAX_ROWS = 20_000;

export interface BpuFileInput {
  /** The upload's area: a village, kecamatan or regency the caller reaches. */
  regionCode: string;
  csv: string;
  /** A collector (agent) who collects every row's contributions; left out: each worker pays by code. */
  agentName?: string;
}

async function rowProblems(deps: Deps, actor: Actor, area: string, rows: BpuFileRow[], today: string) {
  const persons = await personProblems(deps.db, rows);
  const conflicts = await bpuFileConflicts(deps.db, {
    niks: rows.map((r) => r.nik),
    regionCodes: rows.map((r) => r.regionCode),
    programs: rows.map((r) => r.programs.join(',')),
    within: area,
    scopes: actor.regionScopes,
  });
  const seen = new Set<string>();
  return rows.flatMap((r, i) => {
    const problems = [
      ...r.problems,
      ...persons[i]!.map((p) => ({ field: p.split(':')[0]!, code: p.split(':')[1]! })),
    ];
    if (!conflicts[i]!.villageOk) problems.push({ field: 'kode_desa', code: 'REGION_NOT_FOUND' });
    if (conflicts[i]!.covered) problems.push({ field: 'nik', code: 'ALREADY_COVERED' });
    if (seen.has(r.nik)) problems.push({ field: 'nik', code: 'DUPLICATE_IN_FILE' });
    seen.add(r.nik);
    // A start before today carries over a member the branch already had; a village or an agent
    // registers from today only, so no cover is dated back to before an accident.
    if (r.since && (r.since > today || (r.since < today && !can(actor, 'coverage.update'))))
      problems.push({ field: 'mulai', code: 'VALIDATION_FAILED' });
    return problems.map((p) => ({ field: `row ${r.rowNumber}: ${p.field}`, code: p.code }));
  });
}

export async function registerBpuFile(deps: Deps, actor: Actor, input: BpuFileInput) {
  requirePermission(actor, 'bpu.register');
  const area = await requireInScope(deps.db, actor, 'local_region', input.regionCode);
  const rows = parseBpuFile(input.csv);
  if (rows.length === 0 || rows.length > BPU_FILE_MAX_ROWS)
    throw new AppError('VALIDATION_FAILED', { detail: `rows: 1–${BPU_FILE_MAX_ROWS}` });
  const at = deps.clock.now();
  const today = officeDate(at);
  const problems = await rowProblems(deps, actor, area.code, rows, today);
  if (problems.length > 0) throw fieldErrors(problems);
  const members = rows.map((r) => ({ ...r, since: r.since ?? today }));
  const agentName = input.agentName?.trim() || null;
  return deps.db.transaction(async (tx) => {
    const payerIds = agentName
      ? members.map(() => 0).fill(await agentPayer(tx, { name: agentName, regionCode: area.code, at }))
      : await personalPayers(tx, members, at);
    const made = await insertBpuMembers(tx, {
      members,
      payerIds,
      agentName,
      registeredOn: today,
      reason: agentName
        ? `BPU mandiri: registered from a file, collected by ${agentName}`
        : 'BPU mandiri: registered from a file',
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'bpu.register_file',
      entity: 'region',
      entityId: area.code,
      regionCode: area.code,
      after: {
        sha256: createHash('sha256').update(input.csv).digest('hex'),
        rows: rows.length,
        registered: made.length,
        agentName,
        kpjFirst: made[0]?.kpj ?? null,
        kpjLast: made.at(-1)?.kpj ?? null,
      },
    });
    return {
      registered: made.length,
      agentName,
      participants: made.map(({ kpj, paymentCode }) => ({ kpj, paymentCode })),
    };
  });
}
