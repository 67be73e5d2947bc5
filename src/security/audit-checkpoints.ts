import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

// The checkpoint file (docs/security.md "Audit chain"): one JSON line per checkpoint, appended,
// never rewritten, outside the database. Each names one chain's head at a moment — the chain, its
// chain_seq and hash — and where keyed hashing begins in it, signed with the checkpoint key, which
// never enters the database. `audit verify` checks every checkpoint against the rows: a missing
// row is a truncated chain, another hash a re-hashed one. Version 1 lines, written while the
// database had one chain, name no chain: they are about the rows that became the 'legacy' chain.

export interface Checkpoint {
  v: 1 | 2;
  /** When it was written (ISO). */
  at: string;
  /** The chain (src/db/audit.ts); 'legacy' for a version 1 line. */
  chain: string;
  seq: number;
  hash: string;
  keyedFrom: number;
  sig: string;
}

const LEGACY_CHAIN = 'legacy';

function signature(key: Buffer, c: Omit<Checkpoint, 'sig'>): string {
  const chain = c.v === 1 ? '' : `|${c.chain}`;
  return createHmac('sha256', key)
    .update(`lindung-audit-checkpoint|${c.v}|${c.at}${chain}|${c.seq}|${c.hash}|${c.keyedFrom}`)
    .digest('hex');
}

export function signCheckpoint(key: Buffer, c: Omit<Checkpoint, 'v' | 'sig'>): Checkpoint {
  const body = { v: 2 as const, at: c.at, chain: c.chain, seq: c.seq, hash: c.hash, keyedFrom: c.keyedFrom };
  return { ...body, sig: signature(key, body) };
}

/** Appends one line per checkpoint, in one write, and forces them to disk before returning. */
export function appendCheckpoints(file: string, cs: readonly Checkpoint[]): void {
  if (cs.length === 0) return;
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, cs.map((c) => `${JSON.stringify(c)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function appendCheckpoint(file: string, c: Checkpoint): void {
  appendCheckpoints(file, [c]);
}

function verified(key: Buffer, value: unknown): Checkpoint | null {
  const c = value as Partial<Checkpoint> | null;
  const v = c?.v;
  if (
    (v !== 1 && v !== 2) ||
    !c ||
    (v === 2 && typeof c.chain !== 'string') ||
    typeof c.at !== 'string' ||
    !Number.isSafeInteger(c.seq) ||
    typeof c.hash !== 'string' ||
    !Number.isSafeInteger(c.keyedFrom) ||
    typeof c.sig !== 'string'
  )
    return null;
  const chain = v === 1 ? LEGACY_CHAIN : c.chain!;
  const body = { v, at: c.at, chain, seq: c.seq!, hash: c.hash, keyedFrom: c.keyedFrom! };
  const want = Buffer.from(signature(key, body), 'hex');
  const got = Buffer.from(c.sig, 'hex');
  return got.length === want.length && timingSafeEqual(got, want) ? { ...body, sig: c.sig } : null;
}

/**
 * The file's checkpoints whose signature holds, and the numbers (from 1) of the lines that are
 * not a validly signed checkpoint. No file yet: none of either.
 */
export function readCheckpoints(file: string, key: Buffer): { valid: Checkpoint[]; invalidLines: number[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { valid: [], invalidLines: [] };
    throw e;
  }
  const valid: Checkpoint[] = [];
  const invalidLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(line);
    } catch {
      // counted as invalid below
    }
    const c = verified(key, parsed);
    if (c) valid.push(c);
    else invalidLines.push(i + 1);
  });
  return { valid, invalidLines };
}
