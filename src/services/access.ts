import { AppError } from '../errors.ts';
import type { Actor, Permission } from './actor.ts';

// The one place a service asks whether the caller may act. Permissions are the union of the
// permission table (services/actor.ts), so a misspelt permission does not compile.

export type { Permission };

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

/** FORBIDDEN unless the actor's role holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** FORBIDDEN unless the actor's role holds at least one of the permissions. */
export function requireAnyPermission(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => can(actor, p))) throw new AppError('FORBIDDEN');
}
