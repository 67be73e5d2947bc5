import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indonesianIn, indonesianOnlyPieces } from '../../e2e/support/indonesian-only.ts';
import { en } from '../../web/src/i18n/en.ts';
import { id } from '../../web/src/i18n/id.ts';

// The two UI catalogs say the same things: the same keys, area by area, and the same
// `{placeholders}` in each string (a lost placeholder shows a raw value or none in one language).

const dir = (language: string) => fileURLToPath(new URL(`../../web/src/i18n/${language}/`, import.meta.url));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the id and en catalogs', () => {
  it('have the same area files', () => {
    expect(readdirSync(dir('en')).sort()).toEqual(readdirSync(dir('id')).sort());
  });

  it.each(readdirSync(dir('id')).filter((f) => f.endsWith('.ts')))(
    '%s has the same keys in both',
    async (file) => {
      const load = async (language: string) =>
        Object.values(
          (await import(`${dir(language)}${file}`)) as Record<string, Record<string, string>>,
        )[0]!;
      const [idArea, enArea] = [await load('id'), await load('en')];
      expect(Object.keys(enArea).sort()).toEqual(Object.keys(idArea).sort());
    },
  );

  it('have the same keys and placeholders overall, and no empty string', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});

describe('the Indonesian-only pieces the English browser test looks for', () => {
  const list = indonesianOnlyPieces();
  it('hold the Indonesian of translated strings, not what both languages share', () => {
    expect(list).toContain(id['claim.status.paid']);
    // The server's texts too: a benefit component's label.
    expect(list).toContain('Santunan kematian');
    expect(list).not.toContain('KPJ');
    expect(list.length).toBeGreaterThan(300);
  });
  it('are found as whole phrases only', () => {
    expect(indonesianIn(`Status: ${id['claim.status.paid']}.`, list)).toContain(id['claim.status.paid']);
    expect(indonesianIn(`${id['claim.status.paid']}xyz`, [id['claim.status.paid']])).toEqual([]);
    // A code turned into words is still Indonesian, whatever its case.
    expect(indonesianIn('Benefit: santunan kematian Rp 1', list)).toContain('Santunan kematian');
  });
});
