import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { runBilling } from '../src/services/run-billing.ts';
import { insertBulkParticipants } from '../test/support/bulk-participants.ts';
import { type Target, table, targets, timed } from './targets.ts';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const REGENCY = '53.04';
const PERIOD = '2026-12';
const NOW = '2026-11-24T02:00:00.000Z';

/**
 * The baseline: one hand-written INSERT … SELECT writing the same lines (active BPU participant ×
 * programme, JKK Rp10,000 + JKM Rp6,800) into a table without constraints, indexes or triggers.
 */
const RAW_TABLE = `CREATE TABLE raw_invoice_line (payer_id bigint, participant_id bigint, period text, program text,
  payer_role text, kind text, amount_rp bigint, basis text)`;
const RAW_INSERT = `INSERT INTO raw_invoice_line
  SELECT pa.payer_id, pa.id, $2, t.program, 'participant', 'contribution', t.amount_rp, t.basis
  FROM participant pa
  CROSS JOIN (VALUES ('JKK', 10000::bigint, 'PP 44/2015: JKK'), ('JKM', 6800::bigint, 'PP 44/2015: JKM'))
    AS t (program, amount_rp, basis)
  WHERE pa.regency_code = $1 AND pa.status = 'active' AND pa.segment = 'BPU'`;

async function raw(t: Target): Promise<{ ms: number; lines: number; totalRp: number }> {
  await t.db.exec(RAW_TABLE);
  const { ms } = await timed(() => t.db.query(RAW_INSERT, [REGENCY, PERIOD]));
  const r = await t.db.query<{ lines: number; total: number }>(
    'SELECT count(*)::int AS lines, sum(amount_rp)::bigint AS total FROM raw_invoice_line',
  );
  return { ms, lines: r.rows[0]!.lines, totalRp: r.rows[0]!.total };
}

/** Seconds spent in each phase of the run, from its progress messages. */
function phaseClock() {
  const marks: [string, number][] = [];
  return {
    onProgress: (msg: string) => marks.push([msg.replace(/\d+/g, 'n').slice(0, 28), performance.now()]),
    summary(endMs: number) {
      return marks
        .map(([name, at], i) => `"${name}" ${(((marks[i + 1]?.[1] ?? endMs) - at) / 1000).toFixed(1)}s`)
        .join('; ');
    },
  };
}

async function measure(t: Target, rows: string[][]): Promise<void> {
  const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
  await prepareDatabase(t.db, { provinces: ['53'] });
  const setup = await timed(() =>
    t.db.transaction((tx) =>
      insertBulkParticipants(tx, {
        regencyCode: REGENCY,
        count: PARTICIPANTS,
        effectiveDate: '2026-11-01',
        at: NOW,
      }),
    ),
  );
  console.log(
    `${t.name}: ${setup.value.participants.toLocaleString('en')} participants, ${setup.value.perPayer.size} payers ` +
      `generated in ${(setup.ms / 1000).toFixed(1)} s`,
  );
  await t.db.query('ANALYZE');
  const phases = phaseClock();
  const run = await timed(() =>
    runBilling(deps, consoleActor(), { regencyCode: REGENCY, period: PERIOD, onProgress: phases.onProgress }),
  );
  const end = performance.now();
  console.log(`${t.name}: runBilling phases: ${phases.summary(end)}`);
  const base = await raw(t);
  if (base.lines !== run.value.lines || base.totalRp !== run.value.totalRp)
    throw new Error(
      `baseline wrote ${base.lines} lines / Rp ${base.totalRp}, the run ${run.value.lines} / Rp ${run.value.totalRp}`,
    );
  const rate = (ms: number) => Math.round(run.value.lines / (ms / 1000)).toLocaleString('en');
  rows.push([
    t.name,
    PARTICIPANTS.toLocaleString('en'),
    run.value.lines.toLocaleString('en'),
    `${(run.ms / 1000).toFixed(2)} s`,
    rate(run.ms),
    `${(base.ms / 1000).toFixed(2)} s`,
    rate(base.ms),
    `${(run.ms / base.ms).toFixed(2)}×`,
  ]);
}

export async function run(): Promise<void> {
  console.log(
    `\nbilling run: ${PARTICIPANTS.toLocaleString('en')} active village workers (BENCH_PARTICIPANTS), one period, ` +
      `against one raw INSERT … SELECT of the same lines\n`,
  );
  const rows: string[][] = [
    ['database', 'participants', 'lines', 'runBilling', 'lines/s', 'raw INSERT…SELECT', 'lines/s', 'ratio'],
  ];
  for (const t of await targets()) {
    try {
      await measure(t, rows);
    } catch (e) {
      console.error(
        `${t.name}: failed at ${PARTICIPANTS.toLocaleString('en')} participants: ${(e as Error).message}`,
      );
      rows.push([t.name, PARTICIPANTS.toLocaleString('en'), 'failed', '-', '-', '-', '-', '-']);
    } finally {
      await t.drop().catch(() => undefined);
    }
  }
  table(rows);
}
