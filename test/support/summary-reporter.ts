import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the test count of each suite (unit, pglite, postgres, e2e) and one closing line
 * "Tests: N passed, N failed, N skipped" that CI reads.
 */
export default class SummaryReporter implements Reporter {
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
