import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { findOffice } from '../db/offices.ts';
import { findRegionLevel } from '../db/regions.ts';
import type { Queryable } from '../db/types.ts';
import { findUserByUsername, insertApiToken, insertUser } from '../db/users.ts';
import { AppError } from '../errors.ts';
import { hashPassword } from '../security/password.ts';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from '../security/password-policy.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { requirePermission } from './access.ts';
import { type Actor, type Deps, ROLE_SCOPE, ROLES, type Role, type ScopeType } from './actor.ts';

export const NewUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 characters a-z 0-9 . _ -'),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  scope: z.string().trim().optional(),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});
export type NewUserInput = z.input<typeof NewUserInput>;

/** The level a region-scoped role must be attached to. */
const REGION_LEVEL: Partial<Record<Role, string>> = {
  district_officer: 'regency',
  village_operator: 'village',
};

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

async function resolveScope(q: Queryable, role: Role, scope: string | undefined) {
  const allowed = ROLE_SCOPE[role];
  const bad = () => new AppError('INVALID_SCOPE', { scope: scope ?? '-', role });
  if (!scope) {
    if (allowed.includes('system')) return { type: 'system' as ScopeType, code: null };
    throw bad();
  }
  if (REGION_CODE.test(scope)) {
    if (!allowed.includes('region')) throw bad();
    const level = await findRegionLevel(q, scope);
    if (!level) throw new AppError('REGION_NOT_FOUND', { code: scope });
    const need = REGION_LEVEL[role];
    if (need && level !== need) throw bad();
    return { type: 'region' as ScopeType, code: scope };
  }
  if (allowed.includes('office')) {
    if (!(await findOffice(q, scope))) throw new AppError('OFFICE_NOT_FOUND', { code: scope });
    return { type: 'office' as ScopeType, code: scope };
  }
  if (allowed.includes('employer')) return { type: 'employer' as ScopeType, code: scope };
  if (allowed.includes('participant')) return { type: 'participant' as ScopeType, code: scope };
  throw bad();
}

function parse(input: NewUserInput) {
  const p = NewUserInput.safeParse(input);
  if (!p.success) {
    const detail = p.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail }, p.error.issues);
  }
  return p.data;
}

/**
 * Creates a user; only an admin (or the server console acting as admin) may. The password must
 * pass the policy (security/password-policy.ts). `hashed` is the hash of input.password when the
 * caller already has it (the demo makes its users with one password and hashes it once).
 */
export async function addUser(deps: Deps, actor: Actor, input: NewUserInput, hashed?: string) {
  requirePermission(actor, 'users.manage');
  const u = parse(input);
  checkPasswordPolicy(u.password, [u.username, u.displayName]);
  const passwordHash = hashed ?? (await hashPassword(u.password));
  return deps.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, u.username)) throw new AppError('DUPLICATE', { detail: u.username });
    const scope = await resolveScope(tx, u.role, u.scope);
    const at = deps.clock.now();
    const row = { username: u.username, displayName: u.displayName, role: u.role, scopeType: scope.type };
    const id = await insertUser(tx, { ...row, scopeCode: scope.code, passwordHash, createdAt: at });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'user.create',
      entity: 'app_user',
      entityId: String(id),
      regionCode: scope.type === 'region' ? scope.code : null,
      after: { ...row, scopeCode: scope.code },
    });
    return { id, ...row, scopeCode: scope.code };
  });
}

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 366;

/**
 * Issues a bearer token for machine access; the token is shown once and stored hashed, and
 * expires after `days` (default 90, at most 366).
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  username: string,
  name: string,
  days = TOKEN_DEFAULT_DAYS,
) {
  requirePermission(actor, 'users.manage');
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', { detail: `days: a whole number from 1 to ${TOKEN_MAX_DAYS}` });
  }
  const label = name.trim();
  if (label.length < 1 || label.length > 80) {
    throw new AppError('VALIDATION_FAILED', { detail: 'name: 1–80 characters' });
  }
  return deps.db.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username.trim().toLowerCase());
    if (!user) throw new AppError('NOT_FOUND');
    const token = newToken('lnd');
    const at = deps.clock.now();
    const expiresAt = new Date(Date.parse(at) + days * 86_400_000).toISOString();
    const id = await insertApiToken(tx, {
      userId: user.id,
      name: label,
      tokenHash: hashToken(token),
      at,
      expiresAt,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'api_token.create',
      entity: 'app_user',
      entityId: String(user.id),
      after: { tokenId: id, name: label, expiresAt },
    });
    return { id, token, expiresAt };
  });
}
