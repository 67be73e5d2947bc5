import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lindung } from '../support/cli.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { pdfText } from '../support/pdf.ts';
import { KEWAR } from '../support/report-fixtures.ts';

describe('lindung report', () => {
  let t: TestDb;
  let dir: string;
  let env: { databaseUrl?: string; dataDir?: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-report-'));
    const p = await preparedDeps({ dataDir: join(dir, 'data') });
    t = p.t;
    await enrolActive(p.deps, KEWAR, 10);
    env = t.location.databaseUrl ? { databaseUrl: t.location.databaseUrl } : { dataDir: t.location.dataDir };
    await t.db.close(); // PGlite: one process at a time; the CLI opens it next
  }, 120_000);
  afterAll(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('branch --json prints the report computed from the records', () => {
    const r = lindung(
      ['report', 'branch', '--regency', '53.04', '--from', '2026-11-01', '--to', '2026-11-30', '--json'],
      env,
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.activeParticipants).toEqual({ formal: 0, informal: 10, construction: 0, total: 10 });
    expect([report.villageWorkers, report.villagesWithWorkers]).toEqual([10, 1]);
    expect(report.claimsTotal).toEqual({ count: 0, amountRp: 0 });
  });

  it('branch on screen, as CSV on stdout and as a PDF file; a bad date exits 2', () => {
    const args = ['report', 'branch', '--from', '2026-11-01', '--to', '2026-11-30'];
    const screen = lindung(args, env);
    expect(screen.stdout).toMatch(/Informal \(BPU\)\s+10/);
    const csv = lindung([...args, '--format', 'csv', '--table', 'participants'], env);
    expect(csv.stdout.split('\r\n')).toEqual([
      '\uFEFFSegmen,Peserta aktif',
      'Formal (PU),0',
      'Informal (BPU),10',
      'Jasa konstruksi (JAKON),0',
      'Pekerja migran (PMI),0',
      '',
    ]);
    const out = join(dir, 'laporan.pdf');
    const pdf = lindung([...args, '--format', 'pdf', '--output', out], env);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdfText(readFileSync(out))).toContain('KABUPATEN BELU');
    const bad = lindung(['report', 'branch', '--from', '2026-13-01', '--to', '2026-11-30'], env);
    expect(bad.status).toBe(2);
  });

  it('district --json counts the village', () => {
    const r = lindung(['report', 'district', '--as-of', '2026-11-30', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.areas.find((a: { code: string }) => a.code === KEWAR).active).toBe(10);
  });
});
