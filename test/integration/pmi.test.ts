// Migrant workers (PMI, issue 13 point 3): registration by the branch through a placement agency
// (P3MI) or as PMI perseorangan; cover before, during and after placement (Permenaker 4/2023);
// the premium of Pasal 18 invoiced at registration with its balanced ledger entry; the
// one-membership rule; who may register. The clock stands at 24 November 2026 (WITA).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { listPmi, showPmi } from '../../src/services/list-pmi.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { type PmiInput, registerPmi } from '../../src/services/register-pmi.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { preparedBranch } from '../support/branch.ts';
import type { TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

const KEWAR = '53.04.01.2001';
const NPP = '53040011';
const AGENCY = { licenseNumber: 'KEP-123/PPTKIS/2024', name: 'PT Jasa Migran Timor' };
const nik = (serial: number) => nikFor({ birthDate: '1998-03-14', sex: 'P', serial });

const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });

let n = 0;
/** A new worker (a new NIK and name) leaving on 15 January 2027, contract from 20 January. */
function worker(contractMonths: number, extra: Partial<PmiInput> = {}): PmiInput {
  n += 1;
  return {
    nik: nik(n),
    fullName: `Yuliana ${serialName(n)}`,
    birthDate: '1998-03-14',
    sex: 'P',
    regionCode: KEWAR,
    agency: AGENCY,
    countryCode: 'MY',
    contractStart: '2027-01-20',
    contractMonths,
    departureDate: '2027-01-15',
    ...extra,
  };
}

async function ledgerOf(deps: Deps, invoiceId: number) {
  const r = await deps.db.query<{ account: string; payer_kind: string | null; amount_rp: number }>(
    `SELECT l.account, p.kind AS payer_kind, l.amount_rp FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id
     LEFT JOIN payer p ON p.id = l.payer_id WHERE e.kind = 'invoice' AND e.ref_id = $1 ORDER BY l.amount_rp`,
    [invoiceId],
  );
  return r.rows.map((x) => [x.account, x.payer_kind, x.amount_rp]);
}

async function statusHistory(deps: Deps, kpj: string) {
  const r = await deps.db.query<{ status: string; effective_date: string }>(
    `SELECT s.status, s.effective_date FROM participant_status s JOIN participant pa ON pa.id = s.participant_id
     WHERE pa.kpj = $1 ORDER BY s.effective_date, s.id`,
    [kpj],
  );
  return r.rows.map((x) => [x.status, x.effective_date]);
}

