import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

// The checkpoint file (docs/security.md "Audit chain"): one JSON line per checkpoint, appended,
// never rewritten, outside the database. Each names the chain head at a moment — its chain_seq and
// hash — and where keyed hashing begins, signed with the checkpoint key, which never enters the
// database. `audit verify` checks every checkpoint against the rows: a missing row is a truncated
// chain, another hash a re-hashed one.

export interface Checkpoint {
  v: 1;
  /** When it was written (ISO). */
  at: string;
  seq: number;
  hash: string;
  keyedFrom: number;
  sig: string;
}

function signature(key: Buffer, c: Omit<Checkpoint, 'sig'>): string {
  return createHmac('sha256', key)
    .update(`lindung-audit-checkpoint|${c.v}|${c.at}|${c.seq}|${c.hash}|${c.keyedFrom}`)
    .digest('hex');
}

export function signCheckpoint(key: Buffer, c: Omit<Checkpoint, 'v' | 'sig'>): Checkpoint {
  const body = { v: 1 as const, at: c.at, seq: c.seq, hash: c.hash, keyedFrom: c.keyedFrom };
  return { ...body, sig: signature(key, body) };
}

/** Appends one line and forces it to disk before returning. */
export function appendCheckpoint(file: string, c: Checkpoint): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(c)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function verified(key: Buffer, value: unknown): Checkpoint | null {
  const c = value as Partial<Checkpoint> | null;
  if (
    c?.v !== 1 ||
    typeof c.at !== 'string' ||
    !Number.isSafeInteger(c.seq) ||
    typeof c.hash !== 'string' ||
    !Number.isSafeInteger(c.keyedFrom) ||
    typeof c.sig !== 'string'
  )
    return null;
  const body = { v: 1 as const, at: c.at, seq: c.seq!, hash: c.hash, keyedFrom: c.keyedFrom! };
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
