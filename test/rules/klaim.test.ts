// The claim rules' building blocks: the kind union, the working-day calendar, months of cover and
// the JKK stage-I report deadline.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  hariLibur,
  isWorkingDay,
  monthsBetween,
  nextWorkingDay,
} from '../../src/rules/calendar.ts';
import { Explainer } from '../../src/rules/explanation.ts';
import { batasLayanan } from '../../src/rules/klaim/batas-layanan.ts';
import { JENIS_KLAIM, jenisKlaim, jenisTakTertangani, PROGRAM_KLAIM } from '../../src/rules/klaim/jenis.ts';
import { jkkReportNote } from '../../src/rules/klaim/laporan-jkk.ts';
import { consecutiveMonths, coveredMonths } from '../../src/rules/klaim/masa-iur.ts';
import { CLAIM_KINDS } from '../../src/services/claims/catalog.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

describe('the claim-kind union', () => {
  it('the catalog lists exactly the kinds of the union, in its order', () => {
    for (const p of PROGRAM_KLAIM) expect(CLAIM_KINDS[p].map((k) => k.kind)).toEqual([...JENIS_KLAIM[p]]);
  });
  it('a kind the programme does not have is CLAIM_KIND_UNKNOWN', () => {
    expect(jenisKlaim('JP', 'hari_tua')).toEqual({ program: 'JP', kind: 'hari_tua' });
    for (const [program, kind] of [
      ['JKM', 'penuh'],
      ['JHT', 'kematian'],
      ['JKP', ''],
    ] as const)
      expect(
        errorCode(() => jenisKlaim(program, kind)),
        `${program}/${kind}`,
      ).toBe('CLAIM_KIND_UNKNOWN');
    expect(() => jenisTakTertangani('JKM/baru' as never)).toThrow(/JKM\/baru/);
  });
});

describe('the one working-day calendar', () => {
  const ex = () => new Explainer(ruleBook().book);
  it('Saturday and Sunday are not working days', () => {
    const libur = hariLibur(ex());
    expect(
      ['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map((d) => isWorkingDay(d, libur)),
    ).toEqual([true, false, false, true]);
    expect(nextWorkingDay('2026-11-15', libur)).toBe('2026-11-16'); // Sunday → Monday
    expect(nextWorkingDay('2026-12-15', libur)).toBe('2026-12-15');
  });
  it('national holidays and cuti bersama of the yearly SKB 3 Menteri are not working days', () => {
    const e = ex();
    const libur = hariLibur(e);
    // Saturday 15 Aug 2026, Sunday, Monday 17 Aug Independence Day (SKB 3 Menteri 2026) → Tuesday.
    expect(nextWorkingDay('2026-08-15', libur)).toBe('2026-08-18');
    // Thursday 24 Dec 2026 cuti bersama, Friday 25 Dec Natal.
    expect(isWorkingDay('2026-12-24', libur)).toBe(false);
    expect(isWorkingDay('2026-12-25', libur)).toBe(false);
    // The decree used is cited in the explanation.
    expect(e.explanation().parameters.map((p) => [p.id, p.effectiveFrom])).toEqual([
      ['hari_libur.daftar', '2026-01-01'],
    ]);
    // Before the first list (2015) only weekends; from 2027 no decree recorded yet: weekends only.
    expect(isWorkingDay('2014-12-25', libur)).toBe(true);
    expect(isWorkingDay('2027-08-17', libur)).toBe(true);
  });
  it('working days are counted after the date, skipping weekends and days off', () => {
    const libur = hariLibur(ex());
    expect(addWorkingDays('2026-12-04', 1, libur)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-01', 5, libur)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-05', 3, libur)).toBe('2026-12-09'); // from Saturday
    expect(addWorkingDays('2026-12-07', 0, libur)).toBe('2026-12-07');
    // JHT ≤ 5 working days (Permenaker 4/2022) from Wed 18 Mar 2026: 19 Nyepi, 20 cuti bersama, 21–22
    // Idulfitri (weekend), 23–24 cuti bersama → 25, 26, 27, 30, 31 March.
    expect(addWorkingDays('2026-03-18', 5, libur)).toBe('2026-03-31');
  });
  it('the claim service level counts the same working days (Permenaker 4/2022: JHT ≤ 5 working days)', () => {
    expect(batasLayanan(ex(), 'JHT', '2026-03-18')).toBe('2026-03-31');
    expect(batasLayanan(ex(), 'JHT', '2026-08-13')).toBe('2026-08-21'); // 14, 18, 19, 20, 21 (17 Aug off)
  });
});

describe('months of cover (masa iur)', () => {
  it('whole months, lapses not counted', () => {
    expect(monthsBetween('2016-12-01', '2026-11-30')).toBe(119);
    expect(monthsBetween('2016-12-01', '2026-12-01')).toBe(120);
    expect(monthsBetween('2026-12-01', '2016-12-01')).toBe(0);
    const ranges = [
      { from: '2024-01-15', to: '2024-06-14' },
      { from: '2025-01-15', to: null },
    ];
    expect(coveredMonths(ranges, '2024-01-01', '2025-07-14')).toBe(5 + 6);
    expect(consecutiveMonths(ranges, '2025-07-14')).toBe(6);
    expect(consecutiveMonths(ranges, '2024-12-31')).toBe(5);
  });
});

describe('JKK stage-I report (Permenaker 5/2021 Pasal 8 jo Permenaker 1/2025)', () => {
  it('exactly 2×24 hours is on time, a minute more is the employer’s liability', () => {
    const on = jkkReportNote({
      accidentAt: '2026-12-01T08:00:00+08:00',
      reportedAt: '2026-12-03T08:00:00+08:00',
    });
    expect([on.late, on.code]).toEqual([false, 'jkk_laporan_tepat_waktu']);
    const late = jkkReportNote({
      accidentAt: '2026-12-01T08:00:00+08:00',
      reportedAt: '2026-12-03T08:01:00+08:00',
    });
    expect([late.late, late.code]).toEqual([true, 'jkk_laporan_terlambat']);
  });
});
