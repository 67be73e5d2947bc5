import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { uploadEnrolment } from '../src/services/upload-enrolment.ts';
import { personName } from '../test/support/bulk-participants.ts';
import { type Target, table, targets, timed } from './targets.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const VILLAGE = '53.04.01.2001';

/** One row in TWIN_EVERY repeats the row before's name and birth date, with a NIK of its own. */
const TWIN_EVERY = 1_000;

/**
 * ROWS valid village workers with names a person could have (personName), all distinct but for
 * the true duplicates: one row in TWIN_EVERY is the row before's name, birth date and sex under
 * another NIK, which the import reports as a possible duplicate (a warning; the row stays valid).
 */
export function csv(): Buffer {
  const lines = ['NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Kode Desa'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < ROWS; i++) {
    const twin = i % TWIN_EVERY === TWIN_EVERY - 1;
    const of = twin ? i - 1 : i;
    const day = (of % 28) + 1;
    const month = (Math.floor(of / 28) % 12) + 1;
    const year = 1965 + (Math.floor(of / 336) % 40);
    const female = Math.floor(of / 13_440) % 2 === 1;
    // A twin's serial (5000 and up) is one no other row has: the serials of the rest stay under 5000.
    const serial = twin ? 5000 + Math.floor(i / TWIN_EVERY) : Math.floor(i / 26_880) + 1;
    const nik = `530401${p2(day + (female ? 40 : 0))}${p2(month)}${String(year).slice(2)}${String(serial).padStart(4, '0')}`;
    lines.push(
      `${nik},${personName(of)},${year}-${p2(month)}-${p2(day)},${female ? 'P' : 'L'},Petani,${VILLAGE}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The file as COPY text (tab-separated, no header): the fields have no comma, quote or tab. */
function copyText(file: Buffer): string {
  return file.toString('utf8').split('\n').slice(1).join('\n').replaceAll(',', '\t');
}

/**
 * The same-shape baseline, on lindung's own database: COPY the file into a temporary stage (as the
 * import does), then one INSERT … SELECT into a copy of enrolment_row (LIKE … INCLUDING ALL: its
 * columns, identity key, checks and 4 indexes; it has no foreign keys since 0010, LIKE copies none
 * and no triggers) deriving what plain SQL derives cheaply per row: row number, birth date, regency,
 * the NIK's problems (nik_problems), the state, and the in-file possible-duplicate warning from the
 * name key (name_key) and birth date. Not done: the registry lookups (covered, earlier batches,
 * twins in the registry, region), the other field checks and the file's parsing in JavaScript.
 */
const SHAPED_TABLE = `CREATE TABLE raw_enrolment_row (LIKE enrolment_row INCLUDING ALL)`;
const SHAPED_STAGE = `CREATE TEMPORARY TABLE raw_enrolment_stage (row_number int GENERATED ALWAYS AS IDENTITY,
  nik text, full_name text, birth_date_raw text, sex text, occupation text, village_code text) ON COMMIT DROP`;
const SHAPED_INSERT = `INSERT INTO raw_enrolment_row (batch_id, upload_id, regency_code, row_number, nik, nik_not_text,
    full_name, birth_date_raw, birth_date, sex, occupation, village_code, errors, warnings, state)
  SELECT 1, 1, '53.04', s.row_number, s.nik, false, s.full_name, s.birth_date_raw, s.birth_date, s.sex, s.occupation,
         s.village_code, s.errs,
         CASE WHEN s.twin THEN ARRAY['full_name:POSSIBLE_DUPLICATE'] ELSE '{}' END,
         CASE WHEN cardinality(s.errs) = 0 THEN 'valid' ELSE 'invalid' END
  FROM (SELECT k.*, nik_problems(k.nik, k.birth_date, k.sex, 'nik:') AS errs,
               min(k.nik) OVER twin <> max(k.nik) OVER twin AS twin
        FROM (SELECT r.*, r.birth_date_raw::date AS birth_date, name_key(r.full_name) AS name_key
              FROM raw_enrolment_stage r) k
        WINDOW twin AS (PARTITION BY k.name_key, k.birth_date)) s
  ORDER BY s.row_number`;

async function shapedCopy(t: Target, text: string): Promise<number> {
  await t.db.exec(SHAPED_TABLE);
  const { ms } = await timed(() =>
    t.db.transaction(async (tx) => {
      await tx.query(SHAPED_STAGE);
      await tx.copyIn(
        'raw_enrolment_stage (nik, full_name, birth_date_raw, sex, occupation, village_code)',
        text,
      );
      await tx.query(SHAPED_INSERT);
    }),
  );
  const n = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM raw_enrolment_row WHERE state = 'valid'`,
  );
  if (n.rows[0]!.n !== ROWS) throw new Error(`same-shape baseline wrote ${n.rows[0]!.n} valid rows`);
  return ms;
}

const RAW_TABLE = `CREATE TABLE raw_enrolment (nik text, full_name text, birth_date text, sex text, occupation text, village_code text)`;

/** The bare baseline: COPY the same file into a table without constraints, through each driver's COPY. */
async function rawCopy(t: Target, file: Buffer): Promise<number> {
  if (t.name === 'PGlite') {
    const raw = await PGlite.create('memory://');
    await raw.exec(RAW_TABLE);
    const { ms } = await timed(() =>
      raw.query(`COPY raw_enrolment FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([new Uint8Array(file)]),
      }),
    );
    await raw.close();
    return ms;
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  await client.query(RAW_TABLE);
  const { ms } = await timed(() =>
    pipeline(
      Readable.from([file]),
      client.query(copyFrom(`COPY raw_enrolment FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    ),
  );
  await client.end();
  return ms;
}

export async function run(): Promise<void> {
  console.log(
    `\nenrolment import: ${ROWS.toLocaleString('en')} valid rows (BENCH_ROWS), one village batch, full validation; ` +
      `names a person could have, distinct but for one row in ${TWIN_EVERY.toLocaleString('en')} that repeats the row before's ` +
      `name and birth date under its own NIK (a possible-duplicate warning); against a ` +
      `same-shape baseline (COPY into a stage, INSERT … SELECT into a copy of enrolment_row with its indexes) ` +
      `and a bare one (COPY into a 6-column table without index)\n`,
  );
  const file = csv();
  const text = copyText(file);
  const rows: string[][] = [
    ['database', 'lindung import', 'rows/s', 'raw, same shape', 'ratio', 'raw COPY, bare', 'ratio'],
  ];
  for (const t of await targets()) {
    try {
      await prepareDatabase(t.db, { provinces: ['53'] });
      const deps: Deps = { db: t.db, clock: fixedClock('2026-11-24T02:00:00Z') };
      const imp = await timed(() =>
        uploadEnrolment(deps, consoleActor(), { villageCode: VILLAGE, fileName: 'bench.csv', bytes: file }),
      );
      // Both rows of each true duplicate are warned of, and nothing else.
      const twins = Math.floor(ROWS / TWIN_EVERY);
      if (imp.value.upload.valid !== ROWS || imp.value.upload.warnings !== 2 * twins)
        throw new Error(
          `expected ${ROWS} valid rows, ${2 * twins} with a warning; got ${JSON.stringify(imp.value.upload)}`,
        );
      const shapedMs = await shapedCopy(t, text);
      const rawMs = await rawCopy(t, file);
      const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
      rows.push([
        t.name,
        `${(imp.ms / 1000).toFixed(2)} s`,
        rate(imp.ms),
        `${(shapedMs / 1000).toFixed(2)} s`,
        `${(imp.ms / shapedMs).toFixed(2)}×`,
        `${(rawMs / 1000).toFixed(2)} s`,
        `${(imp.ms / rawMs).toFixed(2)}×`,
      ]);
    } finally {
      await t.drop();
    }
  }
  table(rows);
}
