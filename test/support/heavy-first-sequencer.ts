import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Every suite shares one group of two workers (vitest.config.ts). The Belu demo test loads four
// years through the services and takes most of a suite's time; started last, it would run alone at
// the end with the other core idle. So the longest files start first and the many short ones fill
// the other worker around them. Their order is from CI's summary of 7 December 2026 (demo 619 s on
// PGlite and 406 s on PostgreSQL, the English and shell browser journeys 340 s and 320 s, kill -9
// 173 s, the server as owner 130 s); a fresh clone has no timings of its own to sort by.
const HEAVY = [
  'test/integration/demo.test.ts',
  'e2e/english.test.ts',
  'e2e/shell.test.ts',
  'test/embedded/kill-9.test.ts',
  'test/embedded/serve-owner.test.ts',
  'test/integration/village-years.test.ts',
  'test/integration/cli.test.ts',
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
