import type { Signatory } from '../../db/agreements.ts';
import { allocationKeys, findAgreementId } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { addBudgetAllocation } from '../add-budget-allocation.ts';
import { createAgreement } from '../create-agreement.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY } from './figures.ts';
import type { DemoVillage } from './villages.ts';

/** JKK Rp10,000 + JKM Rp6,800 a month per village worker at the BPU minimum income. */
export const MONTHLY_RP = 16_800;

/** The PKS of a fiscal year between Pemkab Belu and the branch (the 2023 one is the demo's marker). */
export const agreementNumber = (year: number) => `PKS/BELU-BPJSTK/001/${year}`;

/** Who signs Belu's PKS: the Bupati for the regency, the head of the Atambua branch for BPJS Ketenagakerjaan. */
export const BELU_SIGNATORIES: Signatory[] = [
  { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' },
  {
    name: 'Kepala Kantor Cabang',
    position: 'Kepala Kantor Cabang',
    office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
    party: 'branch',
  },
];

/** The Permendagri on drafting each year's APBD (pedoman penyusunan APBD). */
const APBD_GUIDELINES: Record<number, string> = {
  2023: 'Permendagri 84/2022 (pedoman APBD 2023)',
  2024: 'Permendagri 15/2023 (pedoman APBD 2024)',
  2025: 'Permendagri 15/2024 (pedoman APBD 2025)',
};

/** One funding party's workers for the year: the regency (APBD) or one desa (APBDES). */
export interface YearFunding {
  fundingSource: 'APBD' | 'APBDES';
  villageCode?: string;
  workers: number;
}

/**
 * The year's PKS, signed on `signedOn`, and its budgets: 12 months of contributions for each
 * funding party's workers (quota = workers). Resumes: an allocation already recorded is kept.
 */
export async function loadYearAgreement(
  deps: Deps,
  clock: DemoClock,
  a: { year: number; signedOn: string; funding: YearFunding[] },
) {
  const dinas = await demoUser(deps, 'dinas.belu');
  const number = agreementNumber(a.year);
  clock.set(a.signedOn);
  let id = await findAgreementId(deps.db, number);
  id ??= (
    await createAgreement(deps, dinas, {
      number,
      title: `Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan Desa dan Pegawai Non-ASN Kabupaten Belu Tahun ${a.year}`,
      regencyCode: DEMO_REGENCY,
      signedOn: a.signedOn,
      validFrom: `${a.year}-01-01`,
      validTo: `${a.year}-12-31`,
      signatories: BELU_SIGNATORIES,
      legalBasis: [
        'Inpres 2/2021',
        APBD_GUIDELINES[a.year] ?? `Permendagri tentang pedoman penyusunan APBD ${a.year}`,
        'Perbup Belu tentang perlindungan pekerja rentan',
      ],
    })
  ).agreement.id;
  const done = await allocationKeys(deps.db, id, a.year);
  for (const f of a.funding) {
    if (done.has(`${f.fundingSource}:${f.villageCode ?? DEMO_REGENCY}`)) continue;
    await addBudgetAllocation(deps, dinas, id, {
      fundingSource: f.fundingSource,
      fiscalYear: a.year,
      amountRp: f.workers * MONTHLY_RP * 12,
      quotaWorkers: f.workers,
      ...(f.villageCode ? { villageCode: f.villageCode } : {}),
    });
  }
  return { agreementId: id };
}

/**
 * The 2023 PKS, signed 28 November 2022, and its budgets: the regency's APBD for the desa it pays
 * for, each other desa's APBDes for its own workers.
 */
export function loadAgreement(deps: Deps, clock: DemoClock, villages: DemoVillage[]) {
  const apbd = villages.filter((v) => v.fundingSource === 'APBD').reduce((n, v) => n + v.workers, 0);
  return loadYearAgreement(deps, clock, {
    year: 2023,
    signedOn: '2022-11-28',
    funding: [
      { fundingSource: 'APBD', workers: apbd },
      ...villages
        .filter((v) => v.fundingSource === 'APBDES')
        .map((v) => ({ fundingSource: 'APBDES' as const, villageCode: v.code, workers: v.workers })),
    ],
  });
}
