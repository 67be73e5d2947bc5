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

export const PERMISSIONS: Record<Role, readonly string[]> = {
  admin: ['regions.read', 'users.manage', 'audit.read'],
  auditor: ['regions.read', 'audit.read'],
  district_officer: ['regions.read'],
  branch_officer: ['regions.read'],
  branch_supervisor: ['regions.read'],
  village_operator: ['regions.read'],
  employer: ['regions.read'],
  participant: ['regions.read'],
};

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
  permissions: readonly string[];
}

export interface Deps {
  db: Db;
  clock: Clock;
}

export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.includes(permission);
}
