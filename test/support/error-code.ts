// The error code a call throws (an AppError's code), or 'no error': for rule tables that expect an error.
import { isAppError } from '../../src/errors.ts';

export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return 'no error';
}
