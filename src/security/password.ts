import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt at the OWASP Password Storage Cheat Sheet's setting: N=2^17, r=8, p=1 (128 MiB per hash).
// It ships with Node: no native addon. Each hash stores its parameters, so a hash made with older
// ones still verifies, and needsRehash tells the log-in to upgrade it.
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

/** What every deployment hashes at. */
export const PRODUCTION_COST: Readonly<ScryptCost> = Object.freeze({ n: 2 ** 17, r: 8, p: 1 });

/**
 * A test run's cost: the test suites make hundreds of users and log in thousands of times, and
 * at 2^17 each KDF takes seconds on a busy two-core CI machine. vitest.config.ts sets it for the
 * suites that do not measure the KDF; it counts only under NODE_ENV=test (vitest sets that), so a
 * deployment always hashes at PRODUCTION_COST.
 */
export const TEST_COST_ENV = 'LINDUNG_TEST_SCRYPT_N';
const MIN_TEST_N = 2 ** 10;

const KEY_LEN = 32;
/** Room for N=2^17, r=8 (128 MiB) and OpenSSL's own overhead. */
const MAXMEM = 256 * 1024 * 1024;
const MAX_N = 2 ** 20;

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** The cost new hashes are made at: PRODUCTION_COST unless a test run lowered it (TEST_COST_ENV). */
export function passwordCost(env: NodeJS.ProcessEnv = process.env): ScryptCost {
  const n = Number(env[TEST_COST_ENV]);
  const lowered = env.NODE_ENV === 'test' && isPowerOfTwo(n) && n >= MIN_TEST_N && n < PRODUCTION_COST.n;
  return lowered ? { ...PRODUCTION_COST, n } : PRODUCTION_COST;
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const PHC = /^\$scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/;

/** Self-describing PHC-style string: $scrypt$n=131072,r=8,p=1$<salt>$<hash>. */
export async function hashPassword(password: string): Promise<string> {
  const { n, r, p } = passwordCost();
  const salt = randomBytes(16);
  const key = await derive(password, salt, n, r, p);
  return `$scrypt$n=${n},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether the password matches the stored hash. Anything that is not a hash (an account waiting
 * for activation stores a marker) is checked against dummyHash(), so every answer costs one KDF.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  let m = PHC.exec(stored);
  const usable = m !== null && Number(m[1]) <= MAX_N && Number(m[2]) <= 32 && Number(m[3]) <= 4;
  if (!usable) m = PHC.exec(dummyHash());
  const [, n, r, p, salt, hash] = m as RegExpExecArray;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(password, Buffer.from(salt!, 'base64'), Number(n), Number(r), Number(p));
  return usable && key.length === expected.length && timingSafeEqual(key, expected);
}

/** A stored hash made with weaker parameters than today's: hash the password again at log-in. */
export function needsRehash(stored: string): boolean {
  const m = PHC.exec(stored);
  const { n, r, p } = passwordCost();
  return m !== null && (Number(m[1]) < n || Number(m[2]) < r || Number(m[3]) < p);
}

/**
 * A hash of nothing at today's cost, verified against for unknown users and accounts without a
 * password: as slow as a real user's hash made at the same cost.
 */
export function dummyHash(): string {
  const { n, r, p } = passwordCost();
  return `$scrypt$n=${n},r=${r},p=${p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}
