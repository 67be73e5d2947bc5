import { AppError, isAppError } from '../errors.ts';

interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
  message?: string;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** PostgreSQL and driver errors become catalog errors here, and nowhere else. */
export function translatePgError(e: unknown): unknown {
  if (isAppError(e) || !(e instanceof Error)) return e;
  const err = e as Error & PgLikeError;
  const code = err.code ?? '';
  if (CONNECTION_CODES.has(code) || code === '3D000' || code === '28P01' || code === '28000') {
    return new AppError('DB_UNREACHABLE', { detail: `${code}: ${err.message}` });
  }
  if (code === '23505') {
    return new AppError('DUPLICATE', { detail: err.constraint ?? 'unique' });
  }
  if (code === '40001' || code === '40P01') return new AppError('CONFLICT');
  // statement_timeout, or a cancel sent when the request's client left (issue 14, B3).
  if (code === '57014') return new AppError('QUERY_STOPPED');
  if (code === 'P0001' && err.message?.startsWith('LINDUNG:')) {
    // Our own triggers raise 'LINDUNG:<CODE>:<detail>'.
    const [, appCode, detail] = err.message.split(':');
    if (appCode === 'APPEND_ONLY') return new AppError('APPEND_ONLY', { detail: detail ?? '' });
    if (appCode === 'AUDIT_KEY_REQUIRED') return new AppError('AUDIT_KEY_REQUIRED');
    if (appCode === 'MEMBERSHIP_CONFLICT') return new AppError('MEMBERSHIP_CONFLICT', { kpj: detail ?? '' });
    if (appCode === 'LEDGER_UNBALANCED') return new AppError('LEDGER_UNBALANCED', { entry: detail ?? '' });
  }
  return e;
}
