import { describe, expect, it } from 'vitest';
import { type PersonalRecord, regionInScope, unmaskedFor } from '../../src/privacy/unmask.ts';
import { ROLES } from '../../src/services/actor.ts';

// The rule of issue 15, point 3, role by role: who sees NIK and names in full, on which record.
const KEWAR = '53.04.01.2001';
const batch = (status: string): PersonalRecord => ({ kind: 'enrolment_batch', regionCode: KEWAR, status });
const participant: PersonalRecord = { kind: 'participant', regionCode: KEWAR };
/** Each role at a scope that holds Kewar: its village, its regency, the branch's regencies, everything. */
const SCOPE_OF: Record<string, string[]> = {
  admin: ['*'],
  auditor: ['*'],
  district_officer: ['53.04'],
  branch_officer: ['53.04', '53.05'],
  branch_supervisor: ['53.04', '53.05'],
  village_operator: [KEWAR],
  employer: [],
  participant: [],
};

describe('who sees personal data in full', () => {
  it('per role, in scope: the verifiers and those who enter or pay for the person; no one else', () => {
    const seen = Object.fromEntries(
      ROLES.map((role) => [
        role,
        [participant, batch('draft'), batch('submitted'), batch('verified')].map((r) =>
          unmaskedFor(role, SCOPE_OF[role]!, r),
        ),
      ]),
    );
    expect(seen).toEqual({
      admin: [false, false, false, false],
      auditor: [false, false, false, false],
      // The district checks the batch it must verify and its regency's participants, nothing else.
      district_officer: [true, false, true, false],
      branch_officer: [true, true, true, true],
      branch_supervisor: [true, true, true, true],
      village_operator: [true, true, true, true],
      employer: [false, false, false, false],
      participant: [false, false, false, false],
    });
  });

  it('never a record outside the caller’s scope: another village, another regency', () => {
    const fulur: PersonalRecord = { kind: 'participant', regionCode: '53.04.01.2002' };
    expect(unmaskedFor('village_operator', [KEWAR], fulur)).toBe(false);
    expect(unmaskedFor('district_officer', ['53.05'], batch('submitted'))).toBe(false);
    expect(unmaskedFor('branch_officer', ['53.05'], participant)).toBe(false);
  });

  it('scope by code prefix, as SQL region_in_scope: 53.04 holds 53.04.01 but not 53.041', () => {
    expect(regionInScope('53.04.01', ['53.04'])).toBe(true);
    expect(regionInScope('53.041', ['53.04'])).toBe(false);
    expect(regionInScope('53.04', ['53.04'])).toBe(true);
    expect(regionInScope('53.04', ['*'])).toBe(true);
    expect(regionInScope('53.04', [])).toBe(false);
  });
});
