import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The pglite and postgres suites share one group of workers (vitest.config.ts). The Belu demo test
// loads four years through the services and takes most of a suite's time; started last, it would
// run alone at the end with the other core idle. So the longest files start first, on both
// databases, and the rest fill the other worker around them. The same holds for the browser
// group, run after: its two longest files (5-6 min each in CI, 7 December 2026, against 1-2 min
// for the next) start first. A fresh clone has no timings of its own to sort by.
const HEAVY = [
  'test/integration/demo.test.ts',
  'test/embedded/kill-9.test.ts',
  'test/embedded/serve-owner.test.ts',
  'test/integration/village-years.test.ts',
  'test/integration/cli.test.ts',
  'e2e/english.test.ts',
  'e2e/shell.test.ts',
  'e2e/enrolment.test.ts',
];

function rank(spec: TestSpecification): number {
  const i = HEAVY.findIndex((path) => spec.moduleId.endsWith(path));
  return i === -1 ? HEAVY.length : i;
}

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: within a rank the base order (failed, then longest) holds.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
