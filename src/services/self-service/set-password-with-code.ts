// The participant's first step: KPJ + the code from the activation letter + a new password.
import { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import { countFailedTry, findLiveCode, markCodeUsed } from '../../db/participant-accounts.ts';
import { clearAttempts, deleteUserSessions, setPasswordHash } from '../../db/users.ts';
import { AppError } from '../../errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../security/password.ts';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from '../../security/password-policy.ts';
import type { Deps } from '../actor.ts';
import { addressKey, countAttempt, logIn, THROTTLE_FAILURES, THROTTLE_IP_FAILURES } from '../log-in.ts';
import { ACTIVATION_CODE_MAX_TRIES, normalizeActivationCode } from './activation-code.ts';

export const ActivateInput = z.object({
  kpj: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{11}$/, 'kpj: 11 digits')),
  code: z.string().min(1).max(40),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});
export type ActivateInput = z.input<typeof ActivateInput>;

function parse(input: ActivateInput) {
  const p = ActivateInput.safeParse(input);
  if (!p.success) {
    const detail = p.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail }, p.error.issues);
  }
  return p.data;
}

/**
 * Sets the participant's password when the code is the live one for the KPJ (unused, not revoked,
 * not expired), then logs the participant in. Attempts are throttled per KPJ and address like log-ins, count
 * against the code, and burn it after ACTIVATION_CODE_MAX_TRIES; the answer never says which part
 * was wrong.
 */
export async function setPasswordWithCode(deps: Deps, input: ActivateInput, ip = 'local') {
  const { kpj, code, password } = parse(input);
  checkPasswordPolicy(password, [kpj]);
  const throttleKey = `aktivasi:${kpj}`;
  // Counted before the code is checked, in one statement: parallel guesses cannot pass the limit.
  await countAttempt(deps, { [throttleKey]: THROTTLE_FAILURES, [addressKey(ip)]: THROTTLE_IP_FAILURES });
  const now = deps.clock.now();
  const live = await findLiveCode(deps.db, kpj, now);
  const ok = await verifyPassword(normalizeActivationCode(code), live?.codeHash ?? dummyHash());
  if (!live || !ok) {
    if (live) await countFailedTry(deps.db, live.id, ACTIVATION_CODE_MAX_TRIES, now);
    throw new AppError('ACTIVATION_FAILED');
  }
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    if (!(await markCodeUsed(tx, live.id, now))) throw new AppError('ACTIVATION_FAILED');
    await setPasswordHash(tx, live.userId, passwordHash);
    // A new password ends sessions opened with the old one.
    await deleteUserSessions(tx, live.userId);
    await clearAttempts(tx, throttleKey);
    await recordAudit(tx, {
      at: now,
      actor: kpj,
      action: 'participant_account.activate',
      entity: 'participant',
      entityId: String(live.participantId),
      regionCode: live.regionCode,
      after: { userId: live.userId },
    });
  });
  return logIn(deps, kpj, password, ip);
}
