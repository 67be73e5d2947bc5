// The public calculator service: validation names the field; results and readable text.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { calculateBenefit, calculateContribution } from '../../src/services/calculate.ts';
import {
  explainBenefit,
  explainContribution,
  formatRupiah,
  formatTanggal,
} from '../../src/services/explain-calculation.ts';

function validationDetail(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION_FAILED') return String(e.params.detail);
    throw e;
  }
  throw new Error('accepted');
}

describe('calculateContribution', () => {
  it('computes W7 through the service', () => {
    const r = calculateContribution({ segment: 'BPU', period: '2025-06', wageRp: 1_000_000 });
    expect(r.totalRp).toBe(16_800);
    expect(r.dueDate).toBe('2025-06-16');
  });
  it.each([
    [{ segment: 'XX', period: '2025-06' }, /^segment:/],
    [{ segment: 'PU', period: '2025-13', wageRp: 1, riskGroup: 1 }, /^period:/],
    [{ segment: 'PU', period: '2025-06', wageRp: 1.5, riskGroup: 1 }, /^wageRp:/],
    [{ segment: 'PU', period: '2025-06', wageRp: -1, riskGroup: 1 }, /^wageRp:/],
    [{ segment: 'PU', period: '2025-06', wageRp: 1, riskGroup: 6 }, /^riskGroup:/],
    [{ segment: 'PU', period: '2025-06', wageRp: 1, riskGroup: 1, programs: ['JKP'] }, /^programs\.0:/],
    [{ segment: 'PU', period: '2025-06', wageRp: 1, riskGroup: 1, wage: 5 }, /^wage:/],
    [{ segment: 'PU', period: '2025-06', riskGroup: 1 }, /^wageRp:/],
    [{ segment: 'PU', period: '2025-06', wageRp: 1000 }, /^riskGroup:/],
    [{ segment: 'BPU', period: '2025-06', wageRp: 1, fundingSource: 'DESA' }, /^fundingSource:/],
    [{ segment: 'PMI', period: '2025-06' }, /^contractMonths:/],
    [{ segment: 'BPU', period: '2025-06', wageRp: 1, programs: ['JP'] }, /^programs:/],
  ])('names the field: %j', (input, field) => {
    expect(validationDetail(() => calculateContribution(input))).toMatch(field);
  });
});

describe('calculateBenefit', () => {
  it('computes W8 through the service', () => {
    const r = calculateBenefit({
      program: 'JKP',
      reason: 'termination',
      eventDate: '2025-03-01',
      wageRp: 6_000_000,
      contributionMonths: 12,
    });
    expect(r).toMatchObject({ eligible: true, totalRp: 18_000_000 });
  });
  it.each([
    [{ program: 'JKX', eventDate: '2024-01-01' }, /^program:/],
    [{ program: 'JKM', eventDate: '2024-02-30' }, /^eventDate:/],
    [{ program: 'JKK', eventDate: '2024-01-01', case: 'broken_leg', wageRp: 1 }, /^case:/],
    [{ program: 'JKK', eventDate: '2024-01-01', case: 'death' }, /^wageRp:/],
    [
      { program: 'JKM', eventDate: '2024-01-01', children: [{ birthDate: '2020-01-01', level: 'S2' }] },
      /^children\.0\.level:/,
    ],
    [{ program: 'JHT', eventDate: '2024-01-01', reason: 'resignation', balanceRp: 1 }, /^terminationDate:/],
    [
      { program: 'JP', eventDate: '2024-01-01', contributionMonths: 200, birthDate: '1960-01-01' },
      /^averageIndexedWageRp:/,
    ],
  ])('names the field: %j', (input, field) => {
    expect(validationDetail(() => calculateBenefit(input))).toMatch(field);
  });
});

describe('explain-calculation', () => {
  it('formats money and dates the Indonesian way', () => {
    expect(formatRupiah(28_700_000_000)).toBe('Rp 28.700.000.000');
    expect(formatTanggal('2023-05-22', 'id')).toBe('22 Mei 2023');
    expect(formatTanggal('2023-05-22', 'en')).toBe('22 May 2023');
  });
  it('explains a contribution in both languages', () => {
    const r = calculateContribution({ segment: 'PU', period: '2025-06', wageRp: 10_000_000, riskGroup: 1 });
    const id = explainContribution(r, 'id', '2025-06');
    expect(id).toContain('Iuran Juni 2025 — Total Rp 924.000');
    expect(id).toContain('Jatuh tempo: 15 Juli 2025');
    expect(id).toContain('JP (pekerja): Rp 100.000');
    expect(explainContribution(r, 'en', '2025-06')).toContain('Due: 15 July 2025');
  });
  it('explains a late fee of a PP 49/2020 month with its own basis, and names the holiday decree', () => {
    // Sep 2020, upah 5.000.000, kelompok I: due 30 Oct (PP 49/2020 Pasal 4(1)) was cuti bersama, then
    // the weekend → Mon 2 Nov; paid 1 Jan 2021: 2 Nov, 30 Nov, 30 Dec passed → 3 months × 0,5 %
    // (Pasal 23(1)): JHT 285.000 × 1,5 % = 4.275 (JKK 120 and JKM 150 are at 1 % under the relief).
    const r = calculateContribution({
      segment: 'PU',
      period: '2020-09',
      wageRp: 5_000_000,
      riskGroup: 1,
      paidOn: '2021-01-01',
    });
    const id = explainContribution(r, 'id', '2020-09');
    expect(id).toContain('Jatuh tempo: 2 November 2020');
    expect(id).toContain('denda JHT: 0,5% × 3 × Rp 285.000 = Rp 4.275 — PP 49/2020 Pasal 23(1)');
    expect(id).toContain('hari_libur.daftar = 22 hari libur nasional dan cuti bersama');
    expect(id).toContain('Nomor 744 Tahun 2020');
    expect(explainContribution(r, 'en', '2020-09')).toContain('22 national holidays and cuti bersama days');
  });
  it('explains a benefit and flags unconfirmed parameters', () => {
    const r = calculateBenefit({
      program: 'JKK',
      case: 'partial_disability',
      eventDate: '2024-05-10',
      wageRp: 5_000_000,
      disabilityPercentBp: 1000,
    });
    const text = explainBenefit(r, 'id');
    expect(text).toContain('Berhak — Total Rp 40.000.000');
    expect(text).toContain('jkk.cacat_sebagian_tabel');
    expect(text).toContain('BELUM DIKONFIRMASI');
    expect(explainBenefit(r, 'en')).toContain('UNCONFIRMED');
  });
});
