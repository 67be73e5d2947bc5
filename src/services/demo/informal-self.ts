import { findAgentPayer } from '../../db/bpu.ts';
import { villagesOf } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { registerBpuFile } from '../bpu/register-bpu-file.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, ENROLLED } from './figures.ts';
import type { PersonFactory } from './people.ts';
import { type Random, splitTotal } from './random.ts';

const JOBS = [
  'Pedagang',
  'Pedagang',
  'Tukang Ojek',
  'Sopir',
  'Petani',
  'Petani',
  'Peternak',
  'Penjahit',
  'Tukang Bangunan',
  'Montir',
  'Penenun',
  'Nelayan',
  'Tukang Cukur',
  'Pengrajin',
];
/** Declared monthly incomes (Rp): most self-paying workers declare the minimum. */
const INCOMES = [1_000_000, 1_000_000, 1_000_000, 1_500_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000];
/** Kota Atambua and its neighbours hold most of Belu's traders, drivers and craftsmen. */
const WEIGHT: Record<string, number> = {
  '53.04.12': 5,
  '53.04.21': 4,
  '53.04.22': 4,
  '53.04.04': 2,
  '53.04.05': 2,
};

export interface Kecamatan {
  code: string;
  name: string;
}

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const HEADER =
  'nik,nama,tanggal_lahir,jenis_kelamin,pekerjaan,alamat,kode_desa,penghasilan,jht,frekuensi,mulai';

/**
 * Self-paying informal (BPU mandiri) workers, the branch's existing members from its previous
 * system (registered 2019–2022). The branch registers them through the BPU registration file a
 * user can upload (services/bpu/register-bpu-file.ts), one file per kecamatan, with the day each
 * one's cover started (`mulai`). Their contributions are collected per kecamatan by the branch's
 * Perisai agents: one agent payer per kecamatan keeps the monthly billing and payments to a dozen
 * invoices.
 */
export async function loadSelfPayingInformal(
  deps: Deps,
  clock: DemoClock,
  kecamatan: Kecamatan[],
  people: PersonFactory,
  rnd: Random,
  progress: (msg: string) => void,
) {
  const total = ENROLLED.selfPayingInformal;
  const counts = splitTotal(
    total,
    kecamatan.map((k) => WEIGHT[k.code] ?? 1),
  );
  const villages = await villagesOf(deps.db, DEMO_REGENCY);
  const branch = await demoUser(deps, 'cabang.atambua');
  let created = 0;
  clock.set('2022-12-30', 10);
  for (const [i, k] of kecamatan.entries()) {
    const inK = villages.filter((v) => v.code.startsWith(`${k.code}.`));
    const lines = Array.from({ length: counts[i]! }, () => {
      const p = people.person(k.code, 1960, 2004);
      const v = rnd.pick(inK);
      const since = `${rnd.int(2019, 2022)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      const occupation = rnd.pick(JOBS);
      const address = `${v.code.charAt(9) === '1' ? 'Kelurahan' : 'Desa'} ${v.name}`;
      const income = rnd.pick(INCOMES);
      const jht = rnd.next() < 0.35 ? 'ya' : 'tidak';
      return [
        p.nik,
        p.fullName,
        p.birthDate,
        p.sex,
        occupation,
        address,
        v.code,
        String(income),
        jht,
        '1',
        since,
      ]
        .map(csvCell)
        .join(',');
    });
    const agentName = `Iuran mandiri BPU Kecamatan ${k.name} (kolektif Perisai)`;
    // Running the demo again changes nothing: a kecamatan whose agent exists was registered.
    if (await findAgentPayer(deps.db, k.code, agentName)) continue;
    const r = await registerBpuFile(deps, branch, {
      regionCode: k.code,
      csv: [HEADER, ...lines].join('\n'),
      agentName,
    });
    created += r.registered;
  }
  progress(`  ${created} self-paying informal workers registered from BPU files (${total} expected)`);
  return { created };
}
