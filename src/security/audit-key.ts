import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors.ts';

// The audit key (docs/security.md "Audit chain"): kept outside the database, so that nobody who
// can only write the database can rewrite the audit chain and make it verify. Two keys are derived
// from it: the row key, which the database session holds to compute each row's HMAC in the chain
// trigger (set-based, no row passes through JavaScript), and the checkpoint key, which never
// enters the database and signs the chain heads written to the checkpoint file.

/** The least a LINDUNG_AUDIT_KEY must have: 32 characters (`openssl rand -hex 32` gives 64). */
export const AUDIT_KEY_MIN_LENGTH = 32;

export interface AuditKeys {
  /**
   * HMAC-SHA256 of the row key as the database computes it: the 64-byte block of the key XOR ipad,
   * then XOR opad, as 256 hex digits (session setting lindung.audit_mac, audit_row_mac()).
   */
  rowPads: string;
  /** Signs the checkpoints; stays in this process. */
  checkpointKey: Buffer;
  /** Where the signed chain heads are appended; null when none is configured. */
  checkpointsFile: string | null;
  /** Where the key came from: LINDUNG_AUDIT_KEY, the key file beside the data folder, or this process (memory://). */
  source: 'env' | 'file' | 'process';
}

export interface AuditKeyConfig {
  /** LINDUNG_AUDIT_KEY */
  auditKey?: string | undefined;
  /** LINDUNG_AUDIT_CHECKPOINTS */
  auditCheckpoints?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir: string;
}

const BLOCK = 64;

function pads(rowKey: Buffer): string {
  const block = Buffer.alloc(BLOCK);
  rowKey.copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36));
  const opad = Buffer.from(block.map((b) => b ^ 0x5c));
  return Buffer.concat([ipad, opad]).toString('hex');
}

/** The two keys derived from the master key; the row key can not give the checkpoint key. */
export function deriveAuditKeys(master: string, checkpointsFile: string | null, source: AuditKeys['source']) {
  if (master.length < AUDIT_KEY_MIN_LENGTH)
    throw new AppError('AUDIT_KEY_INVALID', { min: AUDIT_KEY_MIN_LENGTH });
  const derive = (label: string) => createHmac('sha256', master).update(label).digest();
  return {
    rowPads: pads(derive('lindung audit rows v1')),
    checkpointKey: derive('lindung audit checkpoints v1'),
    checkpointsFile,
    source,
  } satisfies AuditKeys;
}

/**
 * The key file: `.lindung-audit-key` in the folder that holds the data folder — beside it, not in
 * it, so a backup of the data folder never carries its key, and a backup restored into a sibling
 * folder (`./data-restored`) verifies with the same key.
 */
export function auditKeyFile(dataDir: string): string {
  return join(dirname(resolve(dataDir)), '.lindung-audit-key');
}

/** The checkpoint file of one database: `<data folder>.audit-checkpoints`, beside the folder. */
export function checkpointsFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.audit-checkpoints`;
}

/** Reads the key file, or creates it (readable by its owner only) when there is none yet. */
function keyFile(path: string): string {
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(path, 'utf8').trim();
}

let processKey: string | null = null;

/**
 * The audit keys of a database: LINDUNG_AUDIT_KEY when set; otherwise, for an embedded data
 * folder, the key file beside it (auditKeyFile, made on first use); for memory:// a key of this
 * process. A
 * PostgreSQL database without LINDUNG_AUDIT_KEY has none (null): its audit log cannot be written
 * (AUDIT_KEY_REQUIRED), since a key made on one machine would not be the key of the others.
 */
export function resolveAuditKeys(config: AuditKeyConfig): AuditKeys | null {
  const memory = !config.databaseUrl && config.dataDir.startsWith('memory://');
  const embedded = !config.databaseUrl && !memory && config.dataDir !== '';
  const checkpoints = config.auditCheckpoints || (embedded ? checkpointsFileOf(config.dataDir) : null);
  if (config.auditKey) return deriveAuditKeys(config.auditKey, checkpoints, 'env');
  if (embedded) return deriveAuditKeys(keyFile(auditKeyFile(config.dataDir)), checkpoints, 'file');
  if (memory) {
    processKey ??= randomBytes(32).toString('hex');
    return deriveAuditKeys(processKey, checkpoints, 'process');
  }
  return null;
}
