import { recordAudit } from '../../db/audit.ts';
import type { Deps } from '../actor.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, FIGURES } from './figures.ts';
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
  const total = FIGURES.activeInformal - FIGURES.villageWorkers;
  const counts = splitTotal(
    total,
    kecamatan.map((k) => WEIGHT[k.code] ?? 1),
  );
  const villages = await deps.db.query<{ code: string; name: string }>(
    `SELECT code, name FROM region WHERE level = 'village' AND code LIKE $1 ORDER BY code`,
    [`${DEMO_REGENCY}.%`],
  );
  let created = 0;
  clock.set('2022-12-30', 10);
  const at = clock.now();
  for (const [i, k] of kecamatan.entries()) {
    const inK = villages.rows.filter((v) => v.code.startsWith(`${k.code}.`));
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
      const existing = await tx.query<{ id: number }>(
        `SELECT id FROM payer WHERE kind = 'self' AND region_code = $1 AND name = $2`,
        [k.code, payerName],
      );
      if (existing.rows[0]) return 0;
      const payerId = (
        await tx.query<{ id: number }>(
          `INSERT INTO payer (kind, name, region_code, created_at) VALUES ('self', $1, $2, $3) RETURNING id`,
          [payerName, k.code, at],
        )
      ).rows[0]!.id;
      await tx.query(
        `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, address, region_code, created_at)
         SELECT t.nik, t.name, name_key(t.name), t.birth, t.sex, t.job, t.addr, t.region, $8
         FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS t (nik, name, birth, sex, job, addr, region)
         ON CONFLICT (nik) DO NOTHING`,
        [
          rows.map((r) => r.nik),
          rows.map((r) => r.fullName),
          rows.map((r) => r.birthDate),
          rows.map((r) => r.sex),
          rows.map((r) => r.occupation),
          rows.map((r) => r.address),
          rows.map((r) => r.regionCode),
          at,
        ],
      );
      const inserted = await tx.query(
        `INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
           declared_income_rp, status, status_since, created_at)
         SELECT next_kpj(extract(year FROM t.since)::int), p.id, 'BPU', string_to_array(t.programs, ','), 'SELF', $6,
                t.region, $7, t.income, 'active', t.since, $8
         FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[], $5::text[]) WITH ORDINALITY
           AS t (nik, region, since, income, programs, ord)
         JOIN person p ON p.nik = t.nik
         ORDER BY t.since, t.ord`,
        [
          rows.map((r) => r.nik),
          rows.map((r) => r.regionCode),
          rows.map((r) => r.since),
          rows.map((r) => r.income),
          rows.map((r) => r.programs),
          payerId,
          DEMO_REGENCY,
          at,
        ],
      );
      await tx.query(
        `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
         SELECT id, regency_code, 'active', status_since, 'BPU mandiri: carried over from the previous system', $2, $3
         FROM participant WHERE payer_id = $1`,
        [payerId, 'demo', at],
      );
      await recordAudit(tx, {
        at,
        actor: 'demo',
        action: 'demo.bpu_carry_over',
        entity: 'payer',
        entityId: String(payerId),
        regionCode: k.code,
        after: { payerName, participants: inserted.rowCount },
      });
      return inserted.rowCount ?? 0;
    });
    created += made;
  }
  progress(`  ${created} self-paying informal workers carried over (${total} expected)`);
  return { created };
}
