import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect.ts';
import { attachRegencyLines, beginRegencyLines } from '../../src/db/partitions.ts';
import type { Db } from '../../src/db/types.ts';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { verifyAudit } from '../../src/services/verify-audit.ts';
import { freshDb, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';

// docs/security.md "Database roles": the application runs as a role that owns no tables, so it
// cannot switch the audit log's triggers off or replace the chain's functions. PostgreSQL only
// (PGlite has one session and no roles).
describe.runIf(testDbKind === 'postgres')('the application role owns no tables', () => {
  let t: TestDb;
  let app: Db;
  const role = `lindung_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await freshDb();
    await prepareDatabase(t.db, { provinces: ['53'] }); // as the owner
    await t.db.exec(`CREATE ROLE ${role} LOGIN;
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain, invoice_number_gap FROM ${role};`);
    const url = new URL(t.location.databaseUrl!);
    url.username = role;
    url.password = '';
    app = await openDb({ databaseUrl: url.toString(), dataDir: '', auditKey: process.env.LINDUNG_AUDIT_KEY });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.end();
  });

  it('works as the application: prepares (nothing to migrate), writes and audits, verifies', async () => {
    const deps: Deps = { db: app, clock: fixedClock(TEST_NOW) };
    await prepareDatabase(app, { provinces: ['53'] });
    await addUser(deps, consoleActor(), {
      username: 'op.peran',
      displayName: 'Operator',
      role: 'village_operator',
      scope: '53.04.01.2001',
      password: 'sangat-rahasia-1',
    });
    expect(await verifyAudit(deps)).toMatchObject({ ok: true, rows: 1 });
  });

  it('creates a month partition of invoice_line through ensure_period_partitions, but cannot detach one', async () => {
    const made = await app.query<{ n: number }>(
      `SELECT ensure_period_partitions('invoice_line', '2030-01', 1) AS n`,
    );
    expect(made.rows[0]!.n).toBe(1);
    const owner = await app.query<{ owner: string }>(
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'invoice_line_p2030_01'`,
    );
    expect(owner.rows[0]!.owner).not.toBe(role);
    await expect(app.exec('ALTER TABLE invoice_line DETACH PARTITION invoice_line_p2030_01')).rejects.toThrow(
      /must be owner/,
    );
  });

  it('loads a regency’s month apart and attaches it through the owner’s functions, nothing more', async () => {
    await app.query(`SELECT ensure_period_partitions('invoice_line', '2030-02', 1)`);
    await app.transaction(async (tx) => {
      const leaf = await beginRegencyLines(tx, '2030-02', '53.04');
      expect(leaf).toBe('invoice_line_p2030_02_r53_04');
      await tx.exec(`INSERT INTO ${leaf} (id, invoice_id, regency_code, participant_id, period, program, payer_role, kind,
                       amount_rp, basis)
                     VALUES (nextval('invoice_line_id_seq'), 1, '53.04', 7, '2030-02', 'JKK', 'participant',
                             'contribution', 100, 'test')`);
      await attachRegencyLines(tx, '2030-02', '53.04');
    });
    const owner = await app.query<{ owner: string }>(
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'invoice_line_p2030_02_r53_04'`,
    );
    expect(owner.rows[0]!.owner).not.toBe(role);
    await expect(app.exec('UPDATE invoice_line_p2030_02_r53_04 SET amount_rp = 0')).rejects.toThrow(
      /permission denied|append-only/i,
    );
    await expect(
      app.exec('ALTER TABLE invoice_line_p2030_02 DETACH PARTITION invoice_line_p2030_02_r53_04'),
    ).rejects.toThrow(/must be owner/);
  });

  it('cannot switch the triggers off, edit the log, or replace the chain’s functions', async () => {
    await expect(app.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.exec(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.exec('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(
      app.exec(`CREATE OR REPLACE FUNCTION audit_row_mac(a audit_log, pads bytea) RETURNS text
                LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$`),
    ).rejects.toThrow(/must be owner|permission denied/);
  });
});
