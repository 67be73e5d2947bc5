// The database seen by services: the same interface over embedded PGlite and node-postgres.

import type { AuditKeys } from '../security/audit-key.ts';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows in COPY text format (tab-separated, \N for null, backslash escapes) into
   * `target`, a table with its column list: `COPY target FROM STDIN`, or PGlite's '/dev/blob'.
   */
  copyIn(target: string, data: string): Promise<void>;
  /** `COPY target FROM` the file at `path` (COPY text format), streamed where the driver can. */
  copyInFile(target: string, path: string): Promise<void>;
  /**
   * Writes `COPY (query) TO …` in COPY text format to the file at `path`: streamed from a server;
   * PGlite hands the whole table over as one blob (its COPY has no stream).
   */
  copyOut(query: string, path: string): Promise<void>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs fn inside one transaction: all of its writes land, or none does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The audit chain's keys this database was opened with (src/security/audit-key.ts); null: none
   * (PostgreSQL without LINDUNG_AUDIT_KEY), so the audit log can be read but not written or verified.
   */
  audit?: AuditKeys | null;
  /**
   * DATABASE_READ_URL: the streaming replica that dashboards, reports and exports read from
   * (docs/replicas.md); closed with this Db. Absent: they read here. Writes never go there.
   */
  replica?: Db;
}
