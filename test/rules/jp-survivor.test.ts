// The JP survivor pension once an administrator sets the survivor percentages (unconfirmed in the
// fact sheet §3.4, so the shipped book has none and the rule refuses to guess).
import { describe, expect, it } from 'vitest';
import { hitungManfaat } from '../../src/rules/manfaat/hitung.ts';
import type { Rupiah } from '../../src/rules/money.ts';
import { ParameterBook } from '../../src/rules/params/book.ts';
import type { Parameter } from '../../src/rules/params/schema.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

const ID = 'jp.manfaat_ahli_waris_persen';

/** The shipped book with the survivor percentages an administrator set (test values, not law). */
function bookWithSurvivorPercent(table: Record<string, number>): ParameterBook {
  const shipped = ruleBook().book;
  const params = new Map<string, Parameter>(shipped.ids().map((id) => [id, shipped.parameter(id)]));
  const p = shipped.parameter(ID);
  params.set(ID, {
    ...p,
    values: [{ date: '2015-07-01', value: table, reference: 'diisi administrator (uji)' }],
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
  it('shipped book: the percentage is unknown, so the rule names the parameter instead of guessing', () => {
    expect(errorCode(() => hitungManfaat(ruleBook().book, widow))).toBe('PARAMETER_VALUE_UNKNOWN');
  });

  it('member ≥ 12 months with density ≥ 80 %: masa iur counted as 180 months, times the percentage', () => {
    // Permenaker 29/2015 Pasal 26: 24 months counted as 180. PP 45/2015 Pasal 17(2):
    // 1 % × 180/12 × Rp 5,000,000 = Rp 750,000 (above the 2024 minimum Rp 393,500).
    // With an administrator's 50 % for janda/duda (test value): Rp 375,000 a month.
    const r = hitungManfaat(
      bookWithSurvivorPercent({ janda_duda: 5000, anak: 5000, orang_tua: 2000 }),
      widow,
    );
    expect(r).toMatchObject({ eligible: true, totalRp: 375_000 });
    expect(r.components[0]).toMatchObject({ name: 'manfaat_pensiun_janda_duda', amountRp: 375_000 });
    expect(r.components[0]!.basis).toContain('Permenaker 29/2015 Pasal 26');
  });

  it('density below 80 %: the lump sum, whatever the percentages', () => {
    const r = hitungManfaat(bookWithSurvivorPercent({ janda_duda: 5000 }), {
      ...widow,
      paymentDensityBp: 7999,
    });
    expect(r).toMatchObject({ eligible: true, totalRp: 5_000_000 });
    expect(r.components[0]!.name).toBe('manfaat_pensiun_sekaligus');
  });
});
