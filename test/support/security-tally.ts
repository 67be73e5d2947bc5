import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The attack suite's counts (test/security): each test adds what it tried and what it found, and
// the summary reporter prints the totals per database at the end of the run (issue 14: requests,
// principals, fuzzed bodies, 5xx, leaks). Test files run in workers, so the tally is a file.

export const TALLY_FILE = join(process.cwd(), 'test-artifacts', 'security', 'tally.jsonl');

export interface Tally {
  /** Requests sent by the attack. */
  requests?: number;
  /** Distinct principals (roles, users, anonymous) the requests were sent as. */
  principals?: number;
  /** Generated bodies sent by the fuzzer. */
  fuzzedBodies?: number;
  /** Answers with a 5xx status. */
  serverErrors?: number;
  /** Answers that revealed what the caller must not learn. */
  leaks?: number;
}

/** Records one attack's counts under the database the suite runs on (pglite or postgres). */
export function tally(attack: string, counts: Tally): void {
  const db = process.env.LINDUNG_TEST_DB ?? 'pglite';
  mkdirSync(dirname(TALLY_FILE), { recursive: true });
  appendFileSync(TALLY_FILE, `${JSON.stringify({ db, attack, ...counts })}\n`);
}
