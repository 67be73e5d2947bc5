// One person, one active membership per programme: each pair of segments, decided by hand from the
// precedence in src/rules/kepesertaan.ts (PU over self-paid BPU over publicly funded BPU; JAKON
// project cover beside PU or another project).
import { describe, expect, it } from 'vitest';
import {
  decideMembership,
  type Membership,
  mayHoldBoth,
  membershipRank,
  precedenceTable,
} from '../../src/rules/kepesertaan.ts';

const PU: Membership = { segment: 'PU', fundingSource: 'EMPLOYER', programs: ['JKK', 'JKM', 'JHT', 'JP'] };
const JAKON: Membership = { segment: 'JAKON', fundingSource: 'EMPLOYER', programs: ['JKK', 'JKM'] };
const BPU_SELF: Membership = { segment: 'BPU', fundingSource: 'SELF', programs: ['JKK', 'JKM'] };
const BPU_DESA: Membership = { segment: 'BPU', fundingSource: 'APBDES', programs: ['JKK', 'JKM'] };
const BPU_KAB: Membership = { segment: 'BPU', fundingSource: 'APBD', programs: ['JKK', 'JKM'] };
const PMI: Membership = { segment: 'PMI', fundingSource: 'SELF', programs: ['JKK', 'JKM'] };

describe('membership precedence', () => {
  it('ranks PU, JAKON, PMI, self-paid BPU, then village- or regency-funded BPU', () => {
    expect([PU, JAKON, PMI, BPU_SELF, BPU_DESA, BPU_KAB].map(membershipRank)).toEqual([1, 2, 3, 4, 5, 5]);
  });

  it('a village batch refuses a person already in PU, with ALREADY_PU', () => {
    expect(decideMembership(PU, BPU_DESA)).toEqual({ kind: 'refused', code: 'ALREADY_PU' });
  });

  it('a village batch refuses a person on a construction project, with ALREADY_JAKON', () => {
    expect(decideMembership(JAKON, BPU_DESA)).toEqual({ kind: 'refused', code: 'ALREADY_JAKON' });
  });

  it('a village batch refuses a self-paid or another village-funded BPU member, with ALREADY_COVERED', () => {
    expect(decideMembership(BPU_SELF, BPU_DESA)).toEqual({ kind: 'refused', code: 'ALREADY_COVERED' });
    expect(decideMembership(BPU_KAB, BPU_DESA)).toEqual({ kind: 'refused', code: 'ALREADY_COVERED' });
  });

  it('a village batch refuses a migrant worker, with ALREADY_PMI', () => {
    expect(decideMembership(PMI, BPU_DESA)).toEqual({ kind: 'refused', code: 'ALREADY_PMI' });
  });

  it("an employer's registration takes over from a village-funded or self-paid BPU membership", () => {
    expect(decideMembership(BPU_DESA, PU)).toEqual({ kind: 'takes_over' });
    expect(decideMembership(BPU_SELF, PU)).toEqual({ kind: 'takes_over' });
  });

  it('self-paid BPU takes over from village-funded BPU, never the reverse', () => {
    expect(decideMembership(BPU_DESA, BPU_SELF)).toEqual({ kind: 'takes_over' });
    expect(decideMembership(BPU_SELF, BPU_DESA).kind).toBe('refused');
  });

  it('JAKON project cover may sit beside PU and beside another project, both ways', () => {
    expect(decideMembership(PU, JAKON)).toEqual({ kind: 'allowed' });
    expect(decideMembership(JAKON, PU)).toEqual({ kind: 'allowed' });
    expect(decideMembership(JAKON, JAKON)).toEqual({ kind: 'allowed' });
  });

  it('a second employer registers its own PU membership (two jobs)', () => {
    expect(decideMembership(PU, PU)).toEqual({ kind: 'allowed' });
  });

  it('JAKON never ends a BPU membership: it is refused beside one', () => {
    expect(decideMembership(BPU_DESA, JAKON)).toEqual({ kind: 'refused', code: 'ALREADY_COVERED' });
  });

  it('memberships without a common programme do not conflict', () => {
    const jhtOnly: Membership = { segment: 'BPU', fundingSource: 'SELF', programs: ['JHT'] };
    expect(mayHoldBoth(jhtOnly, BPU_DESA)).toBe(true);
    expect(mayHoldBoth(BPU_SELF, BPU_DESA)).toBe(false);
  });
});

describe('precedence table for set-based SQL', () => {
  it('PU takes over every BPU kind, is refused beside PMI, and sits beside PU and JAKON', () => {
    const t = precedenceTable(PU);
    expect(t.takesOver).toEqual([
      'BPU:SELF',
      'BPU:EMPLOYER',
      'BPU:APBN',
      'BPU:APBD',
      'BPU:APBDES',
      'BPU:CSR',
    ]);
    expect(new Set(t.refused.map((r) => r.code))).toEqual(new Set(['ALREADY_PMI']));
    expect(t.refused.some((r) => r.key.startsWith('PU:') || r.key.startsWith('JAKON:'))).toBe(false);
  });
});
