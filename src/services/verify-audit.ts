import { auditHashesAt, type ChainBreak, findChainBreak } from '../db/audit.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  appendCheckpoint,
  type Checkpoint,
  readCheckpoints,
  signCheckpoint,
} from '../security/audit-checkpoints.ts';
import type { Deps } from './actor.ts';

// The audit chain is checked two ways (docs/security.md "Audit chain"): every row's HMAC and link
// under the key kept outside the database, and every signed checkpoint written outside it, which
// pins the head the chain had then — so rows removed from the end, or a chain re-hashed with
// another key, are seen as well.

export interface CheckpointReport {
  /** The checkpoint file; null: none configured (PostgreSQL without LINDUNG_AUDIT_CHECKPOINTS, memory://). */
  file: string | null;
  count: number;
  latestSeq: number | null;
  /** Lines of the file that are not a validly signed checkpoint (edited, or torn by a crash). */
  invalidLines: number[];
}

function checkpointsOf(db: Db) {
  const keys = db.audit;
  if (!keys) throw new AppError('AUDIT_KEY_REQUIRED');
  const file = keys.checkpointsFile;
  return {
    file,
    key: keys.checkpointKey,
    ...(file ? readCheckpoints(file, keys.checkpointKey) : { valid: [], invalidLines: [] }),
  };
}

/** The first checkpoint (by chain_seq) the database no longer agrees with. */
async function checkpointBreak(
  db: Db,
  valid: Checkpoint[],
  keyedFromSeq: number,
): Promise<ChainBreak | null> {
  if (valid.length === 0) return null;
  const hashes = await auditHashesAt(db, [...new Set(valid.map((c) => c.seq))]);
  const breaks = valid.flatMap((c): ChainBreak[] => {
    const hash = hashes.get(c.seq) ?? null;
    if (hash === null) return [{ id: null, chainSeq: c.seq, problem: 'truncated' }];
    if (hash !== c.hash) return [{ id: null, chainSeq: c.seq, problem: 'checkpoint_mismatch' }];
    if (c.keyedFrom !== keyedFromSeq) return [{ id: null, chainSeq: keyedFromSeq, problem: 'marker_moved' }];
    return [];
  });
  return breaks.sort((a, b) => a.chainSeq - b.chainSeq)[0] ?? null;
}

export async function verifyAudit(deps: Deps) {
  const db = deps.db;
  const chain = await findChainBreak(db);
  const cps = checkpointsOf(db);
  const atCheckpoint = await checkpointBreak(db, cps.valid, chain.keyedFromSeq);
  const firstBreak =
    [chain.firstBreak, atCheckpoint]
      .filter((b): b is ChainBreak => b !== null)
      .sort((a, b) => a.chainSeq - b.chainSeq)[0] ?? null;
  const latestSeq = cps.valid.length ? Math.max(...cps.valid.map((c) => c.seq)) : null;
  const warnings: string[] = [];
  if (!cps.file)
    warnings.push(
      'no checkpoint file (LINDUNG_AUDIT_CHECKPOINTS): rows removed from the end cannot be detected',
    );
  else if (latestSeq === null && chain.rows > 0)
    warnings.push(
      'no checkpoint yet (lindung audit checkpoint): rows removed from the end cannot be detected',
    );
  else if (latestSeq !== null && chain.head && chain.head.seq > latestSeq)
    warnings.push(`rows after seq ${latestSeq} (the latest checkpoint) are not yet covered by a checkpoint`);
  return {
    ok: firstBreak === null && cps.invalidLines.length === 0,
    rows: chain.rows,
    firstBreak,
    keyedFromSeq: chain.keyedFromSeq,
    checkpoints: {
      file: cps.file,
      count: cps.valid.length,
      latestSeq,
      invalidLines: cps.invalidLines,
    } satisfies CheckpointReport,
    warnings,
  };
}

/**
 * Appends a signed checkpoint of the chain head, after checking the rows written since the latest
 * checkpoint (all of them the first time): a chain that does not verify is never signed. Nothing
 * is written when no file is configured or the head has not moved.
 */
export async function writeAuditCheckpoint(deps: Deps) {
  const db = deps.db;
  const cps = checkpointsOf(db);
  if (!cps.file) return { written: false as const, reason: 'no_file' as const };
  const latest = cps.valid.reduce<Checkpoint | null>((m, c) => (m && m.seq >= c.seq ? m : c), null);
  if (latest) {
    const now = (await auditHashesAt(db, [latest.seq])).get(latest.seq) ?? null;
    if (now !== latest.hash) return { written: false as const, reason: 'broken' as const, file: cps.file };
  }
  const chain = await findChainBreak(db, { fromSeq: latest ? latest.seq + 1 : 1 });
  if (chain.firstBreak) return { written: false as const, reason: 'broken' as const, file: cps.file };
  if (!chain.head || (latest && chain.head.seq <= latest.seq && latest.keyedFrom === chain.keyedFromSeq))
    return { written: false as const, reason: 'unchanged' as const, file: cps.file };
  const c = signCheckpoint(cps.key, {
    at: deps.clock.now(),
    seq: chain.head.seq,
    hash: chain.head.hash,
    keyedFrom: chain.keyedFromSeq,
  });
  appendCheckpoint(cps.file, c);
  return { written: true as const, file: cps.file, seq: c.seq };
}
