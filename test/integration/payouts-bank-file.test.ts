import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { approvePayoutBatch, createPayoutBatch } from '../../src/services/payouts/index.ts';
import { demoActor } from '../support/actors.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll } from '../support/http.ts';

// The Bank Mandiri MCM bulk-transfer file (docs/payouts.md), and "sent to the bank" as its own
// audited step: a download changes nothing. The clock stands at 2026-11-24 10:00 WITA.

describe('payout bank file: Mandiri MCM layout, download apart from "sent"', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  let batch: { id: number; number: string };
  let longNameBatch: { id: number; number: string };
  let jkm: { number: string };
  let jkk: { number: string };
  const debit = '1370012345678';
  const mcmQuery = `format=mandiri-mcm&debitAccount=${debit}&date=2026-11-25`;
  const req = (method: 'GET' | 'POST', url: string, who: string, payload?: object, lang = 'id') =>
    app.inject({
      method,
      url,
      headers: { cookie: cookies[who]!, 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
  const batchState = async (id: number) =>
    (
      await deps.db.query<{ batch: string; payouts: string[] }>(
        `SELECT b.status AS batch, array_agg(p.status ORDER BY p.id) AS payouts
         FROM payout_batch b JOIN payout p ON p.batch_id = b.id WHERE b.id = $1 GROUP BY b.status`,
        [id],
      )
    ).rows[0];
  const audits = async (id: number) =>
    (
      await deps.db.query<{ action: string; actor: string; after: Record<string, unknown> }>(
        `SELECT action, actor, after FROM audit_log WHERE entity = 'payout_batch' AND entity_id = $1 ORDER BY chain_seq`,
        [String(id)],
      )
    ).rows;
  const payoutIds = async (id: number) =>
    (
      await deps.db.query<{ id: number }>('SELECT id FROM payout WHERE batch_id = $1 ORDER BY id', [id])
    ).rows.map((r) => r.id);

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    await enrolActive(deps, '53.04.01.2001', 10);
    const ids = await participantsOf(deps.db, '53.04.01.2001');
    // Amounts are fixture values inserted as approved claims; the header total is their sum:
    // 42 000 000 + 3 250 000 = 45 250 000.
    jkm = await insertApprovedClaim(deps.db, ids[0]!, {
      program: 'JKM',
      amountRp: 42_000_000,
      bankCode: '008',
      bankAccount: '0012345678901',
      accountHolder: 'Maria Bere',
    });
    jkk = await insertApprovedClaim(deps.db, ids[1]!, {
      program: 'JKK',
      kind: 'perawatan',
      amountRp: 3_250_000,
      bankCode: '002',
      bankAccount: '0098765432',
      accountHolder: 'Yohanes Atok',
    });
    const officer: Actor = await demoActor(deps, 'cabang.atambua');
    const supervisor: Actor = await demoActor(deps, 'supervisor.atambua');
    const made = await createPayoutBatch(deps, officer, { regencyCode: '53.04' });
    await approvePayoutBatch(deps, supervisor, made.id, { declaredCount: 2, declaredTotalRp: 45_250_000 });
    batch = made;
    const long = await insertApprovedClaim(deps.db, ids[2]!, {
      program: 'JKM',
      amountRp: 42_000_000,
      bankCode: '002',
      bankAccount: '0011122233',
      // 43 characters: over the layout's 40 for the beneficiary name.
      accountHolder: 'Maria Goreti Theresia Bere Nahak Seran Mauk',
    });
    longNameBatch = await createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [long.id] });
    await approvePayoutBatch(deps, supervisor, longNameBatch.id, {
      declaredCount: 1,
      declaredTotalRp: 42_000_000,
    });
    cookies = await loginAll(app, ['cabang.atambua', 'desa.kewar', 'auditor']);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('refuses the file to a village operator and an auditor (403), and nothing is audited as a download', async () => {
    for (const who of ['desa.kewar', 'auditor']) {
      const res = await req('GET', `/api/v1/payout-batches/${batch.id}/export?format=csv`, who);
      expect(res.statusCode).toBe(403);
      const sent = await req('POST', `/api/v1/payout-batches/${batch.id}/sent`, who, {
        format: 'csv',
        sha256: '0'.repeat(64),
      });
      expect(sent.statusCode).toBe(403);
    }
    expect((await audits(batch.id)).map((a) => a.action)).toEqual([
      'payout_batch.create',
      'payout_batch.approve',
    ]);
  });

  it('writes the Mandiri MCM layout byte for byte: header with count and total, one detail per payout', async () => {
    const [p1, p2] = await payoutIds(batch.id);
    const res = await req('GET', `/api/v1/payout-batches/${batch.id}/export?${mcmQuery}`, 'cabang.atambua');
    expect(res.statusCode).toBe(200);
    const expected =
      `P,20261125,${debit},2,45250000.00\r\n` +
      `0012345678901,Maria Bere,,,,IDR,42000000.00,JKM ${jkm.number} ${batch.number},${p1},IBU,,\r\n` +
      `0098765432,Yohanes Atok,,,,IDR,3250000.00,JKK ${jkk.number} ${batch.number},${p2},OBU,002,BRI\r\n`;
    expect(res.rawPayload.toString('latin1')).toBe(expected);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${batch.number}-mandiri-mcm.csv"`);
    expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(res.headers['x-instruction-date']).toBe('2026-11-25');
    // The same request gives the same bytes (the hash names the file in the "sent" step).
    const again = await req('GET', `/api/v1/payout-batches/${batch.id}/export?${mcmQuery}`, 'cabang.atambua');
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('a download leaves the batch unsent and is audited with who, layout and hash', async () => {
    expect(await batchState(batch.id)).toEqual({ batch: 'approved', payouts: ['pending', 'pending'] });
    const downloads = (await audits(batch.id)).filter((a) => a.action === 'payout_batch.download');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({
      actor: 'cabang.atambua',
      after: {
        format: 'mandiri-mcm',
        fileName: `${batch.number}-mandiri-mcm.csv`,
        count: 2,
        debitAccount: debit,
        instructionDate: '2026-11-25',
      },
    });
  });

  it('refuses a name over 40 characters whole, in both languages, and truncates nothing; the generic CSV still serves', async () => {
    const url = `/api/v1/payout-batches/${longNameBatch.id}/export?${mcmQuery}`;
    const id = await req('GET', url, 'cabang.atambua', undefined, 'id');
    expect(id.statusCode).toBe(422);
    const [pid] = await payoutIds(longNameBatch.id);
    expect(id.json().error).toMatchObject({
      code: 'PAYOUT_BANK_FILE_REFUSED',
      details: [{ payoutId: pid, field: 'beneficiaryName', problem: 'longer than 40 characters (43)' }],
    });
    expect(id.json().error.message).toContain('lebih dari 40 karakter');
    const en = await req('GET', url, 'cabang.atambua', undefined, 'en');
    expect(en.json().error.message).toContain('over 40 characters');
    const csv = await req(
      'GET',
      `/api/v1/payout-batches/${longNameBatch.id}/export?format=csv`,
      'cabang.atambua',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(',0011122233,Maria Goreti Theresia Bere Nahak Seran Mauk,42000000,');
    // An instruction date before today is refused.
    const past = await req(
      'GET',
      `/api/v1/payout-batches/${batch.id}/export?format=mandiri-mcm&debitAccount=${debit}&date=2026-11-23`,
      'cabang.atambua',
    );
    expect(past.json().error.code).toBe('PAYOUT_INSTRUCTION_DATE');
  });

  it('"sent to the bank" is its own step: the wrong hash is refused, the right one is audited and stored', async () => {
    const file = await req('GET', `/api/v1/payout-batches/${batch.id}/export?${mcmQuery}`, 'cabang.atambua');
    const sha256 = file.headers['x-content-sha256'] as string;
    const body = { format: 'mandiri-mcm', debitAccount: debit, date: '2026-11-25' };
    const wrong = await req('POST', `/api/v1/payout-batches/${batch.id}/sent`, 'cabang.atambua', {
      ...body,
      date: '2026-11-26',
      sha256,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('PAYOUT_SENT_FILE_MISMATCH');
    expect((await batchState(batch.id))!.batch).toBe('approved');
    const sent = await req('POST', `/api/v1/payout-batches/${batch.id}/sent`, 'cabang.atambua', {
      ...body,
      sha256,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'exported',
      sha256,
      fileName: `${batch.number}-mandiri-mcm.csv`,
    });
    expect(await batchState(batch.id)).toEqual({ batch: 'exported', payouts: ['exported', 'exported'] });
    const marked = (await audits(batch.id)).filter((a) => a.action === 'payout_batch.sent');
    expect(marked).toEqual([
      {
        action: 'payout_batch.sent',
        actor: 'cabang.atambua',
        after: {
          status: 'exported',
          format: 'mandiri-mcm',
          fileName: `${batch.number}-mandiri-mcm.csv`,
          sha256,
          count: 2,
        },
      },
    ]);
    // Once sent, any download is the file sent, and a second "sent" is refused.
    const later = await req('GET', `/api/v1/payout-batches/${batch.id}/export?format=csv`, 'cabang.atambua');
    expect(later.rawPayload.equals(file.rawPayload)).toBe(true);
    const twice = await req('POST', `/api/v1/payout-batches/${batch.id}/sent`, 'cabang.atambua', {
      ...body,
      sha256,
    });
    expect(twice.json().error.code).toBe('PAYOUT_BATCH_STATE');
  });

  it('the bank result import still closes the batch after it was marked sent', async () => {
    const [p1, p2] = await payoutIds(batch.id);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/payout-batches/${batch.id}/result`,
      headers: { cookie: cookies['cabang.atambua']!, 'content-type': 'text/csv', 'x-file-name': 'hasil.csv' },
      payload:
        'batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n' +
        `${batch.number},${p1},PAID,2026-11-24,MCM-1,42000000\r\n${batch.number},${p2},PAID,2026-11-24,MCM-2,3250000\r\n`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ paid: 2, batchStatus: 'reconciled' });
  });
});
