import { recordAudit } from '../../db/audit.ts';
import { villagesOf } from '../../db/demo.ts';
import { carryOverSelfPaying, findSelfPayer } from '../../db/demo-carry-over.ts';
import type { Deps } from '../actor.ts';
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

/**
 * Self-paying informal (BPU mandiri) workers. The enrolment flow takes only APBD, APBDes and CSR
 * batches and there is no self-registration service yet, so they are carried over set-based, as
 * the branch's existing members from its previous system (registered 2019–2022), mirroring what
 * batch activation writes: person, payer, active BPU participant with KPJ, status history, audit.
 * Their contributions are collected per kecamatan by the branch's Perisai agents: one payer per
 * kecamatan keeps the monthly billing and payments to a dozen invoices.
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
  let created = 0;
  clock.set('2022-12-30', 10);
  const at = clock.now();
  for (const [i, k] of kecamatan.entries()) {
    const inK = villages.filter((v) => v.code.startsWith(`${k.code}.`));
    const rows = Array.from({ length: counts[i]! }, () => {
      const p = people.person(k.code, 1960, 2004);
      const v = rnd.pick(inK);
      const since = `${rnd.int(2019, 2022)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      return {
        ...p,
        occupation: rnd.pick(JOBS),
        address: `${v.code.charAt(9) === '1' ? 'Kelurahan' : 'Desa'} ${v.name}`,
        regionCode: v.code,
        since,
        income: rnd.pick(INCOMES),
        programs: rnd.next() < 0.35 ? 'JKK,JKM,JHT' : 'JKK,JKM',
      };
    });
    const payerName = `Iuran mandiri BPU Kecamatan ${k.name} (kolektif Perisai)`;
    const made = await deps.db.transaction(async (tx) => {
      if (await findSelfPayer(tx, k.code, payerName)) return 0;
      const { payerId, participants } = await carryOverSelfPaying(tx, {
        payerName,
        kecamatanCode: k.code,
        regencyCode: DEMO_REGENCY,
        members: rows,
        actor: 'demo',
        at,
      });
      await recordAudit(tx, {
        at,
        actor: 'demo',
        action: 'demo.bpu_carry_over',
        entity: 'payer',
        entityId: String(payerId),
        regionCode: k.code,
        after: { payerName, participants },
      });
      return participants;
    });
    created += made;
  }
  progress(`  ${created} self-paying informal workers carried over (${total} expected)`);
  return { created };
}
