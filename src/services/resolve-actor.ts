import { findOffice, regionsServedBy } from '../db/offices.ts';
import { findParticipantIdByKpj } from '../db/participants.ts';
import { findRegionName } from '../db/regions.ts';
import type { Queryable } from '../db/types.ts';
import type { UserRow } from '../db/users.ts';
import { type Actor, HEAD_OFFICE_PERMISSIONS, PERMISSIONS, type Role, type ScopeType } from './actor.ts';

/** Where a nationally scoped user's region browser opens. */
const DEFAULT_HOME_REGION = '53.04';

async function regionName(q: Queryable, code: string): Promise<string> {
  return (await findRegionName(q, code)) ?? code;
}

/** Turns a stored user into the Actor every service checks: role, scope and readable regions. */
export async function resolveActor(q: Queryable, u: UserRow): Promise<Actor> {
  const role = u.role as Role;
  const scopeType = u.scopeType as ScopeType;
  const base = {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role,
    permissions: PERMISSIONS[role],
  };
  if (scopeType === 'system') {
    return {
      ...base,
      scope: { type: 'system', code: null, name: 'Indonesia' },
      regionScopes: ['*'],
      homeRegion: DEFAULT_HOME_REGION,
    };
  }
  const code = u.scopeCode!;
  if (scopeType === 'region') {
    return {
      ...base,
      scope: { type: 'region', code, name: await regionName(q, code) },
      regionScopes: [code],
      homeRegion: code,
    };
  }
  if (scopeType === 'office') {
    const served = await regionsServedBy(q, code);
    const office = await findOffice(q, code);
    const headOffice = office?.level === 'head' ? (HEAD_OFFICE_PERMISSIONS[role] ?? []) : [];
    return {
      ...base,
      permissions: [...base.permissions, ...headOffice],
      scope: { type: 'office', code, name: office?.name ?? code },
      regionScopes: served,
      homeRegion: served[0] ?? null,
    };
  }
  // Employers and participants see their own records, found by their own keys, not by region.
  const own = { ...base, scope: { type: scopeType, code, name: code }, regionScopes: [], homeRegion: null };
  if (scopeType === 'participant') {
    // A participant account's scope code is its KPJ; self-service reads by the participant's id.
    const participantId = await findParticipantIdByKpj(q, code);
    if (participantId !== null) return { ...own, participantId };
  }
  return own;
}
