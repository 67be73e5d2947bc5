import type { Db, Queryable } from '../src/db/types.ts';

/**
 * `db` whose transactions run through `around` (which calls the service's function with a
 * wrapped connection, e.g. one that times each statement); everything else is `db`'s own.
 */
export function withTransactions(
  db: Db,
  around: <T>(tx: Queryable, fn: (tx: Queryable) => Promise<T>) => Promise<T>,
): Db {
  return {
    ...db,
    kind: db.kind,
    query: db.query,
    exec: db.exec,
    close: db.close,
    transaction: (fn) => db.transaction((tx) => around(tx, fn)),
  };
}
