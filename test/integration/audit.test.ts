import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/audit.ts';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { verifyAudit } from '../../src/services/verify-audit.ts';
import { preparedDeps, TEST_NOW, type TestDb } from '../support/db.ts';

async function threeUsers(deps: Deps) {
  for (const username of ['op.satu', 'op.dua', 'op.tiga']) {
    await addUser(deps, consoleActor(), {
      username,
      displayName: `Maria ${username}`,
      role: 'village_operator',
      scope: '53.04.01.2001',
      password: 'sangat-rahasia-1',
    });
  }
}

describe('audit log', () => {
  let t: TestDb;
  let deps: Deps;
  afterEach(async () => t?.drop());

  it('records each write with actor, action and masked personal data, in a valid chain', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    const rows = await deps.db.query<{
      actor: string;
      action: string;
      after: Record<string, unknown>;
      at: string;
    }>('SELECT actor, action, after, at FROM audit_log ORDER BY chain_seq');
    expect(rows.rows).toHaveLength(3);
    expect(rows.rows[0]).toMatchObject({ action: 'user.create', at: TEST_NOW });
    expect(rows.rows[0]!.actor).toMatch(/^console:/);
    expect(JSON.stringify(rows.rows)).not.toContain('scrypt');
    expect(await verifyAudit(deps)).toMatchObject({ ok: true, rows: 3, firstBreak: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    await expect(deps.db.query(`UPDATE audit_log SET actor = 'x'`)).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
    await expect(deps.db.query('DELETE FROM audit_log')).rejects.toMatchObject({ code: 'APPEND_ONLY' });
    await expect(deps.db.query('TRUNCATE audit_log')).rejects.toMatchObject({ code: 'APPEND_ONLY' });
  });

  it('detects a row altered by hand, even with its hash recomputed', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    const second = (await deps.db.query<{ id: number }>('SELECT id FROM audit_log WHERE chain_seq = 2'))
      .rows[0]!;
    // What an intruder with database rights would do: switch the guard off, edit, switch it back on.
    await deps.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await deps.db.query(`UPDATE audit_log SET actor = 'someone-else' WHERE id = $1`, [second.id]);
    let r = await verifyAudit(deps);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ id: second.id, problem: 'hash_mismatch' });

    // Recomputed with the database's own unkeyed function: not the HMAC under the key kept outside.
    await deps.db.query('UPDATE audit_log SET hash = audit_row_hash(audit_log) WHERE id = $1', [second.id]);
    r = await verifyAudit(deps);
    expect(r.firstBreak).toMatchObject({ chainSeq: 2, problem: 'hash_mismatch' });
    await deps.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });

  it('detects a deleted row in the middle of the chain', async () => {
    ({ deps, t } = await preparedDeps());
    await threeUsers(deps);
    await deps.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await deps.db.query('DELETE FROM audit_log WHERE chain_seq = 2');
    expect((await verifyAudit(deps)).firstBreak).toMatchObject({ chainSeq: 3, problem: 'sequence_gap' });
  });

  it('is written in the same transaction as the change: a failed change leaves no audit row', async () => {
    ({ deps, t } = await preparedDeps());
    await expect(
      deps.db.transaction(async (tx) => {
        await recordAudit(tx, { at: TEST_NOW, actor: 'x', action: 'test', entity: 'none' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyAudit(deps)).rows).toBe(0);
  });
});
