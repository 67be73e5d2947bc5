import type { Db } from '../db/types.ts';
import type { Clock } from './clock.ts';

export const ROLES = [
  'admin',
  'auditor',
  'district_officer',
  'branch_officer',
  'branch_supervisor',
  'village_operator',
  'employer',
  'participant',
] as const;
export type Role = (typeof ROLES)[number];

export type ScopeType = 'system' | 'region' | 'office' | 'employer' | 'participant';

/** Which scope each role takes (DESIGN.md "Who uses it"). */
export const ROLE_SCOPE: Record<Role, readonly ScopeType[]> = {
  admin: ['system'],
  auditor: ['system', 'region', 'office'],
  district_officer: ['region'],
  branch_officer: ['office'],
  branch_supervisor: ['office'],
  village_operator: ['region'],
  employer: ['employer'],
  participant: ['participant'],
};

const READ = ['regions.read', 'participants.read'] as const;

export const PERMISSIONS = {
  admin: [
    ...READ,
    'users.manage',
    'audit.read',
    'billing.read',
    'employers.read',
    'business_types.manage',
    'jht.rates.manage',
    'reports.read',
    'workforce.manage',
    // attaches member databases to the national reporting database (issue 16, point 3)
    'national.manage',
  ],
  auditor: [
    ...READ,
    'audit.read',
    'billing.read',
    'employers.read',
    'agreements.read',
    'claims.read',
    'payouts.read',
    'jht.read',
    'reports.read',
  ],
  district_officer: [
    ...READ,
    'enrolment.upload',
    'enrolment.verify',
    'membership.verify',
    'billing.read',
    'employers.read',
    'agreements.manage',
    'agreements.read',
    'reports.read',
    'workforce.manage',
  ],
  branch_officer: [
    ...READ,
    'enrolment.activate',
    'membership.apply',
    'billing.run',
    'payments.post',
    'billing.read',
    'employers.manage',
    'employers.read',
    'employees.manage',
    // registers migrant workers (PMI) and their placement agency (P3MI); issue 13
    'pmi.register',
    // registers self-paying informal workers (BPU mandiri) and takes their payments; issue 13
    'bpu.register',
    'bpu.pay',
    'agreements.read',
    'coverage.update',
    'claims.file',
    'claims.read',
    'participants.activation_code',
    'persons.correct',
    'membership.review',
    'payouts.manage',
    'payouts.read',
    'jht.manage',
    'jht.read',
    'reports.read',
  ],
  branch_supervisor: [
    ...READ,
    'membership.review',
    'billing.read',
    'payments.reverse',
    'employers.read',
    'agreements.read',
    'coverage.update',
    'periods.close',
    'claims.read',
    'claims.decide',
    'persons.correct',
    'persons.correct.decide',
    'payouts.approve',
    'payouts.read',
    'jht.manage',
    'jht.read',
    'reports.read',
  ],
  // reports.read: the district dashboard limited to their own village
  // persons.correct: proposes corrections of a person's data; a branch supervisor decides (issue 12)
  village_operator: [
    ...READ,
    'enrolment.upload',
    'enrolment.submit',
    'membership.propose',
    // registers the village's self-paying workers (BPU mandiri) and takes their payments as an agent
    'bpu.register',
    'bpu.pay',
    'billing.read',
    'reports.read',
    'persons.correct',
  ],
  employer: ['regions.read', 'employers.read', 'employees.manage'],
  participant: ['regions.read', 'claims.file', 'self_service.read'],
} as const satisfies Record<Role, readonly string[]>;

/** Every permission some role holds; the table above is the one list, so a typo does not compile. */
export type Permission = (typeof PERMISSIONS)[Role][number];

/**
 * National parameters (the JHT return rate): the same for every branch, so set by the head office
 * only. A role holds these on top of its own list only when its office is the head office (Kantor
 * Pusat, office level 'head'); the same role at a regional or branch office does not. The admin
 * (system scope) holds them in its own list.
 */
export const HEAD_OFFICE_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  branch_supervisor: ['jht.rates.manage'],
};

/** Roles that see NIK and names unmasked in lists: those who enter or pay for the person. */
export const SEES_PERSONAL_DATA: readonly Role[] = [
  'village_operator',
  'branch_officer',
  'branch_supervisor',
];

/** The authenticated caller as every service sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  scope: { type: ScopeType; code: string | null; name: string };
  /** Region codes the actor may read at and below; ['*'] for the whole country. */
  regionScopes: string[];
  /** Where the region browser starts. */
  homeRegion: string | null;
  permissions: readonly Permission[];
  /** Role participant: the participant's own id; self-service claims may name only this one. */
  participantId?: number;
}

export interface Deps {
  db: Db;
  clock: Clock;
}
