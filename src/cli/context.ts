import { dbConfigFromEnv, openDb } from '../db/connect.ts';
import { ensureOfficeMonthPartitions } from '../db/partitions.ts';
import type { Db } from '../db/types.ts';
import { AppError, isAppError, type Lang } from '../errors.ts';
import type { Deps } from '../services/actor.ts';
import { systemClock } from '../services/clock.ts';
import { regionsFromEnv } from '../services/load-regions.ts';
import { prepareDatabase } from '../services/prepare-database.ts';
import { writeAuditCheckpoint } from '../services/verify-audit.ts';
import { closeOnSignals } from './shutdown.ts';

export const EXIT_USAGE = 2;

export function cliLang(): Lang {
  return (process.env.LINDUNG_LANG ?? 'id').startsWith('en') ? 'en' : 'id';
}

/** Progress goes to stderr so --json output on stdout stays clean. */
export function progress(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

/** Migrates and loads reference data as needed; progress on stderr unless quiet. */
export async function prepare(db: Db, quiet = false): Promise<Deps> {
  await prepareDatabase(db, { provinces: regionsFromEnv(), onProgress: quiet ? undefined : progress });
  // This month's ledger and claim event partitions and the next two's (0035, 0036).
  await ensureOfficeMonthPartitions(db, systemClock.now());
  return { db, clock: systemClock };
}

/**
 * Appends a signed checkpoint when the audit chain's head moved; a broken chain is not signed but
 * said loudly. Without a key or a checkpoint file nothing happens.
 */
export async function checkpointAudit(deps: Deps): Promise<void> {
  if (!deps.db.audit?.checkpointsFile) return;
  try {
    const r = await writeAuditCheckpoint(deps);
    if (!r.written && r.reason === 'broken')
      progress('warning: the audit chain does not verify; no checkpoint written (lindung audit verify)');
  } catch (e) {
    progress(`warning: no audit checkpoint written: ${(e as Error).message}`);
  }
}

/**
 * Runs a command body with a prepared database; prints catalog errors in the CLI's language.
 * `reports`: the command reads reports, so DATABASE_READ_URL's replica is opened too.
 */
export async function run(
  body: (deps: Deps) => Promise<void>,
  opts: { quiet?: boolean; reports?: boolean } = {},
): Promise<void> {
  let db: Db | null = null;
  let failure: unknown = null;
  try {
    const opened = await openDb(dbConfigFromEnv(), { reports: opts.reports ?? false });
    db = opened;
    closeOnSignals(() => opened.close());
    const deps = await prepare(opened, opts.quiet ?? false);
    await body(deps);
    // What the command wrote is pinned outside the database at once (docs/security.md "Audit chain").
    await checkpointAudit(deps);
  } catch (e) {
    failure = e;
  }
  await db?.close().catch(() => undefined);
  if (failure) fail(failure);
}

export function fail(e: unknown): never {
  if (isAppError(e)) {
    process.stderr.write(`error ${e.code}: ${e.localized(cliLang())}\n`);
    process.exit(e.code === 'VALIDATION_FAILED' ? EXIT_USAGE : 1);
  }
  process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function usageError(detail: string): never {
  fail(new AppError('VALIDATION_FAILED', { detail }));
}
