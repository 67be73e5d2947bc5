// The national summary (issue 16, point 3): active participants by province and segment on a
// date, and claims paid by programme in a period, read from every member database at once
// through the national database's foreign tables. Each province's figures are its own branch
// reports' figures summed over its regencies: the same query text (db/federation.ts).
import {
  activeByProvince,
  listMembers,
  type Member,
  paidByProvince,
  withMember,
} from '../../db/federation.ts';
import { CLAIM_PROGRAMS, type ClaimProgram } from '../../db/report-claims.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { type CountAmount, checkPeriod } from '../reports/branch-report.ts';

export interface ActiveBySegment {
  formal: number;
  informal: number;
  construction: number;
  total: number;
}

export interface NationalFigures {
  active: ActiveBySegment;
  claims: Record<ClaimProgram, CountAmount>;
  claimsTotal: CountAmount;
}

export interface NationalProvince extends NationalFigures {
  member: string;
  provinceCode: string;
  provinceName: string;
}

export interface NationalSummary extends NationalFigures {
  asOf: string;
  from: string;
  to: string;
  generatedAt: string;
  members: Member[];
  provinces: NationalProvince[];
}

const emptyFigures = (): NationalFigures => ({
  active: { formal: 0, informal: 0, construction: 0, total: 0 },
  claims: Object.fromEntries(CLAIM_PROGRAMS.map((p) => [p, { count: 0, amountRp: 0 }])) as Record<
    ClaimProgram,
    CountAmount
  >,
  claimsTotal: { count: 0, amountRp: 0 },
});

/** The branch report's segments (branch-report.ts): PU formal, BPU informal, JAKON construction. */
const SEGMENT_FIELD: Record<string, keyof ActiveBySegment> = {
  PU: 'formal',
  BPU: 'informal',
  JAKON: 'construction',
};

export async function nationalSummary(
  deps: Deps,
  actor: Actor,
  input: { asOf: string; from?: string },
): Promise<NationalSummary> {
  requirePermission(actor, 'reports.read');
  // The nation is one record: outside the scope of anyone who does not see the whole country (404).
  if (!actor.regionScopes.includes('*')) throw new AppError('NOT_FOUND');
  if (deps.db.kind !== 'postgres') throw new AppError('NATIONAL_POSTGRES_ONLY');
  const from = input.from ?? `${input.asOf.slice(0, 4)}-01-01`;
  checkPeriod(from, input.asOf);
  const { members, active, paid } = await deps.db.transaction(async (tx) => {
    // One transaction: postgres_fdw holds one repeatable-read remote transaction per member for
    // it, so the counts and the claims of a member come from the same moment.
    const members = await listMembers(tx);
    return withMember(members, async () => ({
      members,
      active: await activeByProvince(tx, members, input.asOf),
      paid: await paidByProvince(tx, members, { from, to: input.asOf }),
    }));
  });
  const provinces = new Map<string, NationalProvince>();
  const province = (member: string, provinceCode: string, provinceName?: string) => {
    const key = `${member}/${provinceCode}`;
    let p = provinces.get(key);
    if (!p) {
      p = { member, provinceCode, provinceName: provinceName ?? provinceCode, ...emptyFigures() };
      provinces.set(key, p);
    }
    return p;
  };
  const total = emptyFigures();
  for (const row of active) {
    const p = province(row.member, row.provinceCode, row.provinceName);
    const field = SEGMENT_FIELD[row.segment];
    for (const f of [p, total]) {
      if (field) f.active[field] += row.n;
      f.active.total += row.n;
    }
  }
  for (const row of paid) {
    const p = province(row.member, row.provinceCode);
    for (const f of [p, total]) {
      const c = f.claims[row.program as ClaimProgram];
      if (c) {
        c.count += row.count;
        c.amountRp += row.amountRp;
      }
      f.claimsTotal.count += row.count;
      f.claimsTotal.amountRp += row.amountRp;
    }
  }
  return {
    asOf: input.asOf,
    from,
    to: input.asOf,
    generatedAt: deps.clock.now(),
    members,
    provinces: [...provinces.values()].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
    ...total,
  };
}
