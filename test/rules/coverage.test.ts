// Temporal coverage: every rule, every month 2015-07..2027-12, no gap and no overlap.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar.ts';
import { coverageProblems } from '../../src/rules/params/coverage.ts';
import { loadParameterBook } from '../../src/rules/params/load.ts';
import { RULES } from '../../src/rules/registry.ts';
import { ruleBook } from '../../src/services/rule-book.ts';

const FROM = '2015-07-01';
const TO = '2027-12-31';

describe('temporal coverage of every rule', () => {
  const book = ruleBook().book;

  it('every parameter belongs to at least one rule, and every rule parameter exists', () => {
    const used = new Set(RULES.flatMap((r) => r.params));
    expect(book.ids().filter((id) => !used.has(id))).toEqual([]);
    expect([...used].filter((id) => !book.ids().includes(id))).toEqual([]);
  });

  for (const rule of RULES) {
    it(`${rule.id}: in force from ${rule.from} with no gap or overlap to 2027-12`, () => {
      const start = rule.from > FROM ? rule.from : FROM;
      for (const id of rule.params) {
        expect(book.firstDate(id) <= start, `${id} starts after the rule`).toBe(true);
        expect(coverageProblems(book, id, start, TO)).toEqual([]);
      }
      const dayBefore = addDays(rule.from, -1);
      const missing = rule.params.filter((id) => book.entriesOn(id, dayBefore).length === 0);
      expect(missing.length, `before ${rule.from} the rule must not be in force`).toBeGreaterThan(0);
    });
  }
});

describe('the coverage walk can fail', () => {
  const text = readFileSync(new URL('./fixtures/coverage-gap-overlap.yaml', import.meta.url), 'utf8');
  const book = loadParameterBook({ 'cov.yaml': text });
  it('finds a gap', () => {
    expect(coverageProblems(book, 'cov.with_gap', FROM, '2016-12-31')).toEqual([
      { id: 'cov.with_gap', month: '2016-01', kind: 'gap' },
    ]);
  });
  it('finds an overlap', () => {
    expect(coverageProblems(book, 'cov.with_overlap', FROM, '2016-12-31')).toEqual([
      { id: 'cov.with_overlap', month: '2016-07', kind: 'overlap' },
    ]);
  });
});
