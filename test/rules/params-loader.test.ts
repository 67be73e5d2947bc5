// The loader rejects each kind of bad parameter file with a clear PARAMETER_FILE_INVALID error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { loadParameterBook, loadParameterFile } from '../../src/rules/params/load.ts';
import { loadRuleBook, readParameterFiles, ruleBook } from '../../src/services/rule-book.ts';

const dir = new URL('./fixtures/bad-params/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir), 'utf8');

const EXPECTED: Record<string, RegExp> = {
  'unknown-key.yaml': /refrence/,
  'unknown-param-key.yaml': /source/,
  'unsorted-dates.yaml': /tidak urut.*2016-03-01.*2015-07-01/,
  'duplicate-dates.yaml': /ganda|duplicate/,
  'missing-reference.yaml': /reference/,
  'unknown-unit.yaml': /unit/,
  'wrong-unit-value.yaml': /satuan basis_points/,
  'null-not-unconfirmed.yaml': /null hanya dengan status unconfirmed/,
  'bad-status.yaml': /status/,
  'invalid-date.yaml': /2015-02-30/,
  'missing-last-checked.yaml': /last_value_still_valid_on/,
  'unsorted-tiers.yaml': /batas lapisan harus naik/,
  'fractional-working-days.yaml': /satuan working_days/,
};

function loadError(name: string): AppError {
  try {
    loadParameterFile(name, fixture(name));
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('parameter loader rejects bad files', () => {
  it('has one expectation per fixture file', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, detail] of Object.entries(EXPECTED)) {
    it(name, () => {
      const e = loadError(name);
      expect(e.code).toBe('PARAMETER_FILE_INVALID');
      expect(e.params.file).toBe(name);
      expect(String(e.params.detail)).toMatch(detail);
    });
  }
  it('rejects a parameter defined twice across files', () => {
    const text = fixture('unknown-key.yaml').replace('refrence', 'reference');
    expect(() => loadParameterBook({ 'a.yaml': text, 'a.yml': text })).toThrow(/dua kali/);
  });
});

describe('the shipped parameter files', () => {
  it('load, and every value cites a reference', () => {
    const book = loadParameterBook(readParameterFiles());
    expect(book.ids().length).toBeGreaterThan(50);
    for (const id of book.ids()) {
      for (const v of book.parameter(id).values) expect(v.reference, `${id}@${v.date}`).toMatch(/\S/);
    }
  });
  it('asking before the first value is RULE_NOT_IN_FORCE, never 0', () => {
    const book = loadParameterBook(readParameterFiles());
    expect(() => book.at('iuran_pu.jp_batas_upah', '2015-06-30')).toThrow(/not in force/);
    expect(book.at('iuran_pu.jp_batas_upah', '2015-07-01').value).toBe(7_000_000);
  });
  it('ruleBook() gives the book and the version of the same files, read once', () => {
    const files = readParameterFiles();
    const rules = ruleBook();
    expect(rules).toBe(ruleBook());
    expect(rules.version).toBe(loadRuleBook(files).version);
    expect(rules.version).toMatch(/^params-[0-9a-f]{16}$/);
    const changed = { ...files, 'jkm.yaml': `${files['jkm.yaml']}\n# checked again\n` };
    expect(loadRuleBook(changed).version).not.toBe(rules.version);
  });
});
