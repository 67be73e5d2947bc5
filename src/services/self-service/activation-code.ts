// One-time activation codes for participant accounts. The branch prints a code on the
// participant's activation letter; the participant sets a password with KPJ + code.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import {
  findParticipantUserId,
  insertActivationCode,
  revokeLiveCodes,
} from '../../db/participant-accounts.ts';
import { insertUser } from '../../db/users.ts';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../security/password.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export const ACTIVATION_CODE_DAYS = 90;
/** Wrong tries after which a code is burnt (a new letter is needed): guessing cannot succeed. */
export const ACTIVATION_CODE_MAX_TRIES = 5;
/** Stored for an account whose password is not set yet: no password ever verifies against it. */
export const NO_PASSWORD_YET = '!activation-pending';

// 32 symbols without 0/O and 1/I, which are misread on paper; 32 divides 256, so `byte & 31` is uniform.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 12; // 60 bits

/** A fresh code, printed in groups of four: 'K7QM-4XHT-9PZC'. */
export function newActivationCode(): string {
  const chars = [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What the participant typed, as hashed: upper case, without spaces or dashes. */
export function normalizeActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export interface IssuedCode {
  participantId: number;
  kpj: string;
  /** Shown once (printed on the letter); only its hash is stored. */
  code: string;
  expiresAt: string;
  accountCreated: boolean;
}

/**
 * Issues a new one-time code for a participant in the caller's scope, creating the participant's
 * account (username = KPJ, no usable password) the first time. A new code revokes the previous
 * live one; issuing one for an account that already has a password lets the participant reset it.
 */
export async function issueActivationCode(
  deps: Deps,
  actor: Actor,
  participantId: number,
): Promise<IssuedCode> {
  requirePermission(actor, 'participants.activation_code');
  const code = newActivationCode();
  const codeHash = await hashPassword(normalizeActivationCode(code));
  return deps.db.transaction(async (tx) => {
    const pa = await requireInScope(tx, actor, 'participant', participantId);
    if (pa.status === 'proposed' || pa.status === 'verified') {
      throw new AppError('PARTICIPANT_NOT_ACTIVE', { kpj: pa.kpj, status: pa.status });
    }
    const at = deps.clock.now();
    const expiresAt = new Date(Date.parse(at) + ACTIVATION_CODE_DAYS * 86_400_000).toISOString();
    let userId = await findParticipantUserId(tx, pa.kpj);
    const accountCreated = userId === undefined;
    if (userId === undefined) {
      userId = await insertUser(tx, {
        username: pa.kpj,
        displayName: pa.fullName,
        role: 'participant',
        scopeType: 'participant',
        scopeCode: pa.kpj,
        passwordHash: NO_PASSWORD_YET,
        createdAt: at,
      });
    }
    await revokeLiveCodes(tx, pa.id, at);
    await insertActivationCode(tx, {
      participantId: pa.id,
      userId,
      regencyCode: pa.regencyCode,
      codeHash,
      at,
      by: actor.username,
      expiresAt,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'participant_account.code_issue',
      entity: 'participant',
      entityId: String(pa.id),
      regionCode: pa.regionCode,
      after: { kpj: pa.kpj, userId, accountCreated, expiresAt },
    });
    return { participantId: pa.id, kpj: pa.kpj, code, expiresAt, accountCreated };
  });
}
