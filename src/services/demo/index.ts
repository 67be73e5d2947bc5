// The Kabupaten Belu demo: the branch's published figures for 1 January – 22 May 2023, made of
// synthetic but plausible records on the real Kemendagri regions, each entered through the
// system's own flows with the clock set to the day it happened; then the years after, to
// December 2026 (years.ts).

import { recordAudit } from '../../db/audit.ts';
import { analyze, auditActionRecorded } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { loadAgreement } from './agreement.ts';
import { demoBilling } from './billing.ts';
import { demoClaims } from './claims.ts';
import { type DemoClock, demoClock } from './clock.ts';
import { loadConstruction } from './construction.ts';
import { enrolVillages } from './enrol-villages.ts';
import { AGREEMENT_NUMBER, DEMO_SEED, PERIODS } from './figures.ts';
import { loadFormal } from './formal.ts';
import { loadSelfPayingInformal } from './informal-self.ts';
import { PersonFactory } from './people.ts';
import { seededRandom } from './random.ts';
import { type DemoVillage, demoKecamatan, demoVillages } from './villages.ts';
import { loadBeluYears, YEARS_DONE_ACTION } from './years.ts';

export { FIGURES } from './figures.ts';

const DONE_ACTION = 'demo.belu_2023';

export interface BeluDemoResult {
  loaded: boolean;
  phases: { name: string; ms: number; detail: Record<string, unknown> }[];
}

/**
 * Loads the Belu demo once: the 2023 window, then the years to December 2026. Each phase resumes
 * where an interrupted run stopped; each part's finished load leaves an audit row, and a second
 * run finds both and changes nothing.
 */
export async function loadBeluDemo(
  outer: Deps,
  progress: (msg: string) => void = () => undefined,
): Promise<BeluDemoResult> {
  const window = !(await auditActionRecorded(outer.db, DONE_ACTION));
  const years = !(await auditActionRecorded(outer.db, YEARS_DONE_ACTION));
  if (!window && !years) {
    progress('Belu demo: already loaded');
    return { loaded: false, phases: [] };
  }
  const clock = demoClock();
  const deps: Deps = { db: outer.db, clock };
  const villages = await demoVillages(deps.db);
  const phases: BeluDemoResult['phases'] = [];
  if (window) phases.push(...(await loadWindow(deps, clock, villages, progress)));
  else progress('Belu 2023 demo: already loaded');
  if (years) {
    progress('Belu demo 2023-06..2026-12: billing, payments, claims, changes, renewals, closed months…');
    const t0 = Date.now();
    const detail = await loadBeluYears(deps, clock, villages, progress);
    const ms = Date.now() - t0;
    phases.push({ name: 'years 2023-06..2026-12', ms, detail: { ...detail } });
    progress(`  years 2023-06..2026-12: ${(ms / 1000).toFixed(1)} s ${JSON.stringify(detail)}`);
  }
  return { loaded: true, phases };
}

/** The published window, 1 January – 22 May 2023, closed by the 'demo.belu_2023' audit row. */
async function loadWindow(
  deps: Deps,
  clock: DemoClock,
  villages: DemoVillage[],
  progress: (msg: string) => void,
): Promise<BeluDemoResult['phases']> {
  const people = new PersonFactory(seededRandom(DEMO_SEED));
  const rnd = seededRandom(DEMO_SEED + 1);
  const kecamatan = await demoKecamatan(deps.db);
  const kecamatanCodes = kecamatan.map((k) => k.code);
  const phases: BeluDemoResult['phases'] = [];
  const phase = async (name: string, body: () => Promise<Record<string, unknown>>) => {
    progress(`Belu 2023 demo: ${name}…`);
    const t0 = Date.now();
    const detail = await body();
    await analyze(deps.db);
    const ms = Date.now() - t0;
    phases.push({ name, ms, detail });
    progress(`  ${name}: ${(ms / 1000).toFixed(1)} s ${JSON.stringify(detail)}`);
  };
  let agreementId = 0;
  await phase('agreement and budgets 2023', async () => {
    agreementId = (await loadAgreement(deps, clock, villages)).agreementId;
    return { agreement: AGREEMENT_NUMBER };
  });
  await phase('village workers (69 desa batches)', async () => ({
    ...(await enrolVillages(deps, clock, villages, people, rnd, progress)),
  }));
  await phase('self-paying informal workers', async () => ({
    ...(await loadSelfPayingInformal(deps, clock, kecamatan, people, rnd, progress)),
  }));
  await phase('formal workers (employers, wage reports)', async () => ({
    ...(await loadFormal(deps, clock, people, rnd, kecamatanCodes, progress)),
  }));
  await phase('construction projects', async () => ({
    ...(await loadConstruction(deps, clock, people, rnd, kecamatanCodes, progress)),
  }));
  // Month by month: the billing on the 1st, the payments on the 10th, the claims paid on the 20th
  // end their memberships, so the next month's billing leaves the dead and the retired out.
  await phase('billing, payments and claims 2023-01..05 (JKM, JP, JHT)', async () => {
    const billing = await demoBilling(deps, clock, progress);
    const claims = await demoClaims(deps, clock, people, rnd, progress);
    for (const period of PERIODS) {
      await billing.bill(period);
      if (period === PERIODS[0]) await claims?.prepare();
      await billing.pay(period);
      await claims?.month(period);
    }
    return { ...billing.summary(), ...(claims?.summary() ?? { claims: 'already loaded' }) };
  });
  clock.set('2023-05-22', 17);
  await deps.db.transaction((tx) =>
    recordAudit(tx, {
      at: clock.now(),
      actor: 'demo',
      action: DONE_ACTION,
      entity: 'agreement',
      entityId: String(agreementId),
      regionCode: '53.04',
      after: { phases: phases.map((p) => ({ name: p.name, ms: p.ms })) },
    }),
  );
  return phases;
}
