import { desaOf, kecamatanOf } from '../../db/demo.ts';
import type { Queryable } from '../../db/types.ts';
import { APBD_KECAMATAN, DEMO_REGENCY, ENROLLED, FIGURES } from './figures.ts';
import { seededRandom, splitTotal } from './random.ts';

export interface DemoVillage {
  code: string;
  name: string;
  kecamatanCode: string;
  workers: number;
  fundingSource: 'APBDES' | 'APBD';
}

/**
 * The 69 desa of Belu from the Kemendagri regions (kelurahan have no APBDes and no village
 * programme), each with its share of the 5,985 village workers enrolled (the 5,829 active on 22 May
 * 2023 and the 156 who die in the window): 50–120 weights, seeded.
 */
export async function demoVillages(q: Queryable): Promise<DemoVillage[]> {
  const desa = await desaOf(q, DEMO_REGENCY);
  if (desa.length !== FIGURES.villagesWithWorkers) {
    throw new Error(`expected ${FIGURES.villagesWithWorkers} desa in ${DEMO_REGENCY}, found ${desa.length}`);
  }
  const rnd = seededRandom(5829);
  const counts = splitTotal(
    ENROLLED.villageWorkers,
    desa.map(() => rnd.int(50, 120)),
  );
  return desa.map((v, i) => {
    const kecamatanCode = v.code.slice(0, 8);
    return {
      code: v.code,
      name: v.name,
      kecamatanCode,
      workers: counts[i]!,
      fundingSource: APBD_KECAMATAN.includes(kecamatanCode) ? 'APBD' : 'APBDES',
    };
  });
}

/** The 12 kecamatan of Belu. */
export async function demoKecamatan(q: Queryable): Promise<{ code: string; name: string }[]> {
  return kecamatanOf(q, DEMO_REGENCY);
}
