import type { Deps } from '../src/services/actor.ts';
import { calculateContribution } from '../src/services/calculate.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { runBilling } from '../src/services/run-billing.ts';
import { insertBillingPopulation } from './billing-population.ts';
import { type Target, table, targets, timed } from './targets.ts';

export const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
export const REGENCY = '53.04';
export const PERIOD = '2026-12';
export const NOW = '2026-12-01T02:00:00.000Z'; // billed on the 1st of its month, as branches do (a later period is refused)

/**
 * The baselines: one hand-written INSERT … SELECT writing the same lines: every active participant
 * (BPU, and PU with an employment) joined to a small tariff table computed once from its distinct
 * contribution inputs (segment, wage: the period's reported wage else the current one, risk group,
 * funding source, programmes), with the lines the rules give them (on one key column: on five,
 * PostgreSQL misestimates the join). Written twice:
 * - "bare": into an 8-column table without key, constraint or index (the physical limit);
 * - "same shape": into a copy of invoice_line (LIKE … INCLUDING ALL: its 11 columns, identity key,
 *   checks and three B-tree indexes; no triggers), filling the same columns the run fills. The
 *   payer's id stands in for its invoice's id (one invoice per payer and period, as the run
 *   writes), so the invoice index gets the same spread of keys.
 */
const RAW_TABLES = `CREATE TABLE raw_bare_line (payer_id bigint, participant_id bigint, period text, program text,
  payer_role text, kind text, amount_rp bigint, basis text);
CREATE TABLE raw_invoice_line (LIKE invoice_line INCLUDING ALL)`;
const RAW_INPUTS = `SELECT pa.id, pa.payer_id, pa.segment, pa.funding_source, array_to_string(pa.programs, ',') AS programs,
    CASE WHEN pa.segment = 'PU' THEN coalesce(wr.wage_rp, em.wage_rp) ELSE coalesce(pa.declared_income_rp, 0) END
      AS wage_rp,
    coalesce(er.risk_group, 0)::int AS risk_group
  FROM participant pa
  LEFT JOIN employment em ON em.participant_id = pa.id
  LEFT JOIN employer er ON er.id = em.employer_id
  LEFT JOIN wage_report wr ON wr.employer_id = em.employer_id AND wr.person_id = em.person_id AND wr.period = $2
  WHERE pa.regency_code = $1 AND pa.status = 'active' AND (pa.segment = 'BPU' OR em.id IS NOT NULL)
    -- A self-paying BPU member is invoiced with each payment, never by the run (0028).
    AND NOT EXISTS (SELECT 1 FROM bpu_registration b WHERE b.participant_id = pa.id AND b.collection = 'personal')`;
const RAW_JOIN = `FROM (${RAW_INPUTS}) x
  JOIN raw_tariff t
    ON t.key = concat_ws('|', x.segment, x.wage_rp, x.risk_group, x.funding_source, x.programs)`;
const RAW_BARE_INSERT = `INSERT INTO raw_bare_line
  SELECT x.payer_id, x.id, $2, t.program, t.payer_role, 'contribution', t.amount_rp, t.basis
  ${RAW_JOIN}`;
const RAW_SHAPED_INSERT = `INSERT INTO raw_invoice_line (invoice_id, regency_code, participant_id, source_invoice_id,
    period, program, payer_role, kind, amount_rp, basis)
  SELECT x.payer_id, $1, x.id, NULL, $2, t.program, t.payer_role, 'contribution', t.amount_rp, t.basis
  ${RAW_JOIN}`;

/** The tariff table of the baseline: each distinct input through the rules once (not timed). */
async function rawTariff(t: Target, period: string): Promise<void> {
  const keys = await t.db.query<{
    segment: string;
    wage_rp: number;
    risk_group: number;
    funding_source: string;
    programs: string;
  }>(`SELECT DISTINCT segment, wage_rp, risk_group, funding_source, programs FROM (${RAW_INPUTS}) x`, [
    REGENCY,
    period,
  ]);
  const rows: unknown[][] = [];
  for (const k of keys.rows) {
    const result = calculateContribution({
      segment: k.segment,
      period,
      wageRp: k.wage_rp,
      ...(k.segment === 'PU' ? { riskGroup: k.risk_group } : {}),
      programs: k.programs.split(',').filter((p) => p !== 'JKP'),
      fundingSource: k.funding_source,
    });
    for (const l of result.lines) {
      if (l.amountRp !== 0)
        rows.push([
          k.segment,
          k.wage_rp,
          k.risk_group,
          k.funding_source,
          k.programs,
          l.program,
          l.payer,
          l.amountRp,
          l.basis,
        ]);
    }
  }
  const col = (i: number) => rows.map((r) => r[i]);
  await t.db.query(
    `CREATE TABLE raw_tariff AS SELECT *, concat_ws('|', segment, wage_rp, risk_group, funding_source, programs) AS key
     FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[], $5::text[],
       $6::text[], $7::text[], $8::bigint[], $9::text[])
       AS t (segment, wage_rp, risk_group, funding_source, programs, program, payer_role, amount_rp, basis)`,
    [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8)],
  );
  await t.db.query('ANALYZE raw_tariff');
}

export interface Baseline {
  ms: number;
  lines: number;
  totalRp: number;
}

