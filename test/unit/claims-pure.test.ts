import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/rules/calendar.ts';
import { sniffMediaType } from '../../src/services/claims/documents.ts';
import { coveredMonths, jkkReportNote, monthsBetween } from '../../src/services/claims/eligibility.ts';
import { slaDue } from '../../src/services/claims/sla.ts';

describe('claims: pure parts', () => {
  it('working days skip weekends', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-05', 3)).toBe('2026-12-09'); // from Saturday
  });

  it('the SLA counts from the WITA date the documents became complete', () => {
    // Friday 17:00 UTC is already Saturday 01:00 WITA: 3 working days → Wednesday
    expect(slaDue('JKM', '2026-12-04T17:00:00Z')).toEqual({
      dueDate: '2026-12-09',
      dueAt: '2026-12-09T15:59:59.000Z',
    });
    expect(slaDue('JHT', '2026-12-04T15:59:00Z').dueDate).toBe('2026-12-11'); // Friday 23:59 WITA + 5
  });

  it('file types come from the first bytes, never the name', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00', 'binary'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull(); // truncated signature
  });

  it('months of cover: whole months, lapses not counted', () => {
    expect(monthsBetween('2016-12-01', '2026-11-30')).toBe(119);
    expect(monthsBetween('2016-12-01', '2026-12-01')).toBe(120);
    const ranges = [
      { from: '2024-01-15', to: '2024-06-14' },
      { from: '2025-01-15', to: null },
    ];
    expect(coveredMonths(ranges, '2024-01-01', '2025-07-14')).toBe(5 + 6);
  });

  it('JKK report: exactly 2×24 hours is on time, a minute more is the employer’s liability', () => {
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
