import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import {
  formatKpj,
  participantCardPdf,
  verificationUrl,
  villageCardsPdf,
} from '../../src/services/membership-card.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { verifyMembership } from '../../src/services/verify-membership.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';

/** Every stream of the PDF, inflated when deflated (pdfkit deflates page contents). */
function pdfStreams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of s.matchAll(/<<([^<>]*?)>>\s*stream\r?\n/g)) {
    const len = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const raw = pdf.subarray(m.index + m[0].length, m.index + m[0].length + len);
    out.push((m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
  }
  return out;
}

/** The text of every TJ operator (one per line drawn), decoded from pdfkit's hex strings. */
function pdfText(pdf: Buffer): string[] {
  return pdfStreams(pdf).flatMap((c) =>
    [...c.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
    ),
  );
}

/** Dark QR modules as "row,col", rebuilt from the `col row length 1 re` runs the card draws. */
function qrCells(pdf: Buffer): string[] {
  const cells: string[] = [];
  for (const c of pdfStreams(pdf)) {
    for (const m of c.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)) {
      const [col, row, len] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let i = 0; i < len; i++) cells.push(`${row},${col + i}`);
    }
  }
  return cells.sort();
}

function expectedQrCells(text: string): string[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells: string[] = [];
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) cells.push(`${r},${c}`);
  return cells.sort();
}

async function enrolActive(
  deps: Deps,
  operator: Actor,
  village: string,
  bytes: Buffer,
  funding: 'APBDES' | 'APBD',
) {
  const up = await uploadEnrolment(deps, operator, {
    villageCode: village,
    fileName: `${village}.csv`,
    bytes,
    fundingSource: funding,
  });
  await submitEnrolmentBatch(deps, operator, up.batch.id);
  await verifyEnrolmentBatch(deps, await demoActor(deps, 'dinas.belu'), up.batch.id);
  await activateEnrolmentBatch(deps, await demoActor(deps, 'cabang.atambua'), up.batch.id);
}

