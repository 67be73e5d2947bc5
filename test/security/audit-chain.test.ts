import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/audit.ts';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/types.ts';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { verifyAudit, writeAuditCheckpoint } from '../../src/services/verify-audit.ts';
import { freshDb, preparedDeps, TEST_NOW, type TestDb } from '../support/db.ts';

// B4 (issue 14): the chain hash was unkeyed and nothing outside the database recorded the head.
// Whoever could write the database could edit a row and re-hash the rest with the database's own
// audit_row_hash(), or delete the newest rows, and `audit verify` still said "intact".

const dir = mkdtempSync(join(tmpdir(), 'lindung-audit-'));
let files = 0;

/** The test's database with a checkpoint file of its own (as beside an embedded data folder). */
function withCheckpointFile(db: Db): Db {
  const file = join(dir, `checkpoints-${++files}`);
  return { ...db, audit: { ...db.audit!, checkpointsFile: file } };
}

async function threeUsers(deps: Deps) {
  for (const username of ['op.satu', 'op.dua', 'op.tiga'])
    await addUser(deps, consoleActor(), {
      username,
      displayName: `Maria ${username}`,
      role: 'village_operator',
      scope: '53.04.01.2001',
      password: 'sangat-rahasia-1',
    });
}

/** What an intruder with database rights does: guard off, change, guard back on. */
async function asIntruder(db: Db, sql: string, tables: readonly string[] = ['audit_log']) {
  for (const t of tables) await db.exec(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
  await db.exec(sql);
  for (const t of tables) await db.exec(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_append_only`);
}

/** Edits row 2 of a chain, then recomputes rows 2 and 3 with `hashOf` so that every link holds again. */
const rechain = (hashOf: string, chain = '53.04') => `
  UPDATE audit_log SET actor = 'someone-else' WHERE chain = '${chain}' AND chain_seq = 2;
  UPDATE audit_log SET hash = ${hashOf} WHERE chain = '${chain}' AND chain_seq = 2;
  UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE chain = '${chain}' AND chain_seq = 2)
    WHERE chain = '${chain}' AND chain_seq = 3;
  UPDATE audit_log SET hash = ${hashOf} WHERE chain = '${chain}' AND chain_seq = 3;`;

describe('B4: an audit chain that cannot be rewritten from inside the database', () => {
  let t: TestDb;
  let deps: Deps;
  afterEach(async () => t?.drop());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each row’s hash is the standard HMAC-SHA256, over its chain’s name and content, under the key kept outside the database', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    const row = (
      await deps.db.query<{ hash: string; text: string }>(
        `SELECT hash, jsonb_build_array(chain, chain_seq, (extract(epoch FROM at) * 1000000)::bigint, actor, action,
                entity, entity_id, region_code, before, after, prev_hash)::text AS text
         FROM audit_log WHERE chain_seq = 2`,
      )
    ).rows[0]!;
    const ipad = Buffer.from(deps.db.audit!.rowPads.slice(0, 128), 'hex');
    const key = Buffer.from(ipad.map((b) => b ^ 0x36));
    expect(row.hash).toBe(createHmac('sha256', key).update(row.text, 'utf8').digest('hex'));
    expect((await verifyAudit(deps)).ok).toBe(true);
  });

  it('detects a row edited and the rest re-hashed with the database’s own audit_row_hash()', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    await asIntruder(deps.db, rechain('audit_row_hash(audit_log)'));
    const r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ chainSeq: 2, problem: 'hash_mismatch' });
  });

  it('detects a re-hash with a key of the intruder’s own (audit_row_mac with other pads)', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    await asIntruder(
      deps.db,
      rechain(`audit_row_mac(audit_log, decode(repeat('36', 64) || repeat('5c', 64), 'hex'))`),
    );
    expect((await verifyAudit(deps)).firstBreak).toMatchObject({ chainSeq: 2, problem: 'hash_mismatch' });
  });

  it('detects moving the start of keyed rows and re-hashing everything unkeyed, by the signed checkpoint', async () => {
    ({ deps, t } = await preparedDeps());
    deps = { ...deps, db: withCheckpointFile(deps.db) };
    await threeUsers(deps);
    expect(await writeAuditCheckpoint(deps)).toMatchObject({
      written: true,
      chains: [{ chain: '53.04', seq: 3 }],
    });
    await asIntruder(
      deps.db,
      `UPDATE audit_chain SET keyed_from_seq = 4;
       UPDATE audit_log SET hash = audit_row_hash(audit_log) WHERE chain_seq = 1;
       UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE chain_seq = 1) WHERE chain_seq = 2;
       ${rechain('audit_row_hash(audit_log)')}`,
      ['audit_log', 'audit_chain'],
    );
    const r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    // A regency's chain is keyed from its first row whatever audit_chain says (only the legacy
    // chain has unkeyed rows: audit-chains.test.ts), and the checkpoint pins its head as well.
    expect(r.firstBreak).toMatchObject({ chain: '53.04', chainSeq: 1, problem: 'hash_mismatch' });
    expect(await writeAuditCheckpoint(deps)).toMatchObject({ written: false, reason: 'broken' });
  });

  it('detects the newest rows deleted (truncation), up to the latest checkpoint', async () => {
    ({ deps, t } = await preparedDeps());
    deps = { ...deps, db: withCheckpointFile(deps.db) };
    await threeUsers(deps);
    await writeAuditCheckpoint(deps);
    expect((await verifyAudit(deps)).ok).toBe(true);
    await asIntruder(deps.db, 'DELETE FROM audit_log WHERE chain_seq = 3');
    let r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toEqual({ chain: '53.04', id: null, chainSeq: 3, problem: 'truncated' });
    // A checkpoint is never written over a chain that does not verify.
    expect(await writeAuditCheckpoint(deps)).toMatchObject({ written: false, reason: 'broken' });
    await asIntruder(deps.db, 'DELETE FROM audit_log');
    r = await verifyAudit(deps);
    expect(r).toMatchObject({
      ok: false,
      rows: 0,
      firstBreak: { chain: '53.04', chainSeq: 3, problem: 'truncated' },
    });
  });

  it('refuses a checkpoint file edited by hand', async () => {
    ({ deps, t } = await preparedDeps());
    deps = { ...deps, db: withCheckpointFile(deps.db) };
    await threeUsers(deps);
    await writeAuditCheckpoint(deps);
    const file = deps.db.audit!.checkpointsFile!;
    const line = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, `${JSON.stringify({ ...line, seq: 2 })}\n`);
    expect(await verifyAudit(deps)).toMatchObject({
      ok: false,
      checkpoints: { count: 0, invalidLines: [1] },
    });
  });

  it('a session without the key cannot append to the chain', async () => {
    ({ deps, t } = await preparedDeps());
    await expect(
      deps.db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL lindung.audit_mac = ''`);
        await recordAudit(tx, { at: TEST_NOW, actor: 'x', action: 'test', entity: 'none' });
      }),
    ).rejects.toMatchObject({ code: 'AUDIT_KEY_REQUIRED' });
  });

  it('rows written before the key stay verifiable, and bound by the first keyed row after them', async () => {
    t = await freshDb();
    const known = knownMigrations();
    await migrate(
      t.db,
      known.filter((m) => m.version < '0015'),
    );
    const entry = { at: TEST_NOW, actor: 'x', action: 'test', entity: 'none' };
    for (let i = 0; i < 3; i++) await t.db.transaction((tx) => recordAudit(tx, entry)); // unkeyed (old trigger)
    await migrate(t.db, known);
    // Keyed, in the chain of rows without a region (since 0022; audit-chains.test.ts has 0015 → 0022).
    for (let i = 0; i < 2; i++) await t.db.transaction((tx) => recordAudit(tx, entry));
    deps = { db: t.db, clock: fixedClock(TEST_NOW) };
    expect(await verifyAudit(deps)).toMatchObject({
      ok: true,
      rows: 5,
      chains: [
        { chain: 'legacy', rows: 3, keyedFromSeq: 4 },
        { chain: 'national', rows: 2, keyedFromSeq: 1 },
      ],
    });
    // Re-hashing an old row with the old function breaks at the first keyed row, which covers it.
    await asIntruder(t.db, rechain('audit_row_hash(audit_log)', 'legacy'));
    expect((await verifyAudit(deps)).firstBreak).toMatchObject({
      chain: 'national',
      chainSeq: 1,
      problem: 'link_mismatch',
    });
  });
});
