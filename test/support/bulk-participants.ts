import type { Queryable } from '../../src/db/types.ts';

// Many active village workers written set-based (no enrolment workflow), for the billing crash
// test and the billing benchmark: persons, a payer per village (and the regency treasury),
// BPU participants with JKK + JKM and KPJ numbers from next_kpj, and their status history.

export interface BulkOptions {
  regencyCode: string;
  count: number;
  /** How many of the regency's villages share the workers (round robin); all of them by default. */
  villages?: number;
  /** Every n-th worker is funded by the regency (APBD); the rest by their village (APBDes). */
  apbdEvery?: number;
  effectiveDate: string;
  at: string;
  /** NIKs are 16 digits starting with this 6-digit prefix and a 10-digit serial (default 539900). */
  nikPrefix?: string;
  /** Names a person could have, nearly all distinct (personNameSql), instead of "Pekerja Desa N" for everyone. */
  distinctNames?: boolean;
}

const GIVEN = (
  'Agus Budi Citra Dewi Eko Fransiska Gregorius Hendrik Imelda Yohanes Kornelis Lusia Maria Nikolaus ' +
  'Oktavianus Petrus Rosalia Stefanus Theresia Urbanus Veronika Wilhelmus Yosefina Ahmad Siti Nur ' +
  'Rahmat Sri Wayan Made Nyoman Ketut Yakobus Dominikus Agustina Benediktus Elisabet Fransiskus Herman ' +
  'Ignasius Yuliana Kristina Laurensius Marselina Paulus Rofinus Serafina'
).split(' ');
const FAMILY = (
  'Bere Mau Seran Nahak Klau Luan Tae Atok Bria Asa Fahik Kehi Leki Manek Naibuti Besin Ulu Lau Taek ' +
  'Halek Mali Berek Kali Dasi Lelo Neno Usfal Tefa Kolo Nitbani Sanam Banunaek Kase Lopo Missa Oematan ' +
  'Pah Ratu Sae Tualaka Ufi Wadu Yunus'
).split(' ');

/**
 * The SQL of a person's name for serial `i` (an integer expression): a given name, a family name
 * and a third name of three letters, distinct for the first 35 million serials (the same serial
 * gives the same name, so two populations with overlapping serials share names: true duplicates).
 */
export function personNameSql(i: string): string {
  const combos = GIVEN.length * FAMILY.length;
  const letter = (div: number) => `chr(97 + ((${i}) / ${combos * div}) % 26)`;
  return `(${arraySql(GIVEN)})[1 + (${i}) % ${GIVEN.length}] || ' ' || (${arraySql(FAMILY)})[1 + ((${i}) / ${GIVEN.length}) % ${FAMILY.length}]
    || ' ' || initcap(${letter(676)} || ${letter(26)} || ${letter(1)})`;
}

/** personNameSql's name for serial `i`, in JavaScript: the same text for the same serial. */
export function personName(i: number): string {
  const combos = GIVEN.length * FAMILY.length;
  const letter = (div: number) => String.fromCharCode(97 + (Math.floor(i / (combos * div)) % 26));
  const third = letter(676) + letter(26) + letter(1);
  return `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${third.charAt(0).toUpperCase()}${third.slice(1)}`;
}

const arraySql = (names: readonly string[]) => `ARRAY[${names.map((n) => `'${n}'`).join(', ')}]`;

export interface BulkResult {
  participants: number;
  /** Participants per payer id. */
  perPayer: Map<number, number>;
}

/** Inserts opts.count active BPU village workers and returns how many each payer pays for. */
export async function insertBulkParticipants(q: Queryable, opts: BulkOptions): Promise<BulkResult> {
  const apbdEvery = opts.apbdEvery ?? 7;
  const prefix = opts.nikPrefix ?? '539900';
  const villages = (
    await q.query<{ code: string }>(
      `SELECT code FROM region WHERE regency_code = $1 AND level = 'village' ORDER BY code LIMIT $2`,
      [opts.regencyCode, opts.villages ?? 100_000],
    )
  ).rows.map((r) => r.code);
  if (!villages.length) throw new Error(`no villages loaded for ${opts.regencyCode}`);
  await q.query(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT 'village', 'Pemerintah Desa ' || r.name, r.code, $2::timestamptz FROM region r WHERE r.code = ANY($1::text[])
     UNION ALL
     SELECT 'regency', 'Pemerintah ' || initcap(r.name), r.code, $2::timestamptz FROM region r WHERE r.code = $3
     ON CONFLICT (kind, region_code) WHERE kind IN ('regency', 'village') DO NOTHING`,
    [villages, opts.at, opts.regencyCode],
  );
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, region_code, created_at)
     SELECT $2 || lpad(i::text, 10, '0'), n.full_name, name_key(n.full_name), date '1970-01-01' + (i % 12000),
            CASE WHEN i % 2 = 0 THEN 'P' ELSE 'L' END, 'Petani', ($3::text[])[1 + i % cardinality($3::text[])], $4::timestamptz
     FROM generate_series(1, $1::int) AS i
     CROSS JOIN LATERAL (SELECT ${opts.distinctNames ? personNameSql('i') : `'Pekerja Desa ' || i`} AS full_name) n`,
    [opts.count, prefix, villages, opts.at],
  );
  await q.query(
    `INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
       status, status_since, created_at)
     SELECT next_kpj(extract(year FROM $4::date)::int), p.id, 'BPU', ARRAY['JKK', 'JKM'],
            CASE WHEN w.apbd THEN 'APBD' ELSE 'APBDES' END, pay.id, w.village, $3, 'active', $4::date, $5::timestamptz
     FROM (SELECT i, $2 || lpad(i::text, 10, '0') AS nik, ($6::text[])[1 + i % cardinality($6::text[])] AS village,
                  i % $7::int = 0 AS apbd
           FROM generate_series(1, $1::int) AS i) w
     JOIN person p ON p.nik = w.nik
     JOIN payer pay ON pay.kind = CASE WHEN w.apbd THEN 'regency' ELSE 'village' END
                   AND pay.region_code = CASE WHEN w.apbd THEN $3 ELSE w.village END
     ORDER BY w.i`,
    [opts.count, prefix, opts.regencyCode, opts.effectiveDate, opts.at, villages, apbdEvery],
  );
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT pa.id, pa.regency_code, 'active', pa.status_since, 'bulk test data', 'test', $3::timestamptz
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.regency_code = $1 AND left(p.nik, 6) = $2`,
    [opts.regencyCode, prefix, opts.at],
  );
  const perPayer = await q.query<{ payerId: number; n: number }>(
    `SELECT pa.payer_id AS "payerId", count(*)::int AS n
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.regency_code = $1 AND left(p.nik, 6) = $2 GROUP BY pa.payer_id`,
    [opts.regencyCode, prefix],
  );
  return {
    participants: perPayer.rows.reduce((s, r) => s + r.n, 0),
    perPayer: new Map(perPayer.rows.map((r) => [r.payerId, r.n])),
  };
}
