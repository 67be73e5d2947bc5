import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/audit.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyAudit } from '../../src/services/verify-audit.ts';
import { onDay, preparedDeps, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';

// Issue 18: with one audit lock for the country, a billing run in Malaka waited for any open
// audited transaction in Belu (3.74 s behind a 4 s one). With a chain per regency (0022) Malaka's
// billing run and upload go through while Belu's transaction is open, and the overlap is measured.
// PostgreSQL only: PGlite has one session, so nothing there runs in parallel.

const BELU_VILLAGE = '53.04.01.2001';
const MALAKA_VILLAGE = '53.21.01.2001';
const actor = consoleActor();

/** Connections of this database waiting for a lock, polled until one is (PostgreSQL). */
async function untilSomeoneWaits(deps: Deps): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const r = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (r.rows[0]!.n > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('no connection ever waited for a lock');
}

const ms = (from: number) => Math.round(performance.now() - from);

describe.runIf(testDbKind === 'postgres')('two regencies write in parallel (one audit chain each)', () => {
  let deps: Deps;
  let t: TestDb;
  const december = () => onDay(deps, '2026-12-01');

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, BELU_VILLAGE, 10, { serialStart: 1 });
    await enrolActive(deps, MALAKA_VILLAGE, 10, { serialStart: 101 });
  });
  afterAll(async () => t.drop());

  it("Malaka's billing run and enrolment upload finish while a Belu transaction holds Belu's chain; Belu's own run waits", async () => {
    let release = () => {};
    const held = new Promise<void>((res) => {
      release = res;
    });
    let opened = () => {};
    const isOpen = new Promise<void>((res) => {
      opened = res;
    });
    const t0 = performance.now();
    let beluClosedAt = 0;
    // A Belu write left open (as a long upload or billing run would be), holding Belu's chain.
    const belu = deps.db.transaction(async (tx) => {
      await recordAudit(tx, {
        at: TEST_NOW,
        actor: 'tester',
        action: 'test.hold',
        entity: 'none',
        regionCode: BELU_VILLAGE,
      });
      opened();
      await held;
      beluClosedAt = ms(t0);
    });
    await isOpen;

    const malakaBilling = runBilling(december(), actor, { regencyCode: '53.21', period: '2026-12' }).then(
      (r) => ({
        r,
        at: ms(t0),
      }),
    );
    const malakaUpload = uploadEnrolment(deps, actor, {
      villageCode: MALAKA_VILLAGE,
      fileName: 'malaka-more.csv',
      bytes: toCsv(validWorkers(4, 201)),
      fundingSource: 'APBDES',
    }).then((u) => ({ u, at: ms(t0) }));
    const timeout = new Promise<null>((res) => setTimeout(() => res(null), 45_000));
    const malakaDone = await Promise.race([Promise.all([malakaBilling, malakaUpload]), timeout]);
    // Whatever happened, Belu's transaction must end, or every later Belu write waits forever.
    if (!malakaDone) {
      release();
      await belu;
    }
    expect(
      malakaDone,
      "Malaka's billing run and upload finished while Belu's transaction was open",
    ).not.toBeNull();
    const [billing, upload] = malakaDone!;
    expect(billing.r.participants).toBe(10);
    expect(upload.u.upload.valid).toBe(4);

    // Belu's own billing run queues behind the open Belu transaction.
    const beluBilling = runBilling(december(), actor, { regencyCode: '53.04', period: '2026-12' }).then(
      (r) => ({
        r,
        at: ms(t0),
      }),
    );
    await untilSomeoneWaits(deps);
    const beluWaitingAt = ms(t0);
    release();
    await belu;
    const beluRun = await beluBilling;
    console.log(
      `[audit-parallel] Belu held its chain for ${beluClosedAt} ms; inside that, Malaka's billing run ended at ` +
        `${billing.at} ms and its upload at ${upload.at} ms (overlap ${Math.min(billing.at, upload.at)}–${Math.max(billing.at, upload.at)} ms ` +
        `of ${beluClosedAt} ms); Belu's billing run waited from ${beluWaitingAt} ms and ended at ${beluRun.at} ms`,
    );
    expect(Math.max(billing.at, upload.at)).toBeLessThan(beluClosedAt);
    expect(beluRun.at).toBeGreaterThanOrEqual(beluClosedAt);
    expect(beluRun.r.participants).toBe(10);

    const verdict = await verifyAudit(deps);
    expect(verdict.ok).toBe(true);
    const chains = verdict.chains.map((c) => c.chain);
    expect(chains).toEqual(expect.arrayContaining(['53.04', '53.21']));
  });

  it("two regencies' billing runs side by side both commit, and tampering with either chain is still found", async () => {
    const january = onDay(deps, '2027-01-01');
    const started = performance.now();
    const span = async (regencyCode: string) => {
      const from = ms(started);
      await runBilling(january, actor, { regencyCode, period: '2027-01' });
      return { from, to: ms(started) };
    };
    const [b, m] = await Promise.all([span('53.04'), span('53.21')]);
    const overlap = Math.min(b.to, m.to) - Math.max(b.from, m.from);
    console.log(
      `[audit-parallel] January runs: Belu ${b.from}–${b.to} ms, Malaka ${m.from}–${m.to} ms, overlap ${overlap} ms`,
    );
    expect(overlap).toBeGreaterThan(0);
    expect((await verifyAudit(deps)).ok).toBe(true);

    for (const chain of ['53.21', '53.04']) {
      await deps.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
        UPDATE audit_log SET actor = 'someone-else' WHERE chain = '${chain}' AND chain_seq = 2;
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
      const r = await verifyAudit(deps);
      expect(r.ok).toBe(false);
      const broken = Object.fromEntries(r.chains.map((c) => [c.chain, c.firstBreak?.chainSeq ?? null]));
      expect(broken[chain]).toBe(2);
    }
  });
});
