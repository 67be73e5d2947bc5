import { allocationKeys2023, findAgreementId } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { addBudgetAllocation } from '../add-budget-allocation.ts';
import { createAgreement } from '../create-agreement.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { AGREEMENT_NUMBER, DEMO_REGENCY } from './figures.ts';
import type { DemoVillage } from './villages.ts';

/** JKK Rp10,000 + JKM Rp6,800 a month per village worker at the BPU minimum income. */
const MONTHLY_RP = 16_800;

/**
 * The 2023 PKS between Pemkab Belu and the branch, and its budgets: the regency's APBD for the
 * desa it pays for, each other desa's APBDes for its own workers (12 months, quota = workers).
 */
export async function loadAgreement(deps: Deps, clock: DemoClock, villages: DemoVillage[]) {
  const dinas = await demoUser(deps, 'dinas.belu');
  clock.set('2022-11-28');
  let id = await findAgreementId(deps.db, AGREEMENT_NUMBER);
  id ??= (
    await createAgreement(deps, dinas, {
      number: AGREEMENT_NUMBER,
      title:
        'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan Desa dan Pegawai Non-ASN Kabupaten Belu Tahun 2023',
      regencyCode: DEMO_REGENCY,
      signedOn: '2022-11-28',
      validFrom: '2023-01-01',
      validTo: '2023-12-31',
      signatories: [
        { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' },
        {
          name: 'Kepala Kantor Cabang',
          position: 'Kepala Kantor Cabang',
          office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
          party: 'branch',
        },
      ],
      legalBasis: [
        'Inpres 2/2021',
        'Permendagri 84/2022 (pedoman APBD 2023)',
        'Perbup Belu tentang perlindungan pekerja rentan',
      ],
    })
  ).agreement.id;
  const done = await allocationKeys2023(deps.db, id);
  const apbdWorkers = villages.filter((v) => v.fundingSource === 'APBD').reduce((n, v) => n + v.workers, 0);
  if (!done.has(`APBD:${DEMO_REGENCY}`)) {
    await addBudgetAllocation(deps, dinas, id, {
      fundingSource: 'APBD',
      fiscalYear: 2023,
      amountRp: apbdWorkers * MONTHLY_RP * 12,
      quotaWorkers: apbdWorkers,
    });
  }
  for (const v of villages.filter((x) => x.fundingSource === 'APBDES')) {
    if (done.has(`APBDES:${v.code}`)) continue;
    await addBudgetAllocation(deps, dinas, id, {
      fundingSource: 'APBDES',
      fiscalYear: 2023,
      amountRp: v.workers * MONTHLY_RP * 12,
      quotaWorkers: v.workers,
      villageCode: v.code,
    });
  }
  return { agreementId: id };
}
