import { findChainBreak } from '../db/audit.ts';
import type { Deps } from './actor.ts';

export async function verifyAudit(deps: Deps) {
  const { rows, firstBreak } = await findChainBreak(deps.db);
  return { ok: firstBreak === null, rows, firstBreak };
}
