// What the database layer knows of the HTTP request it works for (issue 14, B3): a signal that
// fires when the client goes away, and the statement timeout of the request. Outside a request
// (the CLI's billing runs and imports, which may be long) there is neither.
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../errors.ts';

export interface RequestScope {
  /** Aborts when the client has gone before its answer was sent. */
  signal: AbortSignal;
  /** statement_timeout on PostgreSQL for this request's statements; 0 = none. */
  statementTimeoutMs: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) within the request's scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Refuses to start a statement for a request whose client has already gone. */
export function throwIfAbandoned(): void {
  if (storage.getStore()?.signal.aborted) throw new AppError('QUERY_STOPPED');
}

/**
 * throwIfAbandoned after a turn of the event loop: an engine that runs each statement on this
 * thread (PGlite) would otherwise start the next queued statement before the server has heard that
 * its client closed the connection.
 */
export async function yieldThenThrowIfAbandoned(): Promise<void> {
  if (!storage.getStore()) return;
  await new Promise((resolve) => setImmediate(resolve));
  throwIfAbandoned();
}
