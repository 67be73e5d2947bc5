import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { TALLY_FILE, type Tally } from './security-tally.ts';

/**
 * Prints the attack suite's counts per database (test/support/security-tally.ts), the test count
 * of each suite (unit, pglite, postgres, e2e) and one closing line
 * "Tests: N passed, N failed, N skipped" that CI reads. Before it, each suite's summed file time
 * and the slowest files, so CI's 45-minute budget is managed from CI's own log.
 */
export default class SummaryReporter implements Reporter {
  onInit(): void {
    rmSync(TALLY_FILE, { force: true });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const bySuite = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const m of testModules) {
      const name = m.project.name || 'default';
      const s = bySuite.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') s.passed++;
        else if (state === 'failed') s.failed++;
        else s.skipped++;
      }
      bySuite.set(name, s);
    }
    printSecurityTally();
    printFileTimes(testModules);
    const total = { passed: 0, failed: 0, skipped: 0 };
    console.log('\nTest counts per suite:');
    for (const [name, s] of [...bySuite].sort()) {
      console.log(`  ${name.padEnd(10)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
      total.passed += s.passed;
      total.failed += s.failed;
      total.skipped += s.skipped;
    }
    console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}

const SLOWEST = 15;

function printFileTimes(testModules: ReadonlyArray<TestModule>): void {
  const files = testModules.map((m) => ({
    suite: m.project.name || 'default',
    path: m.moduleId.replace(`${process.cwd()}/`, ''),
    s: m.diagnostic().duration / 1000,
  }));
  const perSuite = new Map<string, number>();
  for (const f of files) perSuite.set(f.suite, (perSuite.get(f.suite) ?? 0) + f.s);
  console.log('\nFile time per suite (summed over files; files run side by side):');
  for (const [suite, s] of [...perSuite].sort()) console.log(`  ${suite.padEnd(10)} ${s.toFixed(0)} s`);
  console.log(`Slowest ${SLOWEST} files:`);
  for (const f of files.sort((a, b) => b.s - a.s).slice(0, SLOWEST))
    console.log(`  ${f.s.toFixed(1).padStart(7)} s  ${f.suite.padEnd(10)} ${f.path}`);
}

const TALLY_KEYS = ['requests', 'principals', 'fuzzedBodies', 'serverErrors', 'leaks'] as const;

function printSecurityTally(): void {
  if (!existsSync(TALLY_FILE)) return;
  const byDb = new Map<string, { attacks: Set<string> } & Required<Tally>>();
  for (const line of readFileSync(TALLY_FILE, 'utf8').split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as { db: string; attack: string } & Tally;
    const sum = byDb.get(t.db) ?? {
      attacks: new Set<string>(),
      requests: 0,
      principals: 0,
      fuzzedBodies: 0,
      serverErrors: 0,
      leaks: 0,
    };
    sum.attacks.add(t.attack);
    for (const k of TALLY_KEYS)
      sum[k] = k === 'principals' ? Math.max(sum[k], t[k] ?? 0) : sum[k] + (t[k] ?? 0);
    byDb.set(t.db, sum);
  }
  console.log('\nAttack suite (test/security) per database:');
  for (const [db, s] of [...byDb].sort()) {
    console.log(
      `  ${db.padEnd(10)} attacks ${s.attacks.size}, requests ${s.requests}, principals ${s.principals}, ` +
        `fuzzed bodies ${s.fuzzedBodies}, 5xx ${s.serverErrors}, leaks ${s.leaks}`,
    );
  }
}
