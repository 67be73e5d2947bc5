import { latestBatchBy } from '../../db/demo.ts';
import { activateEnrolmentBatch } from '../activate-enrolment-batch.ts';
import type { Deps } from '../actor.ts';
import { submitEnrolmentBatch } from '../submit-enrolment-batch.ts';
import { uploadEnrolment } from '../upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../verify-enrolment-batch.ts';
import { demoUser, villageOperator } from './actors.ts';
import type { DemoClock } from './clock.ts';
import type { PersonFactory } from './people.ts';
import type { Random } from './random.ts';
import type { DemoVillage } from './villages.ts';

const OCCUPATIONS = [
  'Petani',
  'Petani',
  'Petani',
  'Peternak',
  'Penenun',
  'Buruh Harian Lepas',
  'Tukang Kayu',
  'Tukang Ojek',
  'Pedagang Kecil',
  'Pekebun',
];
const COASTAL_OCCUPATIONS = ['Nelayan', 'Nelayan', 'Petani', 'Pengolah Garam', 'Buruh Harian Lepas'];
/** Kakuluk Mesak lies on the coast (Atapupu): fishers there. */
const COASTAL = '53.04.05';
const DUSUN = ['A', 'B', 'C', 'D'];

/** The village's enrolment file as its operator would fill the template (CSV). */
export function villageCsv(v: DemoVillage, people: PersonFactory, rnd: Random): Buffer {
  const lines = ['NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Nomor HP,Alamat,Kode Desa'];
  for (let i = 0; i < v.workers; i++) {
    // One worker in 150 is born 1957–1960: 62–65 at enrolment (the policy's limit is 65), they
    // turn 66 in 2023–2026 and the renewals of the later years leave them out (years.ts).
    const [from, to] = i % 150 === 75 ? [1957, 1960] : [1963, 2004];
    const p = people.person(v.kecamatanCode, from, to);
    const job = rnd.pick(v.kecamatanCode === COASTAL ? COASTAL_OCCUPATIONS : OCCUPATIONS);
    const phone =
      rnd.next() < 0.6 ? `08${rnd.int(11, 13)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : '';
    lines.push(
      [
        p.nik,
        p.fullName,
        p.birthDate,
        p.sex,
        job,
        phone,
        `Dusun ${rnd.pick(DUSUN)} Desa ${v.name}`,
        v.code,
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * Every desa enrols its workers through the real flow in December 2022: the operator uploads
 * the file and submits, the district verifies, the branch activates (active from 28 Dec 2022).
 * Resumes where an earlier run stopped; a village whose batch is activated is left alone.
 */
export async function enrolVillages(
  deps: Deps,
  clock: DemoClock,
  villages: DemoVillage[],
  people: PersonFactory,
  rnd: Random,
  progress: (msg: string) => void,
) {
  const dinas = await demoUser(deps, 'dinas.belu');
  const cabang = await demoUser(deps, 'cabang.atambua');
  let activated = 0;
  let done = 0;
  for (const [i, v] of villages.entries()) {
    // Generate every village's file even when skipping it, so the people stay the same.
    const csv = villageCsv(v, people, rnd);
    const operator = await villageOperator(deps, v.code, v.name);
    let batch = await latestBatchBy(deps.db, v.code, operator.username);
    if (batch?.status === 'activated') {
      done++;
      continue;
    }
    const day = `2022-12-${String(1 + (i % 9)).padStart(2, '0')}`;
    if (!batch) {
      clock.set(day, 10);
      const up = await uploadEnrolment(deps, operator, {
        villageCode: v.code,
        fileName: `pekerja-rentan-${v.name.toLowerCase().replace(/[^a-z]+/g, '-')}-2023.csv`,
        bytes: csv,
        fundingSource: v.fundingSource,
      });
      if (up.upload.invalid > 0) throw new Error(`demo file of ${v.name}: ${up.upload.invalid} invalid rows`);
      batch = { id: up.batch.id, status: up.batch.status };
    }
    if (batch.status === 'draft') {
      clock.set(day, 14);
      batch.status = (await submitEnrolmentBatch(deps, operator, batch.id)).batch.status;
    }
    if (batch.status === 'submitted') {
      clock.set('2022-12-19', 10);
      batch.status = (await verifyEnrolmentBatch(deps, dinas, batch.id)).batch.status;
    }
    if (batch.status === 'verified') {
      clock.set('2022-12-28', 10);
      activated += (await activateEnrolmentBatch(deps, cabang, batch.id)).participantsCreated;
    }
    if ((i + 1) % 10 === 0 || i === villages.length - 1) progress(`  desa ${i + 1}/${villages.length}`);
  }
  return { activated, alreadyDone: done };
}
