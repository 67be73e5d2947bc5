import { auditHashesAt, type ChainBreak, type ChainReport, findChainBreak } from '../db/audit.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  appendCheckpoints,
  type Checkpoint,
  readCheckpoints,
  signCheckpoint,
} from '../security/audit-checkpoints.ts';
import type { Deps } from './actor.ts';

// The audit chains — one per regency, province-level rows per province, 'national', and the closed
// 'legacy' chain of the rows written before there were several — are checked two ways
// (docs/security.md "Audit chain"): every row's HMAC and link under the key kept outside the
// database, and every signed checkpoint written outside it, which pins the head a chain had then —
// so rows removed from the end, or a chain re-hashed with another key, are seen as well.

export interface CheckpointReport {
  /** The checkpoint file; null: none configured (PostgreSQL without LINDUNG_AUDIT_CHECKPOINTS, memory://). */
  file: string | null;
  count: number;
  /** Lines of the file that are not a validly signed checkpoint (edited, or torn by a crash). */
  invalidLines: number[];
}

export interface ChainVerdict extends ChainReport {
  /** The chain_seq of this chain's latest checkpoint; null: none yet. */
  checkpointSeq: number | null;
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

/** Each chain's checkpoint with the highest chain_seq. */
function latestPerChain(valid: readonly Checkpoint[]): Map<string, Checkpoint> {
  const latest = new Map<string, Checkpoint>();
  for (const c of valid) {
    const m = latest.get(c.chain);
    if (!m || c.seq > m.seq) latest.set(c.chain, c);
  }
  return latest;
}

const earliest = (bs: readonly (ChainBreak | null | undefined)[]) =>
  bs.filter((b): b is ChainBreak => !!b).sort((a, b) => a.chainSeq - b.chainSeq)[0] ?? null;

/** Per chain, the first checkpoint the database no longer agrees with. */
async function checkpointBreaks(db: Db, valid: readonly Checkpoint[], chains: readonly ChainReport[]) {
  const byChain = new Map(chains.map((c) => [c.chain, c]));
  const hashes = await auditHashesAt(db, valid);
  const breaks = new Map<string, ChainBreak>();
  for (const c of valid) {
    const hash = hashes.get(`${c.chain}:${c.seq}`) ?? null;
    const keyedFromSeq = byChain.get(c.chain)?.keyedFromSeq ?? c.keyedFrom;
    const b: ChainBreak | null =
      hash === null
        ? { chain: c.chain, id: null, chainSeq: c.seq, problem: 'truncated' }
        : hash !== c.hash
          ? { chain: c.chain, id: null, chainSeq: c.seq, problem: 'checkpoint_mismatch' }
          : c.keyedFrom !== keyedFromSeq
            ? { chain: c.chain, id: null, chainSeq: keyedFromSeq, problem: 'marker_moved' }
            : null;
    const first = earliest([breaks.get(c.chain), b]);
    if (first) breaks.set(c.chain, first);
  }
  return breaks;
}

/** A chain the checkpoints name but the database no longer holds at all. */
const vanished = (chain: string): ChainReport => ({
  chain,
  rows: 0,
  keyedFromSeq: 1,
  head: null,
  firstBreak: null,
});

function warningsOf(file: string | null, chains: readonly ChainVerdict[]): string[] {
  if (!file)
    return ['no checkpoint file (LINDUNG_AUDIT_CHECKPOINTS): rows removed from the end cannot be detected'];
  const uncovered = chains.filter((c) => c.head && (c.checkpointSeq ?? 0) < c.head.seq);
  if (uncovered.length === 0) return [];
  const named = uncovered
    .slice(0, 10)
    .map((c) =>
      c.checkpointSeq === null
        ? `${c.chain} (no checkpoint yet)`
        : `${c.chain} (after seq ${c.checkpointSeq})`,
    );
  const more = uncovered.length > 10 ? `, and ${uncovered.length - 10} more` : '';
  return [
    `rows not yet covered by a checkpoint (lindung audit checkpoint), whose removal from the end cannot be detected: ${named.join(', ')}${more}`,
  ];
}

/** Verifies every chain and reports each; ok only when none is broken and every checkpoint line is signed. */
export async function verifyAudit(deps: Deps) {
  const db = deps.db;
  const state = await findChainBreak(db);
  const cps = checkpointsOf(db);
  const known = new Set(state.chains.map((c) => c.chain));
  const all = [
    ...state.chains,
    ...[...new Set(cps.valid.map((c) => c.chain))].filter((c) => !known.has(c)).map(vanished),
  ].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  const atCheckpoint = await checkpointBreaks(db, cps.valid, all);
  const latest = latestPerChain(cps.valid);
  const chains = all.map(
    (c): ChainVerdict => ({
      ...c,
      firstBreak: earliest([c.firstBreak, atCheckpoint.get(c.chain)]),
      checkpointSeq: latest.get(c.chain)?.seq ?? null,
    }),
  );
  const firstBreak = chains.find((c) => c.firstBreak)?.firstBreak ?? null;
  return {
    ok: firstBreak === null && cps.invalidLines.length === 0,
    rows: state.rows,
    firstBreak,
    chains,
    checkpoints: {
      file: cps.file,
      count: cps.valid.length,
      invalidLines: cps.invalidLines,
    } satisfies CheckpointReport,
    warnings: warningsOf(cps.file, chains),
  };
}

/**
 * Appends a signed checkpoint of every chain whose head moved, after checking each chain's rows
 * written since its latest checkpoint (all of them the first time): nothing is signed while any
 * chain does not verify. Nothing is written when no file is configured or no head has moved.
 */
export async function writeAuditCheckpoint(deps: Deps) {
  const db = deps.db;
  const cps = checkpointsOf(db);
  if (!cps.file) return { written: false as const, reason: 'no_file' as const };
  const latest = latestPerChain(cps.valid);
  const broken = { written: false as const, reason: 'broken' as const, file: cps.file };
  const hashes = await auditHashesAt(db, [...latest.values()]);
  if ([...latest.values()].some((c) => hashes.get(`${c.chain}:${c.seq}`) !== c.hash)) return broken;
  const fromSeqs = new Map([...latest].map(([chain, c]) => [chain, c.seq + 1]));
  const state = await findChainBreak(db, { fromSeqs });
  if (state.firstBreak) return broken;
  const moved = state.chains.flatMap((c) => {
    const l = latest.get(c.chain);
    return c.head && (!l || c.head.seq > l.seq || l.keyedFrom !== c.keyedFromSeq)
      ? [{ ...c, head: c.head }]
      : [];
  });
  if (moved.length === 0) return { written: false as const, reason: 'unchanged' as const, file: cps.file };
  const at = deps.clock.now();
  appendCheckpoints(
    cps.file,
    moved.map((c) =>
      signCheckpoint(cps.key, {
        at,
        chain: c.chain,
        seq: c.head.seq,
        hash: c.head.hash,
        keyedFrom: c.keyedFromSeq,
      }),
    ),
  );
  return {
    written: true as const,
    file: cps.file,
    chains: moved.map((c) => ({ chain: c.chain, seq: c.head.seq })),
  };
}
