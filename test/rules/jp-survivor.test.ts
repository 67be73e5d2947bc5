// The JP survivor pensions with the shipped percentages (PP 45/2015: janda/duda 50 %, anak 50 %,
// orang tua 20 %, single source — fact sheet §3.4 lists them as not read), and a table an
// administrator left incomplete: the rule names the missing key instead of guessing.
import { describe, expect, it } from 'vitest';
import { hitungManfaat } from '../../src/rules/manfaat/hitung.ts';
import type { Rupiah } from '../../src/rules/money.ts';
import { ParameterBook } from '../../src/rules/params/book.ts';
import type { Parameter } from '../../src/rules/params/schema.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

const ID = 'jp.manfaat_ahli_waris_persen';

/** The shipped book with a survivor table an administrator set (test values, not law). */
function bookWithSurvivorPercent(table: Record<string, number> | null): ParameterBook {
  const shipped = ruleBook().book;
  const params = new Map<string, Parameter>(shipped.ids().map((id) => [id, shipped.parameter(id)]));
  const p = shipped.parameter(ID);
  params.set(ID, {
    ...p,
    values: [
      {
        date: '2015-07-01',
        value: table,
        reference: 'diisi administrator (uji)',
        ...(table === null ? { status: 'unconfirmed' as const } : {}),
      },
    ],
  });
  return new ParameterBook(params);
}

const widow = {
  program: 'JP' as const,
  reason: 'death' as const,
  survivor: 'janda_duda' as const,
  eventDate: '2024-08-22',
  contributionMonths: 24,
  membershipMonths: 24,
  paymentDensityBp: 9000,
  averageIndexedWageRp: 5_000_000 as Rupiah,
  balanceRp: 5_000_000 as Rupiah,
};

describe('JP survivor pension', () => {
  // Permenaker 29/2015 Pasal 26: 24 months counted as 180. PP 45/2015: 1 % × 180/12 × Rp 5,000,000
  // = Rp 750,000 a month (above the 2024 minimum Rp 393,500).
  it('each survivor takes its percentage of the formula on the masa iur counted as 15 years', () => {
    const book = ruleBook().book;
    const ask = (survivor: 'janda_duda' | 'anak' | 'orang_tua') =>
      hitungManfaat(book, { ...widow, survivor });
    // janda/duda 50 %: Rp 375,000; anak 50 %: Rp 375,000; orang tua 20 %: Rp 150,000 (PP 45/2015).
    expect(ask('janda_duda')).toMatchObject({ eligible: true, totalRp: 375_000 });
    expect(ask('anak')).toMatchObject({ eligible: true, totalRp: 375_000 });
    expect(ask('orang_tua')).toMatchObject({ eligible: true, totalRp: 150_000 });
    const r = ask('janda_duda');
    expect(r.components[0]).toMatchObject({ name: 'manfaat_pensiun_janda_duda', amountRp: 375_000 });
    expect(r.components[0]!.basis).toContain('Permenaker 29/2015 Pasal 26');
    expect(r.components[0]!.basis).toContain('PP 45/2015');
    const used = r.explanation.parameters.find((p) => p.id === ID);
    expect(used).toMatchObject({ status: 'single_source', reference: 'PP 45/2015 (pasal belum tercatat)' });
  });

  it('density below 80 %: the lump sum, whatever the percentages', () => {
    const r = hitungManfaat(ruleBook().book, { ...widow, paymentDensityBp: 7999 });
    expect(r).toMatchObject({ eligible: true, totalRp: 5_000_000 });
    expect(r.components[0]!.name).toBe('manfaat_pensiun_sekaligus');
  });

  it('a table without the survivor, or declared unknown, names the parameter instead of guessing', () => {
    const child = { ...widow, survivor: 'anak' as const };
    expect(errorCode(() => hitungManfaat(bookWithSurvivorPercent({ janda_duda: 5000 }), child))).toBe(
      'PARAMETER_VALUE_UNKNOWN',
    );
    expect(errorCode(() => hitungManfaat(bookWithSurvivorPercent(null), widow))).toBe(
      'PARAMETER_VALUE_UNKNOWN',
    );
  });
});