describe('membership cards', () => {
  let deps: Deps;
  let t: TestDb;
  let kewar: Actor;
  let fulur: Actor;
  const kpjOf = async (name: string) =>
    (
      await deps.db.query<{ kpj: string }>(
        'SELECT pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.full_name = $1 AND pa.region_code = $2',
        [name, KEWAR],
      )
    ).rows[0]!.kpj;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    kewar = await demoActor(deps, 'desa.kewar');
    fulur = await demoActor(deps, 'desa.fulur');
    await enrolActive(deps, kewar, KEWAR, toCsv(validWorkers(13)), 'APBDES');
    await enrolActive(deps, fulur, FULUR, toCsv(validWorkers(10, 500)), 'APBD');
  });
  afterAll(async () => t.drop());

  it('prints name, grouped KPJ, segment, programmes, funding and coverage start on one card', async () => {
    const kpj = await kpjOf('Maria Bere A');
    const pdf = await participantCardPdf(deps, kewar, kpj);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toEqual([
      'BPJS KETENAGAKERJAAN',
      'Kartu Peserta Jaminan Sosial Ketenagakerjaan',
      'Kabupaten Belu',
      'Maria Bere A',
      'NOMOR KPJ',
      formatKpj(kpj),
      'SEGMEN',
      'Bukan Penerima Upah (BPU)',
      'PROGRAM',
      'JKK, JKM',
      'BERLAKU SEJAK',
      '24 November 2026',
      'Dibiayai APBDes Desa Kewar',
      'Pindai untuk cek status',
      'JKK: Jaminan Kecelakaan Kerja  ·  JKM: Jaminan Kematian',
    ]);
    expect(formatKpj('26000000013')).toBe('26 0000 0001 3');
  });

  it('names the regency treasury on cards the APBD pays for', async () => {
    const fulurKpj = (
      await deps.db.query<{ kpj: string }>(
        'SELECT kpj FROM participant WHERE region_code = $1 ORDER BY kpj',
        [FULUR],
      )
    ).rows[0]!.kpj;
    expect(pdfText(await participantCardPdf(deps, fulur, fulurKpj))).toContain(
      'Dibiayai APBD Kabupaten Belu',
    );
  });

  it('draws a QR code of exactly <base>/cek/<kpj>', async () => {
    const kpj = await kpjOf('Petrus Mau D');
    expect(verificationUrl('https://lindung.belu.go.id/', kpj)).toBe(`https://lindung.belu.go.id/cek/${kpj}`);
    const pdf = await participantCardPdf(deps, kewar, kpj, { publicBaseUrl: 'https://lindung.belu.go.id/' });
    const cells = qrCells(pdf);
    expect(cells).toEqual(expectedQrCells(`https://lindung.belu.go.id/cek/${kpj}`));
    expect(cells).not.toEqual(expectedQrCells(`http://localhost:3000/cek/${kpj}`));
    const byDefault = await participantCardPdf(deps, kewar, kpj);
    expect(qrCells(byDefault)).toEqual(expectedQrCells(`http://localhost:3000/cek/${kpj}`));
  });

  it('gives the same bytes for the same data, dated by the clock passed in', async () => {
    const kpj = await kpjOf('Maria Bere A');
    const a = await participantCardPdf(deps, kewar, kpj);
    const b = await participantCardPdf(deps, kewar, kpj);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261124020000Z)');
    const later = await participantCardPdf(
      { ...deps, clock: fixedClock('2027-01-02T03:04:05.000Z') },
      kewar,
      kpj,
    );
    expect(later.toString('latin1')).toContain('(D:20270102030405Z)');
    expect(later.equals(a)).toBe(false);
  });

  it('puts every active participant of the village on A4 sheets, ten per page', async () => {
    const { pdf, cards } = await villageCardsPdf(deps, kewar, KEWAR);
    expect(cards).toBe(13);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    const kpjs = (
      await deps.db.query<{ kpj: string }>(
        'SELECT kpj FROM participant WHERE region_code = $1 ORDER BY kpj',
        [KEWAR],
      )
    ).rows.map((r) => formatKpj(r.kpj));
    const printed = pdfText(pdf).filter((line) => /^\d{2} \d{4} \d{4} \d$/.test(line));
    expect(printed.sort()).toEqual(kpjs);
    expect(pdfText(pdf)).toContain(
      'Kartu peserta Desa Kewar · halaman 2 dari 2 · 13 kartu · potong mengikuti tanda garis di tepi kertas',
    );
  });

  it('lets the branch print cards of its villages', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    expect((await villageCardsPdf(deps, branch, KEWAR)).cards).toBe(13);
  });

  it('answers 404 outside the caller’s scope and 403 to roles that see masked data', async () => {
    const kpj = await kpjOf('Maria Bere A');
    await expect(participantCardPdf(deps, fulur, kpj)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(villageCardsPdf(deps, fulur, KEWAR)).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    await expect(participantCardPdf(deps, kewar, '26000000010')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(participantCardPdf(deps, kewar, 'abc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const username of ['dinas.belu', 'auditor', 'admin']) {
      const actor = await demoActor(deps, username);
      await expect(participantCardPdf(deps, actor, kpj)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(villageCardsPdf(deps, actor, KEWAR)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('shows the least a public check may (initials, status, programmes), nothing for a wrong check digit', async () => {
    const kpj = await kpjOf('Maria Bere A');
    expect(await verifyMembership(deps, kpj)).toEqual({
      kpj,
      name: 'M. B. A.',
      status: 'active',
      programs: ['JKK', 'JKM'],
    });
    const wrongDigit = kpj.slice(0, 10) + String((Number(kpj[10]) + 1) % 10);
    await expect(verifyMembership(deps, wrongDigit)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyMembership(deps, '2600000001x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prints no card for a lapsed participant and leaves it off the village sheets', async () => {
    const kpj = (
      await deps.db.query<{ kpj: string }>(
        'SELECT kpj FROM participant WHERE region_code = $1 ORDER BY kpj',
        [FULUR],
      )
    ).rows[1]!.kpj;
    await deps.db.query(
      `UPDATE participant SET status = 'lapsed', status_since = '2027-03-01' WHERE kpj = $1`,
      [kpj],
    );
    await expect(participantCardPdf(deps, fulur, kpj)).rejects.toMatchObject({
      code: 'PARTICIPANT_NOT_ACTIVE',
      params: { kpj, status: 'lapsed' },
    });
    expect((await villageCardsPdf(deps, fulur, FULUR)).cards).toBe(9);
    expect(await verifyMembership(deps, kpj)).toMatchObject({ status: 'lapsed' });
  });
});
