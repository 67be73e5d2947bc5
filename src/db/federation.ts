// The national reporting database (issue 16, point 3): a migrated lindung database that reads
// its member databases (one per province, or per several) read-only through postgres_fdw. Each
// member is a foreign server `lindung_member_<name>` (host, port and dbname only; the user and
// password sit in the user mapping, out of the audit log and the output) and a schema
// `member_<name>` holding foreign tables of the few tables the national summary reads. The
// server refuses writes twice: `updatable 'false'` stops them here, and every remote session is
// opened read-only (default_transaction_read_only), so even a writable mapping cannot write.
// The members are the catalog itself (pg_foreign_server): no table of our own, no migration.
import { AppError } from '../errors.ts';
import { paidByProgramSql } from './report-claims.ts';
import { countsAsOfSql } from './report-counts.ts';
import type { Queryable } from './types.ts';

/** The tables a member lends the national summary (report-counts.ts and report-claims.ts read them). */
export const MEMBER_TABLES = [
  'region',
  'period_close',
  'participant_count_snapshot',
  'participant_count_delta',
  'payout',
] as const;

const SERVER_PREFIX = 'lindung_member_';

export interface MemberTarget {
  host: string;
  port: number;
  dbname: string;
}

export interface Member extends MemberTarget {
  /** The member's name as attached, upper case ('NTT'). */
  name: string;
}

/** A member name is an identifier part: letters, digits and '_' (checked by the service). */
const serverOf = (name: string) => `${SERVER_PREFIX}${name.toLowerCase()}`;
const schemaOf = (name: string) => `member_${name.toLowerCase()}`;

/** postgres_fdw itself; creating it needs a superuser once (docs/federation.md). */
export async function ensureFdw(q: Queryable): Promise<void> {
  await q.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
}

/** The members attached, by name. */
export async function listMembers(q: Queryable): Promise<Member[]> {
  const r = await q.query<{ server: string; host: string; port: string; dbname: string }>(
    `SELECT s.srvname AS server,
            (SELECT split_part(o, '=', 2) FROM unnest(s.srvoptions) o WHERE o LIKE 'host=%') AS host,
            (SELECT split_part(o, '=', 2) FROM unnest(s.srvoptions) o WHERE o LIKE 'port=%') AS port,
            (SELECT substr(o, 8) FROM unnest(s.srvoptions) o WHERE o LIKE 'dbname=%') AS dbname
     FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
     WHERE w.fdwname = 'postgres_fdw' AND s.srvname LIKE '${SERVER_PREFIX}%'
     ORDER BY s.srvname`,
  );
  return r.rows.map((m) => ({
    name: m.server.slice(SERVER_PREFIX.length).toUpperCase(),
    host: m.host,
    port: Number(m.port),
    dbname: m.dbname,
  }));
}

/** Runs DDL that the server renders with format() (%I identifiers, %L literals), so no value is spliced here. */
async function execFormatted(q: Queryable, template: string, args: unknown[]): Promise<void> {
  const params = args.map((_, i) => `$${i + 1}::text`).join(', ');
  const r = await q.query<{ sql: string }>(
    `SELECT format('${template}', ${params}) AS sql`,
    args.map(String),
  );
  await q.exec(r.rows[0]!.sql);
}

/**
 * Attaches (or re-attaches) a member in the caller's transaction: its server, the user mapping of
 * the role lindung runs as, and its schema of foreign tables. IMPORT FOREIGN SCHEMA reads the
 * member's catalog, so an unreachable member or one without lindung's tables fails here.
 */
