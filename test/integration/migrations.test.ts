import { afterEach, describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import { freshDb, type TestDb } from '../support/db.ts';

describe('migrations', () => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('applies every migration once, then nothing', async () => {
    t = await freshDb();
    const first = await migrate(t.db);
    expect(first).toEqual(knownMigrations().map((m) => `${m.version}_${m.name}`));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('refuses a database whose history holds an unknown migration', async () => {
    t = await freshDb();
    await migrate(t.db);
    await t.db.query(`INSERT INTO schema_migration (version, name, checksum) VALUES ('9999', 'future', 'x')`);
    await expect(migrate(t.db)).rejects.toMatchObject({ code: 'DB_HISTORY_UNKNOWN' });
  });

  it('refuses a migration that was edited after it was applied', async () => {
    t = await freshDb();
    await migrate(t.db);
    await t.db.query(`UPDATE schema_migration SET checksum = 'edited' WHERE version = '0001'`);
    await expect(migrate(t.db)).rejects.toMatchObject({ code: 'DB_HISTORY_UNKNOWN' });
  });

  it('refuses a database whose applied history is not a prefix of the known migrations', async () => {
    t = await freshDb();
    await migrate(t.db);
    await t.db.query(`DELETE FROM schema_migration WHERE version = '0005'`);
    await expect(migrate(t.db)).rejects.toMatchObject({
      code: 'DB_HISTORY_UNKNOWN',
      params: { detail: expect.stringContaining('0005_claims is missing before 0006') },
    });
  });

  it('stores money as bigint and reads it back as an exact integer', async () => {
    t = await freshDb();
    const r = await t.db.query<{ v: number }>('SELECT 28700000000::bigint AS v');
    expect(r.rows[0]!.v).toBe(28_700_000_000);
    await expect(t.db.query('SELECT 9007199254740993::bigint AS v')).rejects.toThrow(/safe integer/);
  });
});
