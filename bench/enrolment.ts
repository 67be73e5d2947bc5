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
import { serialName } from '../test/support/names.ts';
import { type Target, table, targets, timed } from './targets.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const VILLAGE = '53.04.01.2001';

/** ROWS distinct, valid village workers: NIK from birth date, sex and a serial. */
export function csv(): Buffer {
  const lines = ['NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Kode Desa'];
  for (let i = 0; i < ROWS; i++) {
    const day = (i % 28) + 1;
    const month = (Math.floor(i / 28) % 12) + 1;
    const year = 1965 + (Math.floor(i / 336) % 40);
    const female = Math.floor(i / 13_440) % 2 === 1;
    const serial = Math.floor(i / 26_880) + 1;
    const p2 = (n: number) => String(n).padStart(2, '0');
    const nik = `530401${p2(day + (female ? 40 : 0))}${p2(month)}${String(year).slice(2)}${String(serial).padStart(4, '0')}`;
    lines.push(
      `${nik},Pekerja Desa ${serialName(i + 1)},${year}-${p2(month)}-${p2(day)},${female ? 'P' : 'L'},Petani,${VILLAGE}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const RAW_TABLE = `CREATE TABLE raw_enrolment (nik text, full_name text, birth_date text, sex text, occupation text, village_code text)`;

/** The baseline: COPY the same file into a table without constraints, through each driver's COPY. */
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
    `\nenrolment import: ${ROWS.toLocaleString('en')} valid rows, one village batch, full validation\n`,
  );
  const file = csv();
  const rows: string[][] = [['database', 'lindung import', 'rows/s', 'raw COPY', 'rows/s', 'ratio']];
  for (const t of await targets()) {
    try {
      await prepareDatabase(t.db, { provinces: ['53'] });
      const deps: Deps = { db: t.db, clock: fixedClock('2026-11-24T02:00:00Z') };
      const imp = await timed(() =>
        uploadEnrolment(deps, consoleActor(), { villageCode: VILLAGE, fileName: 'bench.csv', bytes: file }),
      );
      if (imp.value.upload.valid !== ROWS)
        throw new Error(`expected ${ROWS} valid rows, got ${JSON.stringify(imp.value.upload)}`);
      const rawMs = await rawCopy(t, file);
      const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
      rows.push([
        t.name,
        `${(imp.ms / 1000).toFixed(2)} s`,
        rate(imp.ms),
        `${(rawMs / 1000).toFixed(2)} s`,
        rate(rawMs),
        `${(imp.ms / rawMs).toFixed(2)}×`,
      ]);
    } finally {
      await t.drop();
    }
  }
  table(rows);
}
