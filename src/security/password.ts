import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt at the OWASP Password Storage Cheat Sheet's setting: N=2^17, r=8, p=1 (128 MiB per hash).
// It ships with Node: no native addon. Each hash stores its parameters, so a hash made with older
// ones still verifies, and needsRehash tells the log-in to upgrade it.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
/** Room for N=2^17, r=8 (128 MiB) and OpenSSL's own overhead. */
const MAXMEM = 256 * 1024 * 1024;
const MAX_N = 2 ** 20;

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
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `$scrypt$n=${N},r=${R},p=${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether the password matches the stored hash. Anything that is not a hash (an account waiting
 * for activation stores a marker) is checked against DUMMY_HASH, so every answer costs one KDF.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  let m = PHC.exec(stored);
  const usable = m !== null && Number(m[1]) <= MAX_N && Number(m[2]) <= 32 && Number(m[3]) <= 4;
  if (!usable) m = PHC.exec(DUMMY_HASH);
  const [, n, r, p, salt, hash] = m as RegExpExecArray;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(password, Buffer.from(salt!, 'base64'), Number(n), Number(r), Number(p));
  return usable && key.length === expected.length && timingSafeEqual(key, expected);
}

/** A stored hash made with weaker parameters than today's: hash the password again at log-in. */
export function needsRehash(stored: string): boolean {
  const m = PHC.exec(stored);
  return m !== null && (Number(m[1]) < N || Number(m[2]) < R || Number(m[3]) < P);
}

/** A hash of nothing at today's parameters, verified against for unknown users and accounts without a password. */
export const DUMMY_HASH = `$scrypt$n=${N},r=${R},p=${P}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
