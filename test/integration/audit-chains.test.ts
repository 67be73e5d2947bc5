import { createHmac } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, recordAudit } from '../../src/db/audit.ts';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/types.ts';
import type { Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { verifyAudit, writeAuditCheckpoint } from '../../src/services/verify-audit.ts';
import { freshDb, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';

// Issue 18: one audit chain per regency. Before, every audited write in the country took one
// advisory lock held to commit, so a writer in Malaka waited for a writer in Belu.

const dir = mkdtempSync(join(tmpdir(), 'lindung-chains-'));
let files = 0;

/** The database with a checkpoint file of its own (as beside an embedded data folder). */
function withCheckpointFile(db: Db): Db {
  return { ...db, audit: { ...db.audit!, checkpointsFile: join(dir, `checkpoints-${++files}`) } };
}

const BELU = '53.04.01.2001'; // a village of Kabupaten Belu (53.04)
const MALAKA = '53.21.01.2001'; // a village of Kabupaten Malaka (53.21)
const entry = (regionCode: string | null, action = 'test.write'): AuditEntry => ({
  at: TEST_NOW,
  actor: 'tester',
  action,
  entity: 'none',
  regionCode,
});
const write = (db: Db, regionCode: string | null) =>
  db.transaction((tx) => recordAudit(tx, entry(regionCode)));

async function rowsOf(db: Db) {
  const r = await db.query<{ chain: string; seq: number; prev: string; hash: string }>(
    `SELECT chain, chain_seq AS seq, prev_hash AS prev, hash FROM audit_log ORDER BY chain, chain_seq`,
  );
  return r.rows;
}

/** What an intruder with database rights does: guard off, change, guard back on. */
async function asIntruder(db: Db, sql: string, tables: readonly string[] = ['audit_log']) {
  for (const t of tables) await db.exec(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
  await db.exec(sql);
  for (const t of tables) await db.exec(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_append_only`);
}

/** The first connection waiting for a lock in this database (PostgreSQL), polled. */
async function untilWaitingOnLock(db: Db) {
  for (let i = 0; i < 200; i++) {
    const r = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%audit_log%'`,
    );
    if (r.rows[0]!.n > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('no writer ever waited for the lock');
}

describe('one audit chain per regency', () => {
  let t: TestDb;
  let deps: Deps;
  afterEach(async () => t?.drop());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function migrated() {
    t = await freshDb();
    await migrate(t.db);
    deps = { db: t.db, clock: fixedClock(TEST_NOW) };
  }

  it('each regency, province and the national level has its own chain, sequence and links', async () => {
    await migrated();
    for (const region of [BELU, MALAKA, BELU, null, '53', '53.04', MALAKA]) await write(t.db, region);
    const rows = await rowsOf(t.db);
    expect(rows.map((r) => `${r.chain}#${r.seq}`)).toEqual([
      '53#1',
      '53.04#1',
      '53.04#2',
      '53.04#3',
      '53.21#1',
      '53.21#2',
      'national#1',
    ]);
    // Within a chain each row links to the one before; each chain starts from GENESIS (no legacy rows).
    const belu = rows.filter((r) => r.chain === '53.04');
    expect(belu.map((r) => r.prev)).toEqual(['GENESIS', belu[0]!.hash, belu[1]!.hash]);
    const r = await verifyAudit(deps);
    expect(r).toMatchObject({ ok: true, rows: 7, firstBreak: null });
    expect(r.chains.map((c) => [c.chain, c.rows, c.head?.seq, c.firstBreak])).toEqual([
      ['53', 1, 1, null],
      ['53.04', 3, 3, null],
      ['53.21', 2, 2, null],
      ['national', 1, 1, null],
    ]);
  });

  it.runIf(testDbKind === 'postgres')(
    'a write for another regency commits while a Belu transaction is still open; one for Belu waits for it',
    async () => {
      await migrated();
      let releaseA = () => {};
      const held = new Promise<void>((res) => {
        releaseA = res;
      });
      let aWritten = () => {};
      const written = new Promise<void>((res) => {
        aWritten = res;
      });
      const t0 = performance.now();
      let aClosedAt = 0;
      const a = t.db.transaction(async (tx) => {
        await recordAudit(tx, entry(BELU, 'a.belu'));
        aWritten();
        await held; // the transaction stays open, holding Belu's chain
        aClosedAt = performance.now();
      });
      await written;
      // Malaka, from another connection of the pool: must not wait for Belu's transaction.
      const b = write(t.db, MALAKA).then(() => performance.now());
      const bOrTimeout = await Promise.race([
        b,
        new Promise<null>((res) => setTimeout(() => res(null), 20_000)),
      ]);
      // Belu again, from a third connection: queues behind the open transaction.
      const c = write(t.db, BELU).then(() => performance.now());
      await untilWaitingOnLock(t.db);
      const cWaitingAt = performance.now();
      releaseA();
      await a;
      const [bDoneAt, cDoneAt] = await Promise.all([b, c]);
      console.log(
        `[audit-chains] Belu held open ${(aClosedAt - t0).toFixed(0)} ms; Malaka committed at ${(bDoneAt - t0).toFixed(0)} ms ` +
          `(while Belu was open: ${bDoneAt < aClosedAt}); a second Belu writer waited until ${(cDoneAt - t0).toFixed(0)} ms`,
      );
      expect(bOrTimeout, 'the Malaka write committed while the Belu transaction was open').not.toBeNull();
      expect(bDoneAt).toBeLessThan(aClosedAt);
      expect(cWaitingAt).toBeLessThan(cDoneAt);
      // Belu's chain kept commit order: the waiting writer's row follows the held one.
      const rows = await rowsOf(t.db);
      const belu = rows.filter((r) => r.chain === '53.04');
      expect(belu.map((r) => r.seq)).toEqual([1, 2]);
      expect(belu[1]!.prev).toBe(belu[0]!.hash);
      const actions = await t.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE chain = '53.04' ORDER BY chain_seq`,
      );
      expect(actions.rows.map((x) => x.action)).toEqual(['a.belu', 'test.write']);
      expect(await verifyAudit(deps)).toMatchObject({ ok: true, rows: 3 });
    },
  );

  it('tampering with any chain is detected and names the chain; the others stay intact', async () => {
    await migrated();
    deps = { ...deps, db: withCheckpointFile(t.db) };
    for (let i = 0; i < 3; i++)
      for (const region of [BELU, MALAKA, '53.01.01.2001', '53.02.01.2001', null, '53.03.01.2001'])
        await write(t.db, region);
    expect(await writeAuditCheckpoint(deps)).toMatchObject({ written: true });
    expect((await verifyAudit(deps)).ok).toBe(true);
    await asIntruder(
      t.db,
      `UPDATE audit_log SET actor = 'someone-else' WHERE chain = '53.04' AND chain_seq = 2;
       DELETE FROM audit_log WHERE chain = '53.21' AND chain_seq = 2;
       UPDATE audit_log SET chain_seq = 0 WHERE chain = '53.01' AND chain_seq = 1;
       UPDATE audit_log SET chain_seq = 1 WHERE chain = '53.01' AND chain_seq = 3;
       UPDATE audit_log SET chain_seq = 3 WHERE chain = '53.01' AND chain_seq = 0;
       DELETE FROM audit_log WHERE chain = '53.02' AND chain_seq = 3;`,
    );
    // A forged row at the end of the national chain, linked to its head, with a made-up hash.
    await asIntruder(
      t.db,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain;
       INSERT INTO audit_log (chain, chain_seq, at, actor, action, entity, region_code, prev_hash, hash)
       SELECT 'national', 4, at, 'forger', 'user.create', 'app_user', NULL, hash, md5('x') || md5('y')
       FROM audit_log WHERE chain = 'national' AND chain_seq = 3;
       ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain;`,
    );
    const r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    const breaks = Object.fromEntries(r.chains.map((c) => [c.chain, c.firstBreak]));
    expect(breaks).toEqual({
      '53.01': expect.objectContaining({ chain: '53.01', chainSeq: 1, problem: 'hash_mismatch' }),
      '53.02': { chain: '53.02', id: null, chainSeq: 3, problem: 'truncated' },
      '53.03': null,
      '53.04': expect.objectContaining({ chain: '53.04', chainSeq: 2, problem: 'hash_mismatch' }),
      '53.21': expect.objectContaining({ chain: '53.21', chainSeq: 3, problem: 'sequence_gap' }),
      national: expect.objectContaining({ chain: 'national', chainSeq: 4, problem: 'hash_mismatch' }),
    });
    expect(r.firstBreak).toMatchObject({ chain: '53.01' });
    expect(await writeAuditCheckpoint(deps)).toMatchObject({ written: false, reason: 'broken' });
  });

  it('upgrades a database written under the single chain: its rows become the legacy chain and verify', async () => {
    t = await freshDb();
    deps = { db: withCheckpointFile(t.db), clock: fixedClock(TEST_NOW) };
    const known = knownMigrations();
    await migrate(
      t.db,
      known.filter((m) => m.version < '0015'),
    );
    await write(t.db, BELU); // unkeyed (before 0015)
    await write(t.db, null);
    await migrate(
      t.db,
      known.filter((m) => m.version < '0022'),
    );
    await write(t.db, MALAKA); // keyed, one chain for all (0015 to 0021)
    await write(t.db, BELU);
    const old = (
      await t.db.query<{ seq: number; hash: string }>(
        'SELECT chain_seq AS seq, hash FROM audit_log ORDER BY chain_seq',
      )
    ).rows;
    expect(old.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    // The checkpoint the single-chain version wrote (version 1: no chain in it).
    const key = deps.db.audit!.checkpointKey;
    const v1 = { v: 1, at: TEST_NOW, seq: 4, hash: old[3]!.hash, keyedFrom: 3 };
    const sig = createHmac('sha256', key)
      .update(`lindung-audit-checkpoint|1|${v1.at}|${v1.seq}|${v1.hash}|${v1.keyedFrom}`)
      .digest('hex');
    appendFileSync(deps.db.audit!.checkpointsFile!, `${JSON.stringify({ ...v1, sig })}\n`);

    await migrate(t.db, known);
    let r = await verifyAudit(deps);
    expect(r).toMatchObject({
      ok: true,
      rows: 4,
      firstBreak: null,
      checkpoints: { count: 1, invalidLines: [] },
    });
    expect(r.chains).toEqual([
      expect.objectContaining({
        chain: 'legacy',
        rows: 4,
        keyedFromSeq: 3,
        checkpointSeq: 4,
        firstBreak: null,
      }),
    ]);
    // New rows go to their regency's chain, which starts from the legacy chain's last hash.
    await write(t.db, BELU);
    await write(t.db, null);
    await write(t.db, BELU);
    const rows = await rowsOf(t.db);
    expect(rows.map((x) => `${x.chain}#${x.seq}`)).toEqual([
      '53.04#1',
      '53.04#2',
      'legacy#1',
      'legacy#2',
      'legacy#3',
      'legacy#4',
      'national#1',
    ]);
    expect(rows[0]!.prev).toBe(old[3]!.hash);
    expect(rows[6]!.prev).toBe(old[3]!.hash);
    r = await verifyAudit(deps);
    expect(r).toMatchObject({ ok: true, rows: 7 });
    // The legacy chain is closed: its v1 checkpoint still covers its head; the new chains get theirs.
    expect(await writeAuditCheckpoint(deps)).toEqual({
      written: true,
      file: deps.db.audit!.checkpointsFile,
      chains: [
        { chain: '53.04', seq: 2 },
        { chain: 'national', seq: 1 },
      ],
    });

    // Moving where keyed legacy rows begin and re-hashing them unkeyed: the legacy checkpoint, and
    // the first row of every new chain (an HMAC over the legacy head), both see it.
    await asIntruder(
      t.db,
      `UPDATE audit_chain SET keyed_from_seq = 5 WHERE chain = 'legacy';
       UPDATE audit_log SET actor = 'someone-else' WHERE chain = 'legacy' AND chain_seq = 3;
       UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE chain = 'legacy' AND chain_seq = 2),
                            hash = audit_row_hash(audit_log) WHERE chain = 'legacy' AND chain_seq = 3;
       UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE chain = 'legacy' AND chain_seq = 3)
         WHERE chain = 'legacy' AND chain_seq = 4;
       UPDATE audit_log SET hash = audit_row_hash(audit_log) WHERE chain = 'legacy' AND chain_seq = 4;`,
      ['audit_log', 'audit_chain'],
    );
    r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    expect(Object.fromEntries(r.chains.map((c) => [c.chain, c.firstBreak]))).toEqual({
      '53.04': expect.objectContaining({ chainSeq: 1, problem: 'link_mismatch' }),
      legacy: { chain: 'legacy', id: null, chainSeq: 4, problem: 'checkpoint_mismatch' },
      national: expect.objectContaining({ chainSeq: 1, problem: 'link_mismatch' }),
    });
  });
});
