// Runs the benefit case tables (and the JP cap series) in test/cases against the rules, exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Explainer } from '../../src/rules/explanation.ts';
import { hitungManfaat, type ManfaatInput } from '../../src/rules/manfaat/hitung.ts';
import { batasUpahJpBerikutnya } from '../../src/rules/manfaat/jp/batas-upah.ts';
import { batasPendaftaranJp, usiaPensiun } from '../../src/rules/manfaat/jp/usia-pensiun.ts';
import type { Rupiah } from '../../src/rules/money.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

interface BenefitCase {
  name: string;
  source: string;
  rule?: string;
  input?: ManfaatInput;
  expected?: unknown;
  error?: string;
  [key: string]: unknown;
}
interface Expected {
  eligible: boolean;
  totalRp: number;
  components?: { name: string; amountRp: number }[];
  reasons?: string[];
}

const readTable = (file: string) => parse(readFileSync(new URL(`../cases/${file}`, import.meta.url), 'utf8'));

function runSpecial(c: BenefitCase): void {
  const ex = new Explainer(ruleBook().book);
  if (c.rule === 'usiaPensiun') expect(usiaPensiun(ex, String(c.date))).toBe(c.expected);
  else if (c.rule === 'batasPendaftaranJp')
    expect(batasPendaftaranJp(ex, String(c.birthDate))).toBe(c.expected);
  else throw new Error(`unknown rule ${c.rule}`);
}

for (const file of ['jkm.yaml', 'jkk.yaml', 'jht.yaml', 'jp.yaml', 'jkp.yaml']) {
  describe(file, () => {
    const table = readTable(file) as { kind: string; cases: BenefitCase[] };
    it('is a benefit table whose cases all cite a source', () => {
      expect(table.kind).toBe('benefit');
      for (const c of table.cases) expect(c.source, c.name).toMatch(/\S/);
    });
    for (const c of table.cases) {
      it(c.name, () => {
        if (c.rule) return runSpecial(c);
        const input = c.input as ManfaatInput;
        if (c.error) return expect(errorCode(() => hitungManfaat(ruleBook().book, input))).toBe(c.error);
        const want = c.expected as Expected;
        const got = hitungManfaat(ruleBook().book, input);
        expect(got.eligible).toBe(want.eligible);
        expect(got.totalRp).toBe(want.totalRp);
        if (want.components)
          expect(got.components.map(({ name, amountRp }) => ({ name, amountRp }))).toEqual(want.components);
        if (want.reasons) expect(got.reasons.map((r) => r.code)).toEqual(want.reasons);
      });
    }
  });
}

describe('jp-batas-upah.yaml', () => {
  const table = readTable('jp-batas-upah.yaml') as { cases: Record<string, unknown>[] };
  for (const c of table.cases) {
    it(String(c.name), () => {
      const derived = batasUpahJpBerikutnya(c.previousRp as Rupiah, Number(c.growthBp));
      expect(derived).toBe(c.expectedRp);
      const inForce = ruleBook().book.at('iuran_pu.jp_batas_upah', `${String(c.fromPeriod)}-01`);
      expect(inForce.value).toBe(c.expectedRp);
      expect(inForce.date).toBe(`${String(c.fromPeriod)}-01`);
    });
  }
});