export async function attachMember(
  q: Queryable,
  m: Member & { user: string; password: string | null },
): Promise<{ imported: string[] }> {
  const server = serverOf(m.name);
  const schema = schemaOf(m.name);
  await execFormatted(q, 'DROP SCHEMA IF EXISTS %I CASCADE', [schema]);
  await execFormatted(q, 'DROP SERVER IF EXISTS %I CASCADE', [server]);
  await execFormatted(
    q,
    `CREATE SERVER %I FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host %L, port %L, dbname %L,
       updatable %L, options %L, application_name %L)`,
    [server, m.host, m.port, m.dbname, 'false', '-c default_transaction_read_only=on', 'lindung-national'],
  );
  await execFormatted(
    q,
    m.password === null
      ? 'CREATE USER MAPPING FOR CURRENT_USER SERVER %I OPTIONS (user %L)'
      : 'CREATE USER MAPPING FOR CURRENT_USER SERVER %I OPTIONS (user %L, password %L)',
    m.password === null ? [server, m.user] : [server, m.user, m.password],
  );
  await execFormatted(q, 'CREATE SCHEMA %I', [schema]);
  await withMember(m, () =>
    execFormatted(
      q,
      `IMPORT FOREIGN SCHEMA public LIMIT TO (${MEMBER_TABLES.join(', ')}) FROM SERVER %I INTO %I`,
      [server, schema],
    ),
  );
  const r = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'f' ORDER BY 1`,
    [schema],
  );
  return { imported: r.rows.map((x) => x.name) };
}

export interface ProvinceSegmentCount {
  member: string;
  provinceCode: string;
  provinceName: string;
  segment: string;
  n: number;
}

export interface ProvinceProgramPaid {
  member: string;
  provinceCode: string;
  program: string;
  count: number;
  amountRp: number;
}

/**
 * Where the province figures are read: a member's foreign tables (its name and schema), or this
 * database's own tables (OWN_PROVINCES: a province database's own summary, with no federation).
 */
interface FigureSource {
  name: string;
  /** The schema with its dot ('member_ntt.'), '' for this database's own tables. */
  schema: string;
}

const memberSource = (m: Member): FigureSource => ({ name: m.name, schema: `${schemaOf(m.name)}.` });

/** This database's own tables, named OWN in the rows. */
export const OWN_PROVINCES: FigureSource = { name: 'OWN', schema: '' };

/**
 * Each source's regencies (the regions it loaded), each counted by the reports' own query text
 * (countsAsOfSql, paidByProgramSql) reading that source's tables: the national figure of a
 * regency is the figure its province's report shows. All sources in one statement.
 */
const perRegency = (src: FigureSource, body: (s: string) => string) =>
  `SELECT '${src.name}'::text AS member, g.province_code AS "provinceCode", c.*
     FROM ${src.schema}region g CROSS JOIN LATERAL (${body(src.schema)}) c WHERE g.level = 'regency'`;

/** Active participants by member, province and segment on asOf. */
export async function activeByProvince(
  q: Queryable,
  members: readonly Member[],
  asOf: string,
): Promise<ProvinceSegmentCount[]> {
  return activeBySource(q, members.map(memberSource), asOf);
}

/** Active participants by province and segment on asOf from `sources` (OWN_PROVINCES: this database's). */
export async function activeBySource(
  q: Queryable,
  sources: readonly FigureSource[],
  asOf: string,
): Promise<ProvinceSegmentCount[]> {
  if (sources.length === 0) return [];
  const parts = sources.map((m) =>
    perRegency(m, (schema) =>
      countsAsOfSql({ regency: 'g.code', asOf: '$1::date', scopes: 'NULL::text[]', schema }),
    ),
  );
  const names = sources.map(
    (m) => `SELECT '${m.name}'::text AS member, code, name FROM ${m.schema}region WHERE level = 'province'`,
  );
  const r = await q.query<ProvinceSegmentCount>(
    `WITH counts AS (${parts.join('\n UNION ALL ')}),
     provinces AS (${names.join('\n UNION ALL ')})
     SELECT c.member, c."provinceCode", coalesce(p.name, c."provinceCode") AS "provinceName",
            c.segment, sum(c.n)::bigint AS n
     FROM counts c LEFT JOIN provinces p ON p.member = c.member AND p.code = c."provinceCode"
     WHERE c.status = 'active'
     GROUP BY c.member, c."provinceCode", p.name, c.segment
     HAVING sum(c.n) <> 0
     ORDER BY c.member, c."provinceCode", c.segment`,
    [asOf],
  );
  return r.rows;
}

/** Paid claims by member, province and programme with paid_on in [from, to]. */
export async function paidByProvince(
  q: Queryable,
  members: readonly Member[],
  a: { from: string; to: string },
): Promise<ProvinceProgramPaid[]> {
  return paidBySource(q, members.map(memberSource), a);
}

/** Paid claims by province and programme from `sources` (OWN_PROVINCES: this database's). */
export async function paidBySource(
  q: Queryable,
  sources: readonly FigureSource[],
  a: { from: string; to: string },
): Promise<ProvinceProgramPaid[]> {
  if (sources.length === 0) return [];
  const parts = sources.map((m) =>
    perRegency(m, (schema) =>
      paidByProgramSql({ regency: 'g.code', from: '$1::date', to: '$2::date', schema }),
    ),
  );
  const r = await q.query<ProvinceProgramPaid>(
    `SELECT member, "provinceCode", program, sum(count)::int AS count, sum("amountRp")::bigint AS "amountRp"
     FROM (${parts.join('\n UNION ALL ')}) c
     GROUP BY member, "provinceCode", program ORDER BY member, "provinceCode", program`,
    [a.from, a.to],
  );
  return r.rows;
}

interface PgLikeError {
  code?: string;
  message?: string;
  detail?: string;
}

/**
 * Runs fn; a member that cannot be reached becomes NATIONAL_MEMBER_UNREACHABLE naming it.
 * postgres_fdw names the server in its message ('could not connect to server "…"'), so among
 * several members the one that failed is known.
 */
export async function withMember<T>(m: Member | readonly Member[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = e as PgLikeError;
    if (!err.code?.startsWith('08')) throw e;
    const members = Array.isArray(m) ? m : [m as Member];
    const named = /server "([^"]+)"/.exec(err.message ?? '')?.[1];
    const down =
      members.find((x) => serverOf(x.name) === named) ?? (members.length === 1 ? members[0] : null);
    if (!down) throw e;
    throw new AppError('NATIONAL_MEMBER_UNREACHABLE', {
      member: down.name,
      target: `${down.host}:${down.port}/${down.dbname}`,
      detail: [err.message, err.detail].filter(Boolean).join(': ').split('\n')[0] ?? '',
    });
  }
}