async function rawInto(t: Target, table: string, insert: string, period: string): Promise<Baseline> {
  const { ms } = await timed(() => t.db.query(insert, [REGENCY, period]));
  const r = await t.db.query<{ lines: number; total: number }>(
    `SELECT count(*)::int AS lines, sum(amount_rp)::bigint AS total FROM ${table}`,
  );
  return { ms, lines: r.rows[0]!.lines, totalRp: r.rows[0]!.total };
}

/** Both baselines for `period`, into tables made afresh (a previous period's are dropped first). */
export async function raw(t: Target, period = PERIOD): Promise<{ shaped: Baseline; bare: Baseline }> {
  await t.db.exec('DROP TABLE IF EXISTS raw_tariff, raw_bare_line, raw_invoice_line');
  await rawTariff(t, period);
  await t.db.exec(RAW_TABLES);
  const bare = await rawInto(t, 'raw_bare_line', RAW_BARE_INSERT, period);
  const shaped = await rawInto(t, 'raw_invoice_line', RAW_SHAPED_INSERT, period);
  return { shaped, bare };
}

/**
 * Both baselines for `period`, checked to write the lines the run wrote (`run`: their count and
 * total); a baseline that differs fails the benchmark.
 */
export async function checkedBaselines(
  t: Target,
  run: { lines: number; totalRp: number },
  period = PERIOD,
): Promise<{ shaped: Baseline; bare: Baseline }> {
  const { shaped, bare } = await raw(t, period);
  for (const [name, base] of [
    ['same-shape', shaped],
    ['bare', bare],
  ] as const)
    if (base.lines !== run.lines || base.totalRp !== run.totalRp)
      throw new Error(
        `${name} baseline for ${period} wrote ${base.lines} lines / Rp ${base.totalRp}, the run ${run.lines} / Rp ${run.totalRp}`,
      );
  return { shaped, bare };
}

/** Seconds spent in each phase of the run, from its progress messages. */
export function phaseClock() {
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

/** The benchmark's database: Belu's province and PARTICIPANTS billable on PERIOD, analysed. */
export async function preparePopulation(t: Target): Promise<void> {
  await prepareDatabase(t.db, { provinces: ['53'] });
  await insertBillingPopulation(t.db, {
    name: t.name,
    regencyCode: REGENCY,
    participants: PARTICIPANTS,
    period: PERIOD,
    effectiveDate: '2026-11-01',
    at: NOW,
  });
  await t.db.query('ANALYZE');
}

async function measure(t: Target, rows: string[][]): Promise<void> {
  const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
  await preparePopulation(t);
  const phases = phaseClock();
  const run = await timed(() =>
    runBilling(deps, consoleActor(), { regencyCode: REGENCY, period: PERIOD, onProgress: phases.onProgress }),
  );
  const end = performance.now();
  console.log(`${t.name}: runBilling phases: ${phases.summary(end)}`);
  await baselinesRow(t, PARTICIPANTS, run, rows);
}

/**
 * Writes the same lines with both raw baselines (after the run, in the same database), checks
 * they match the run's count and total, and adds the table row: the run against each baseline.
 */
export async function baselinesRow(
  t: Target,
  participants: number,
  run: { ms: number; value: { lines: number; totalRp: number } },
  rows: string[][],
): Promise<void> {
  const { shaped, bare } = await checkedBaselines(t, run.value);
  const rate = (ms: number) => Math.round(run.value.lines / (ms / 1000)).toLocaleString('en');
  rows.push([
    t.name,
    participants.toLocaleString('en'),
    run.value.lines.toLocaleString('en'),
    `${(run.ms / 1000).toFixed(2)} s`,
    rate(run.ms),
    `${(shaped.ms / 1000).toFixed(2)} s`,
    `${(run.ms / shaped.ms).toFixed(2)}×`,
    `${(bare.ms / 1000).toFixed(2)} s`,
    `${(run.ms / bare.ms).toFixed(2)}×`,
  ]);
}

/** The columns of the billing table (the same for every population). */
export const BILLING_HEADER = [
  'database',
  'participants',
  'lines',
  'runBilling',
  'lines/s',
  'raw, same shape',
  'ratio',
  'raw, bare',
  'ratio',
];

export async function run(): Promise<void> {
  console.log(
    `\nbilling run: ${PARTICIPANTS.toLocaleString('en')} active participants (BENCH_PARTICIPANTS; BPU village workers and, BENCH_FORMAL_SHARE of them, PU workers), one period, ` +
      `against one raw INSERT … SELECT of the same lines, into a table of invoice_line's shape (same columns, ` +
      `identity key and indexes) and into a bare 8-column table without index\n`,
  );
  const rows: string[][] = [BILLING_HEADER];
  for (const t of await targets()) {
    try {
      await measure(t, rows);
    } catch (e) {
      console.error(
        `${t.name}: failed at ${PARTICIPANTS.toLocaleString('en')} participants: ${(e as Error).message}`,
      );
      rows.push([t.name, PARTICIPANTS.toLocaleString('en'), 'failed', '-', '-', '-', '-', '-', '-']);
    } finally {
      await t.drop().catch(() => undefined);
    }
  }
  table(rows);
}
