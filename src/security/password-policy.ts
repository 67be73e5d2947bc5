// The password policy of OWASP ASVS 4.0 L2 (2.1.1–2.1.9): at least 12 characters, up to 128, any
// characters, no composition rules, and not a breached or common password. The check is zxcvbn-ts
// with its common-language dictionary (passwords seen in breaches, ranked by frequency): a password
// it scores below 3 (fewer than 10^8 guesses) is refused, and so is one built on the username.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Throws PASSWORD_TOO_SHORT or PASSWORD_TOO_COMMON; userInputs are the username and name. */
export function checkPasswordPolicy(password: string, userInputs: string[] = []): void {
  // Length in code points after the same normalisation the hash uses.
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new AppError('PASSWORD_TOO_SHORT', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  }
  const inputs = userInputs
    .flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((s) => s.length >= 3);
  const lower = password.toLowerCase();
  if (
    inputs.some((w) => w.length >= 4 && lower.includes(w)) ||
    zxcvbn().check(password, inputs).score < MIN_SCORE
  ) {
    throw new AppError('PASSWORD_TOO_COMMON');
  }
}
