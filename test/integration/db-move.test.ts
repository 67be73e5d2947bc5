import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../src/db/audit.ts';
import { ledgerSums } from '../../src/db/move/figures.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { exportDatabase } from '../../src/services/move/export-database.ts';
import { importDatabase } from '../../src/services/move/import-database.ts';
import type { Manifest } from '../../src/services/move/move-manifest.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { freshDbOf, notBefore, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';
import { enrolEverySegment, insertPaidClaims } from '../support/report-fixtures.ts';

// A district moved to the other kind of database (PGlite → PostgreSQL on the pglite project,
// PostgreSQL → PGlite on the postgres one) by `db export` / `db import` (docs/moving.md).
const KEY = 'test-only-move-audit-key-0123456789abcdef';
const otherKind = testDbKind === 'pglite' ? 'postgres' : 'pglite';
const REPORT = { regencyCode: '53.04', from: '2026-11-01', to: '2026-12-31' };

describe.skipIf(otherKind === 'postgres' && !process.env.TEST_DATABASE_URL)(
  `moving a district ${testDbKind} → ${otherKind}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-move-'));
    let source: TestDb;
    let target: TestDb;
    let deps: Deps;
    let branch: Actor;
    let manifest: Manifest;
    let premiumPaidRp = 0;
    const target$ = () => ({ db: target.db, clock: fixedClock(TEST_NOW) });

    beforeAll(async () => {
      source = await freshDbOf(testDbKind, { auditKey: KEY });
      deps = { db: source.db, clock: fixedClock(TEST_NOW) };
      await prepareDatabase(source.db, { provinces: ['53'] });
      await enrolEverySegment(deps);
      branch = await demoActor(deps, 'cabang.atambua');
      await runBilling(notBefore(deps, '2026-12-01'), branch, { regencyCode: '53.04', period: '2026-12' });
      const payer = (await source.db.query<{ id: number }>(`SELECT id FROM payer ORDER BY id LIMIT 1`))
        .rows[0]!;
      await postPayment(notBefore(deps, '2026-12-10'), branch, {
        payerId: payer.id,
        amountRp: 100_000,
        receivedOn: '2026-12-10',
        reference: 'TRF-MOVE-1',
        idempotencyKey: 'move-payment-1',
      });
      await insertPaidClaims(deps, [
        { program: 'JKM', amountRp: 42_000_000, status: 'paid', paidOn: '2026-11-10' },
      ]);
      const premium = await source.db.query<{ rp: string }>(
        `SELECT sum(total_rp)::text AS rp FROM invoice WHERE project_id IS NOT NULL`,
      );
      premiumPaidRp = Number(premium.rows[0]!.rp);
      if (!(premiumPaidRp > 0)) throw new Error('the fixture paid no project premium');
      manifest = await exportDatabase(source.db, join(dir, 'export'), { now: TEST_NOW });
      target = await freshDbOf(otherKind, { auditKey: KEY });
      await prepareDatabase(target.db, { provinces: ['53'] });
    }, 180_000);
    afterAll(async () => {
      await source?.drop();
      await target?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('describes itself: format, migrations, rows, ledger sums and chain heads', () => {
      expect(manifest).toMatchObject({
        format: 'lindung-export',
        formatVersion: 1,
        source: { kind: testDbKind },
      });
      expect(manifest.migrations.length).toBeGreaterThan(20);
      const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
      // The contractor's project premium (paid before its workers are covered, 0024) and the village's Rp 100,000.
      expect(rows.payment).toBe(2);
      expect(rows.claim).toBe(1);
      expect(manifest.audit.chains.reduce((s, c) => s + c.rows, 0)).toBe(rows.audit_log);
      expect(manifest.ledger.unbalancedEntries).toBe(0);
      // A payment moves cash in and the receivable out by the same amount.
      expect(manifest.ledger.byAccount.cash).toBe(String(100_000 + premiumPaidRp));
    });

    it('refuses a file changed after export, and leaves the target empty', async () => {
      const tampered = join(dir, 'tampered');
      await exportDatabase(source.db, tampered, { now: TEST_NOW });
      const f = join(tampered, 'tables', 'payment.copy');
      writeFileSync(f, readFileSync(f, 'utf8').replace('100000', '900000'));
      await expect(importDatabase(target.db, tampered)).rejects.toMatchObject({
        code: 'IMPORT_FILE_INVALID',
      });
    });

    it('refuses a target whose audit key is not the source’s', async () => {
      const other = await freshDbOf(otherKind, { auditKey: `${KEY}-another` });
      try {
        await expect(importDatabase(other.db, join(dir, 'export'))).rejects.toMatchObject({
          code: 'IMPORT_AUDIT_KEY_MISMATCH',
        });
      } finally {
        await other.drop();
      }
    });

    it('moves it whole: same branch report, verified audit chain, same ledger sums', async () => {
      const before = await branchReport(deps, branch, REPORT);
      const r = await importDatabase(target.db, join(dir, 'export'));
      expect(r.rows).toBe(manifest.tables.reduce((s, t) => s + t.rows, 0));
      const moved = target$();
      const after = await branchReport(moved, await demoActor(moved, 'cabang.atambua'), REPORT);
      expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
      expect(before.claimsTotal.amountRp).toBe(42_000_000);
      const chain = await findChainBreak(target.db);
      expect(chain.firstBreak).toBeNull();
      expect(chain.rows).toBe(manifest.audit.chains.reduce((s, c) => s + c.rows, 0));
      expect(await ledgerSums(target.db)).toEqual(manifest.ledger);
      // The lines COPY put in the default partition are in partitions of their months (0029).
      const parts = await target.db.query<{ part: string; n: number }>(
        `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM invoice_line GROUP BY 1 ORDER BY 1`,
      );
      const lines = manifest.tables.find((t) => t.name === 'invoice_line')!.rows;
      expect(parts.rows.map((p) => p.part)).not.toContain('invoice_line_default');
      expect(parts.rows.reduce((s, p) => s + p.n, 0)).toBe(lines);
    });

    it('goes on where the source stopped: the next audited write extends the moved chain', async () => {
      const moved = target$();
      await runBilling(notBefore(moved, '2027-01-01'), await demoActor(moved, 'cabang.atambua'), {
        regencyCode: '53.04',
        period: '2027-01',
      });
      expect((await findChainBreak(target.db)).firstBreak).toBeNull();
    });

    it('refuses a target that already holds data', async () => {
      await expect(importDatabase(target.db, join(dir, 'export'))).rejects.toMatchObject({
        code: 'IMPORT_TARGET_NOT_EMPTY',
      });
    });

    it('exports the moved database to the same table files', async () => {
      const again = await exportDatabase(target.db, join(dir, 'again'), { now: TEST_NOW });
      const sums = (m: Manifest) => Object.fromEntries(m.tables.map((t) => [t.name, t.sha256]));
      // Rows written after the move (the January run) aside, every table file is byte for byte the same.
      const changed = Object.entries(sums(again))
        .filter(([n, s]) => sums(manifest)[n] !== s)
        .map(([n]) => n);
      expect(changed).not.toContain('region');
      expect(changed).not.toContain('claim');
      expect(changed).not.toContain('payment');
    });
  },
);
