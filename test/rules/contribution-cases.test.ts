// Runs the contribution and due-date case tables in test/cases against the rules, exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Explainer } from '../../src/rules/explanation.ts';
import { dendaPu, type IuranTerlambat } from '../../src/rules/iuran/denda.ts';
import { hitungIuran, type IuranInput } from '../../src/rules/iuran/hitung.ts';
import { jatuhTempoBpu, jatuhTempoPu, statusBpu } from '../../src/rules/iuran/jatuh-tempo.ts';
import type { Rupiah } from '../../src/rules/money.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

interface ContributionCase {
  name: string;
  source: string;
  input: IuranInput;
  expected?: {
    totalRp: number;
    dueDate?: string;
    lines?: { program: string; payer: string; amountRp: number }[];
  };
  error?: string;
}

const readTable = (file: string) => parse(readFileSync(new URL(`../cases/${file}`, import.meta.url), 'utf8'));

const files = [
  'contributions-pu.yaml',
  'contributions-bpu.yaml',
  'contributions-jakon.yaml',
  'contributions-pmi.yaml',
];

for (const file of files) {
  describe(file, () => {
    const table = readTable(file) as { kind: string; cases: ContributionCase[] };
    it('is a contribution table whose cases all cite a source', () => {
      expect(table.kind).toBe('contribution');
      for (const c of table.cases) expect(c.source, c.name).toMatch(/\S/);
    });
    for (const c of table.cases) {
      it(c.name, () => {
        if (c.error) {
          expect(errorCode(() => hitungIuran(ruleBook().book, c.input))).toBe(c.error);
          return;
        }
        const result = hitungIuran(ruleBook().book, c.input);
        expect(result.totalRp).toBe(c.expected?.totalRp);
        if (c.expected?.dueDate) expect(result.dueDate).toBe(c.expected.dueDate);
        if (c.expected?.lines) {
          expect(result.lines.map(({ program, payer, amountRp }) => ({ program, payer, amountRp }))).toEqual(
            c.expected.lines,
          );
        }
      });
    }
  });
}

describe('due-dates.yaml', () => {
  const table = readTable('due-dates.yaml') as { cases: Record<string, unknown>[] };
  for (const c of table.cases) {
    it(String(c.name), () => {
      const ex = new Explainer(ruleBook().book);
      expect(c.source).toMatch(/\S/);
      switch (c.rule) {
        case 'jatuhTempoPu':
          return expect(jatuhTempoPu(ex, String(c.period))).toBe(c.expected);
        case 'jatuhTempoBpu':
          return expect(jatuhTempoBpu(ex, String(c.period))).toBe(c.expected);
        case 'dendaPu': {
          const d = dendaPu(
            ex,
            String(c.period),
            c.iuran as IuranTerlambat[],
            String(c.paidDate),
            c.openRp as Rupiah | undefined,
          );
          if (c.expectedMonths !== undefined) expect(d.monthsLate).toBe(c.expectedMonths);
          if (c.expectedLines !== undefined)
            expect(d.lines.map((l) => ({ program: l.program, dendaRp: l.dendaRp }))).toEqual(c.expectedLines);
          return expect(d.totalRp).toBe(c.expectedRp);
        }
        case 'statusBpu':
          return expect(statusBpu(ex, String(c.lastPaidPeriod), String(c.asOf))).toEqual(c.expected);
        default:
          throw new Error(`unknown rule ${String(c.rule)}`);
      }
    });
  }
});
