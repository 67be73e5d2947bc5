// Attaching a member database (a province's, or several provinces') to the national reporting
// database (issue 16, point 3). Only host, port and dbname are kept where others read them (the
// foreign server, the audit row, the output); the user and password go into the user mapping.
import { recordAudit } from '../../db/audit.ts';
import { attachMember, ensureFdw, listMembers, MEMBER_TABLES, type Member } from '../../db/federation.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export interface AttachInput {
  /** The member's name, letters, digits and '_' ('NTT'). */
  name: string;
  /** postgres://user[:password]@host[:port]/dbname of the member database. */
  url: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;

/** The target and the credentials of a member URL; the credentials never leave this service. */
function parseMemberUrl(url: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('VALIDATION_FAILED', { detail: 'url: postgres://user@host:port/dbname' });
  }
  const dbname = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!['postgres:', 'postgresql:'].includes(u.protocol) || !u.hostname || !dbname || !u.username)
    throw new AppError('VALIDATION_FAILED', { detail: 'url: postgres://user@host:port/dbname' });
  return {
    target: { host: u.hostname, port: Number(u.port || 5432), dbname },
    user: decodeURIComponent(u.username),
    password: u.password ? decodeURIComponent(u.password) : null,
  };
}

export async function attachNationalMember(
  deps: Deps,
  actor: Actor,
  input: AttachInput,
): Promise<{ member: Member; tables: string[] }> {
  requirePermission(actor, 'national.manage');
  if (deps.db.kind !== 'postgres') throw new AppError('NATIONAL_POSTGRES_ONLY');
  if (!NAME.test(input.name))
    throw new AppError('VALIDATION_FAILED', { detail: 'name: letters, digits and _ (e.g. NTT)' });
  const { target, user, password } = parseMemberUrl(input.url);
  const member: Member = { name: input.name.toUpperCase(), ...target };
  return deps.db.transaction(async (tx) => {
    await ensureFdw(tx);
    const before = (await listMembers(tx)).find((m) => m.name === member.name) ?? null;
    const { imported } = await attachMember(tx, { ...member, user, password });
    const missing = MEMBER_TABLES.filter((t) => !imported.includes(t));
    if (missing.length)
      throw new AppError('NATIONAL_MEMBER_NOT_LINDUNG', {
        target: `${target.host}:${target.port}/${target.dbname}`,
        tables: missing.join(', '),
      });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actor: actor.username,
      action: 'national.attach',
      entity: 'national_member',
      entityId: member.name,
      before: before ? { ...before } : null,
      after: { ...member, tables: imported },
    });
    return { member, tables: imported };
  });
}
