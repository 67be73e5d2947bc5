// The days off of src/rules/params/hari_libur.yaml (the yearly SKB 3 Menteri), checked for shape
// and cross-checked against the maintained package date-holidays (country ID). Every difference is
// listed below with its reason; the decree is the authority, so a new difference fails this test
// until someone checks the decree and records it here (and in the YAML note when the list changes).
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, dayOfWeek, hariLibur, nextWorkingDay } from '../../src/rules/calendar.ts';
import { Explainer } from '../../src/rules/explanation.ts';
import { ruleBook } from '../../src/services/rule-book.ts';

interface DayOff {
  date: string;
  kind: 'libur_nasional' | 'cuti_bersama';
  name: string;
}

const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);
const book = ruleBook().book;
const listOf = (y: number) => book.at('hari_libur.daftar', `${y}-01-01`);

/**
 * National holidays (not cuti bersama) where the decree and date-holidays differ: `+` in the
 * decree only, `-` in date-holidays only. Reasons:
 * - hilal: the decree fixes an Islamic holiday a day (or two) from date-holidays' computed date;
 * - revisi: a revised SKB moved the day (2021: 1 Muharam 10→11 Aug, Maulid 19→20 Oct);
 * - keppres: an election day made a national holiday by Keputusan Presiden;
 * - pancasila: 1 June is a holiday only from 2017 (Keppres 24/2016), date-holidays has it earlier;
 * - paskah: Easter Sunday is in the decree from 2024, not in date-holidays;
 * - waisak: the 2023 decree set Waisak on 4 June, date-holidays computes 6 May.
 */
const KNOWN: Record<number, string[]> = {
  2015: [
    '-2015-06-01 pancasila',
    '-2015-09-23 hilal',
    '+2015-09-24 hilal',
    '+2015-12-09 keppres',
    '-2015-12-23 hilal',
    '+2015-12-24 hilal',
  ],
  2016: [
    '-2016-05-04 hilal',
    '+2016-05-06 hilal',
    '-2016-06-01 pancasila',
    '-2016-09-11 hilal',
    '+2016-09-12 hilal',
    '-2016-12-11 hilal',
    '+2016-12-12 hilal',
  ],
  2017: ['+2017-02-15 keppres', '-2017-11-30 hilal', '+2017-12-01 hilal'],
  2018: [
    '-2018-04-13 hilal',
    '+2018-04-14 hilal',
    '+2018-06-27 keppres',
    '-2018-08-21 hilal',
    '+2018-08-22 hilal',
  ],
  2019: [
    '+2019-04-17 keppres',
    '-2019-06-04 hilal',
    '+2019-06-06 hilal',
    '-2019-08-31 hilal',
    '+2019-09-01 hilal',
  ],
  2020: ['+2020-12-09 keppres'],
  2021: ['-2021-08-09 revisi', '+2021-08-11 revisi', '-2021-10-18 revisi', '+2021-10-20 revisi'],
  2022: ['-2022-07-09 hilal', '+2022-07-10 hilal'],
  2023: [
    '-2023-04-21 hilal',
    '+2023-04-23 hilal',
    '-2023-05-06 waisak',
    '+2023-06-04 waisak',
    '-2023-06-28 hilal',
    '+2023-06-29 hilal',
    '-2023-09-27 hilal',
    '+2023-09-28 hilal',
  ],
  2024: [
    '+2024-02-14 keppres',
    '-2024-06-16 hilal',
    '+2024-06-17 hilal',
    '-2024-09-15 hilal',
    '+2024-09-16 hilal',
    '+2024-03-31 paskah',
    '+2024-11-27 keppres',
  ],
  2025: [
    '-2025-03-30 hilal',
    '+2025-04-01 hilal',
    '+2025-04-20 paskah',
    '-2025-06-26 hilal',
    '+2025-06-27 hilal',
  ],
  2026: ['-2026-03-20 hilal', '+2026-03-22 hilal', '+2026-04-05 paskah'],
};

describe('hari_libur.yaml: the yearly SKB 3 Menteri lists', () => {
  it('has one cited list per year 2015–2026, every day inside its year, sorted and unique', () => {
    for (const y of YEARS) {
      const entry = listOf(y);
      expect(entry.date).toBe(`${y}-01-01`);
      expect(entry.reference).toContain(`Tahun ${y}`);
      const days = entry.value as DayOff[];
      expect(days.length, String(y)).toBeGreaterThan(10);
      expect(
        days.every((d) => d.date.startsWith(`${y}-`)),
        String(y),
      ).toBe(true);
      expect(days.map((d) => d.date)).toEqual([...new Set(days.map((d) => d.date))].sort());
    }
  });

  it('holds the fixed-date holidays every year, and Independence Day on 17 August', () => {
    for (const y of YEARS) {
      const dates = (listOf(y).value as DayOff[]).map((d) => d.date);
      for (const md of ['01-01', '05-01', '08-17', '12-25']) expect(dates, `${y}`).toContain(`${y}-${md}`);
      if (y >= 2017) expect(dates).toContain(`${y}-06-01`); // Hari Lahir Pancasila, Keppres 24/2016
    }
    expect(dayOfWeek('2026-08-17')).toBe(1); // Monday
  });

  it('differs from date-holidays (ID, public holidays) only where listed, with the reason', () => {
    const hd = new Holidays('ID');
    for (const y of YEARS) {
      const ours = new Set(
        (listOf(y).value as DayOff[]).filter((d) => d.kind === 'libur_nasional').map((d) => d.date),
      );
      const theirs = new Set(
        hd
          .getHolidays(y)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      const diff = [
        ...[...theirs].filter((d) => !ours.has(d)).map((d) => `-${d}`),
        ...[...ours].filter((d) => !theirs.has(d)).map((d) => `+${d}`),
      ].sort();
      expect(diff, String(y)).toEqual((KNOWN[y] ?? []).map((k) => k.split(' ')[0]).sort());
    }
  });

  it('carries the corrections checked against the decrees, and the working days follow them', () => {
    const kindOf = (date: string) =>
      (listOf(Number(date.slice(0, 4))).value as DayOff[]).find((d) => d.date === date)?.kind;
    expect(kindOf('2017-06-23')).toBe('cuti_bersama'); // Keppres 18/2017 (15 June 2017)
    expect(kindOf('2022-12-26')).toBeUndefined(); // never a cuti bersama (SKB 375/2022: Idulfitri only)
    expect(kindOf('2025-08-18')).toBe('cuti_bersama'); // SKB 933/2025, 1/2025, 3/2025 (7 Aug 2025)
    const libur = hariLibur(new Explainer(ruleBook().book));
    // Christmas 2022 fell on a Sunday and Monday 26 December was a working day.
    expect(nextWorkingDay('2022-12-24', libur)).toBe('2022-12-26');
    // Fri 15 Aug 2025 + 1 working day: Sun 17 Aug Independence Day, Mon 18 Aug cuti bersama → Tue 19.
    expect(addWorkingDays('2025-08-15', 1, libur)).toBe('2025-08-19');
  });

  it('date-holidays has no cuti bersama: each is only in the decree, and never on a weekend', () => {
    for (const y of YEARS) {
      for (const d of (listOf(y).value as DayOff[]).filter((x) => x.kind === 'cuti_bersama')) {
        expect([0, 6], `${d.date} ${d.name}`).not.toContain(dayOfWeek(d.date));
      }
    }
  });
});
