import type { Queryable } from '../../db/types.ts';
import { APBD_KECAMATAN, DEMO_REGENCY, FIGURES } from './figures.ts';
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
 * programme), each with its share of the 5,829 village workers: 50–120 weights, seeded.
 */
export async function demoVillages(q: Queryable): Promise<DemoVillage[]> {
  const r = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM region
     WHERE level = 'village' AND code LIKE $1 AND substr(code, 10, 1) = '2' ORDER BY code`,
    [`${DEMO_REGENCY}.%`],
  );
  if (r.rows.length !== FIGURES.villagesWithWorkers) {
    throw new Error(
      `expected ${FIGURES.villagesWithWorkers} desa in ${DEMO_REGENCY}, found ${r.rows.length}`,
    );
  }
  const rnd = seededRandom(5829);
  const counts = splitTotal(
    FIGURES.villageWorkers,
    r.rows.map(() => rnd.int(50, 120)),
  );
  return r.rows.map((v, i) => {
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
  const r = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM region WHERE level = 'district' AND code LIKE $1 ORDER BY code`,
    [`${DEMO_REGENCY}.%`],
  );
  return r.rows;
}
