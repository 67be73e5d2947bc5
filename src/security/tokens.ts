import { createHash, randomBytes } from 'node:crypto';

/** Session and API tokens: random, shown once, stored only as their SHA-256. */
export function newToken(prefix: 'lss' | 'lnd'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
