import { type DbConfig, dbConfigFromEnv, openDb } from '../db/connect.ts';
import type { Db } from '../db/types.ts';
import { AppError, isAppError, type Lang } from '../errors.ts';
import type { Deps } from '../services/actor.ts';
import { systemClock } from '../services/clock.ts';
import { regionsFromEnv } from '../services/load-regions.ts';
import { prepareDatabase } from '../services/prepare-database.ts';

export const EXIT_USAGE = 2;

export function cliLang(): Lang {
  return (process.env.LINDUNG_LANG ?? 'id').startsWith('en') ? 'en' : 'id';
}

/** Progress goes to stderr so --json output on stdout stays clean. */
export function progress(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

export async function openPrepared(config: DbConfig = dbConfigFromEnv(), quiet = false): Promise<Deps> {
  const db: Db = await openDb(config);
  await prepareDatabase(db, { provinces: regionsFromEnv(), onProgress: quiet ? undefined : progress });
  return { db, clock: systemClock };
}

/** Runs a command body with a prepared database; prints catalog errors in the CLI's language. */
export async function run(
  body: (deps: Deps) => Promise<void>,
  opts: { quiet?: boolean } = {},
): Promise<void> {
  let deps: Deps | null = null;
  try {
    deps = await openPrepared(dbConfigFromEnv(), opts.quiet ?? false);
    await body(deps);
  } catch (e) {
    fail(e);
  } finally {
    await deps?.db.close();
  }
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
