import { recordAudit } from '../src/db/audit.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/types.ts';
import { type Target, table, targets, timed } from './targets.ts';

// npm run bench -- audit: the audit chains (issue 18). On PostgreSQL, WRITERS connections each run
// TX transactions that write one audit row and then hold the transaction HOLD_MS more (the rest of
// a service's work) before committing: all in one regency (one chain: how every write queued
// before migration 0022), then each writer in its own regency; the baseline is the same
// transactions without the audit row. On both databases, a set-based insert of BULK audit rows in
// one statement (a coverage update) against the same insert into a copy of audit_log without
// the chain's trigger.

const WRITERS = Number(process.env.BENCH_AUDIT_WRITERS ?? 8);
const TX = Number(process.env.BENCH_AUDIT_TX ?? 40);
const HOLD_MS = Number(process.env.BENCH_AUDIT_HOLD_MS ?? 5);
const BULK = Number(process.env.BENCH_AUDIT_BULK ?? 20_000);
const AT = '2026-12-21T02:00:00.000Z';

const regencyOf = (w: number) => `53.${String(10 + w).padStart(2, '0')}.01.2001`;

/** WRITERS concurrent writers, TX transactions each; regionOf(w) null: no audit row. */
async function concurrent(db: Db, regionOf: (w: number) => string | null): Promise<number> {
  const { ms } = await timed(() =>
    Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < TX; i++)
          await db.transaction(async (tx) => {
            const regionCode = regionOf(w);
            if (regionCode)
              await recordAudit(tx, {
                at: AT,
                actor: 'bench',
                action: 'bench.write',
                entity: 'none',
                regionCode,
              });
            await tx.query('SELECT pg_sleep($1::float8 / 1000)', [HOLD_MS]);
          });
      }),
    ),
  );
  return ms;
}

async function bulk(db: Db): Promise<{ chain: number; plain: number; bare: number }> {
  const select = `SELECT $1::timestamptz, 'bench', 'coverage.lapse', 'participant', g::text, '53.30.01.2001',
                         jsonb_build_object('status', 'active'), jsonb_build_object('status', 'lapsed')
                  FROM generate_series(1, ${BULK}) g`;
  const cols = '(at, actor, action, entity, entity_id, region_code, before, after)';
  // The same shape (columns, identity, the (chain, chain_seq) unique index), numbered by a sequence.
  await db.exec(`CREATE SEQUENCE bench_audit_seq;
                 CREATE TABLE bench_audit_plain (LIKE audit_log INCLUDING ALL);
                 ALTER TABLE bench_audit_plain ALTER COLUMN chain SET DEFAULT '53.30',
                   ALTER COLUMN chain_seq SET DEFAULT nextval('bench_audit_seq'),
                   ALTER COLUMN prev_hash SET DEFAULT '', ALTER COLUMN hash SET DEFAULT ''`);
  const plain = await timed(() =>
    db.transaction((tx) => tx.query(`INSERT INTO bench_audit_plain ${cols} ${select}`, [AT])),
  );
  // Bare: the same eight columns into a table without key, identity or index (the physical limit).
  await db.exec(`CREATE TABLE bench_audit_bare (at timestamptz, actor text, action text, entity text, entity_id text,
                   region_code text, before jsonb, after jsonb)`);
  const bare = await timed(() =>
    db.transaction((tx) => tx.query(`INSERT INTO bench_audit_bare ${cols} ${select}`, [AT])),
  );
  const chain = await timed(() =>
    db.transaction((tx) => tx.query(`INSERT INTO audit_log ${cols} ${select}`, [AT])),
  );
  return { chain: chain.ms, plain: plain.ms, bare: bare.ms };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function measure(t: Target, rows: string[][]): Promise<void> {
  await migrate(t.db);
  if (t.name === 'PostgreSQL') {
    const n = WRITERS * TX;
    const none = await concurrent(t.db, () => null);
    const one = await concurrent(t.db, () => regencyOf(0));
    const per = await concurrent(t.db, regencyOf);
    const rate = (ms: number) => `${((n / ms) * 1000).toFixed(0)} tx/s`;
    rows.push([
      t.name,
      `${n} tx, ${WRITERS} writers, one regency (one chain)`,
      fmt(one),
      rate(one),
      fmt(none),
      (one / none).toFixed(2),
      '-',
      '-',
    ]);
    rows.push([
      t.name,
      `${n} tx, ${WRITERS} writers, ${WRITERS} regencies`,
      fmt(per),
      rate(per),
      fmt(none),
      (per / none).toFixed(2),
      '-',
      '-',
    ]);
  }
  const b = await bulk(t.db);
  rows.push([
    t.name,
    `${BULK} rows in one statement, one chain`,
    fmt(b.chain),
    `${((BULK / b.chain) * 1000).toFixed(0)} rows/s`,
    fmt(b.plain),
    (b.chain / b.plain).toFixed(2),
    fmt(b.bare),
    (b.chain / b.bare).toFixed(2),
  ]);
}

export async function run(): Promise<void> {
  console.log(
    `\naudit chains: ${WRITERS} concurrent writers (BENCH_AUDIT_WRITERS) × ${TX} transactions (BENCH_AUDIT_TX), ` +
      `each one audit row then ${HOLD_MS} ms more work (BENCH_AUDIT_HOLD_MS) before commit; baseline: the same ` +
      `transactions without the audit row. Bulk: ${BULK} rows (BENCH_AUDIT_BULK) in one INSERT … SELECT; baseline: ` +
      `a copy of audit_log without the chain trigger (same shape) and a bare 8-column table without index\n`,
  );
  const rows: string[][] = [
    ['database', 'workload', 'time', 'rate', 'baseline (same shape)', 'ratio', 'raw, bare', 'ratio'],
  ];
  for (const t of await targets()) {
    try {
      await measure(t, rows);
    } catch (e) {
      console.error(`${t.name}: failed: ${(e as Error).message}`);
      rows.push([t.name, 'failed', '-', '-', '-', '-', '-', '-']);
    } finally {
      await t.drop().catch(() => undefined);
    }
  }
  table(rows);
}