describe('PMI registration', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t, branch } = await preparedBranch());
  });
  afterAll(async () => t.drop());

  it('registers through an agency: 24-month contract, periods of cover, premium invoiced and booked', async () => {
    const r = await registerPmi(deps, branch, worker(24));
    // Permenaker 4/2023 Pasal 18: sebelum bekerja Rp 37.500 + paket 24 bulan Rp 332.500 = Rp 370.000.
    expect(r.lines.map((l) => l.amountRp)).toEqual([37_500, 332_500]);
    expect(r.placement).toMatchObject({
      kind: 'agency',
      premiumRp: 370_000,
      status: 'active',
      countryCode: 'MY',
    });
    // Sebelum bekerja from registration (24 Nov 2026; departure within 5 months: fact sheet §1.3) to
    // the day before departure; selama from departure to the end of the 24-month agreement
    // (20 Jan 2027 + 24 months − 1 day); setelah one month more (unconfirmed parameter).
    expect(r.periods).toEqual({
      sebelum: { from: '2026-11-24', to: '2027-01-14' },
      selama: { from: '2027-01-15', to: '2029-01-19' },
      setelah: { from: '2029-01-20', to: '2029-02-19' },
      cover: { from: '2026-11-24', to: '2029-02-19' },
    });
    // The membership follows the cover: active from registration, ended the day after it.
    expect(await statusHistory(deps, r.placement.kpj)).toEqual([
      ['active', '2026-11-24'],
      ['ended', '2029-02-20'],
    ]);
    // One invoice to the agency, kind premium, due at registration; its entry balances.
    const inv = await deps.db.query<{
      kind: string;
      total_rp: number;
      due_date: string;
      billing_run_id: null;
    }>('SELECT kind, total_rp, due_date, billing_run_id FROM invoice WHERE id = $1', [r.placement.invoiceId]);
    expect(inv.rows[0]).toEqual({
      kind: 'premium',
      total_rp: 370_000,
      due_date: '2026-11-24',
      billing_run_id: null,
    });
    expect(r.placement.invoiceNumber).toMatch(/^INV\/5304\/2026-11\/\d{7}$/);
    expect(await ledgerOf(deps, r.placement.invoiceId)).toEqual([
      ['contribution_income', null, -370_000],
      ['receivable', 'agency', 370_000],
    ]);
    const audit = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'pmi.register' AND entity_id = $1`,
      [String(r.placement.id)],
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  // Pasal 18(2) packages and 18(3) every month beyond a package at Rp 13.500:
  //   6 months:  37.500 + 108.000                  = 145.500
  //  12 months:  37.500 + 189.000                  = 226.500
  //  28 months:  37.500 + 332.500 + 4 × 13.500     = 424.000 (fact sheet W15)
  it.each([
    [6, 145_500, '2027-07-19'],
    [12, 226_500, '2028-01-19'],
    [28, 424_000, '2029-05-19'],
  ])('a %i-month contract costs Rp %i and its placement ends on %s', async (months, premiumRp, end) => {
    const r = await registerPmi(deps, branch, worker(months));
    expect(r.placement).toMatchObject({ premiumRp, contractMonths: months, placementEnd: end });
    expect(r.lines.reduce((s, l) => s + l.amountRp, 0)).toBe(premiumRp);
  });

  it('bills a PMI perseorangan to themself', async () => {
    const { agency: _, ...input } = worker(12, { countryCode: 'tw' });
    const r = await registerPmi(deps, branch, input);
    // Pasal 18: 37.500 + 189.000 = Rp 226.500, to a payer of their own.
    expect(r.placement).toMatchObject({
      kind: 'perseorangan',
      agencyLicense: null,
      premiumRp: 226_500,
      countryCode: 'TW',
    });
    expect(await ledgerOf(deps, r.placement.invoiceId)).toEqual([
      ['contribution_income', null, -226_500],
      ['receivable', 'self', 226_500],
    ]);
  });

  it('keeps one agency and payer for all its workers', async () => {
    const r = await deps.db.query<{ n: number; invoiced: number }>(
      `SELECT count(DISTINCT ag.id)::int AS n, sum(i.total_rp)::bigint AS invoiced
       FROM placement_agency ag JOIN invoice i ON i.payer_id = ag.payer_id`,
    );
    // 370.000 + 145.500 + 226.500 + 424.000 = Rp 1.166.000 for the agency's four workers.
    expect(r.rows[0]).toEqual({ n: 1, invoiced: 1_166_000 });
  });

  it('refuses a NIK with an active PU membership, and a second PMI membership', async () => {
    await registerEmployer(deps, branch, {
      npp: NPP,
      name: 'CV Tenun Kewar',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: KEWAR,
    });
    const pu = worker(12);
    await registerEmployee(deps, branch, NPP, {
      nik: pu.nik,
      fullName: pu.fullName!,
      birthDate: '1998-03-14',
      sex: 'P',
      startDate: '2026-10-01',
      wageRp: 2_500_000,
    });
    // src/rules/kepesertaan.ts: PMI shares JKK and JKM with PU and is no employer lane: refused.
    await expectCode(registerPmi(deps, branch, pu), 'ALREADY_PU');
    const again = worker(6);
    await registerPmi(deps, branch, again);
    await expectCode(registerPmi(deps, branch, { ...again, agency: undefined }), 'ALREADY_PMI');
  });

  it('refuses a departure beyond the five-month pre-departure window and a contract before departure', async () => {
    // 24 Nov 2026 + 5 months = 24 Apr 2027: a departure on 25 April is too far ahead.
    await expectCode(
      registerPmi(deps, branch, worker(12, { departureDate: '2027-04-25', contractStart: '2027-05-01' })),
      'PMI_DEPARTURE_WINDOW',
    );
    await expectCode(
      registerPmi(deps, branch, worker(12, { departureDate: '2026-11-23' })),
      'PMI_DEPARTURE_WINDOW',
    );
    await expectCode(
      registerPmi(deps, branch, worker(12, { contractStart: '2027-01-10' })),
      'PMI_CONTRACT_START',
    );
  });

  it('lets only the branch register; a village operator is refused, another regency is not found', async () => {
    const kewar = await demoActor(deps, 'desa.kewar');
    await expectCode(registerPmi(deps, kewar, worker(12)), 'FORBIDDEN');
    await expectCode(
      registerPmi(deps, branch, worker(12, { regionCode: '53.05.01.2012' })),
      'REGION_NOT_FOUND',
    );
    // The operator sees the village's PMI, masked as the participant lists are (read, not write).
    const list = await listPmi(deps, kewar);
    expect(list.total).toBe(6);
    const one = await showPmi(deps, kewar, list.placements[0]!.kpj);
    expect(one.placement.kpj).toBe(list.placements[0]!.kpj);
  });

  it('leaves premium invoices out of the monthly billing run', async () => {
    const run = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    // The first run of the month (regular), billing the one PU worker; no PMI line corrected away.
    const lines = await deps.db.query<{ segment: string; n: number }>(
      `SELECT pa.segment, count(*)::int AS n FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
       JOIN participant pa ON pa.id = l.participant_id WHERE i.billing_run_id IS NOT NULL GROUP BY pa.segment`,
    );
    expect(lines.rows.map((r) => r.segment)).toEqual(['PU']);
    expect(run).toMatchObject({ kind: 'regular' });
  });
});
