// Human-readable text of a calculator result, in Bahasa Indonesia or English.
// Money as "Rp 28.700.000.000", dates as "22 Mei 2023" (Intl id-ID; en-GB for English).
import type { Lang } from '../errors.ts';
import type { Explanation, ParameterUsed } from '../rules/explanation.ts';
import { formatBp, formatRp } from '../rules/format.ts';
import type { BenefitResult, ContributionResult } from './calculate.ts';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** The one money format (rules/format.ts), kept under this name for the explanations' callers. */
export const formatRupiah = formatRp;

function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

/** '2023-05-22' → '22 Mei 2023' (id) / '22 May 2023' (en). */
export function formatTanggal(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(date));
}

/** '2025-06' → 'Juni 2025' / 'June 2025'. */
export function formatPeriode(period: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utc(period),
  );
}

const T = {
  id: {
    contribution: 'Iuran',
    total: 'Total',
    due: 'Jatuh tempo',
    noDue: 'tidak ada jatuh tempo bulanan',
    paidOn: 'Dibayar',
    monthsLate: 'bulan terlambat',
    lateFee: 'denda',
    payer: { employer: 'pemberi kerja', worker: 'pekerja', participant: 'peserta' },
    eligible: 'Berhak',
    notEligible: 'Tidak berhak',
    rules: 'Aturan yang diterapkan',
    params: 'Parameter yang dipakai',
    since: 'berlaku sejak',
    unconfirmed: 'BELUM DIKONFIRMASI',
    single: 'satu sumber',
    daysOff: 'hari libur nasional dan cuti bersama',
    reasons: 'Keterangan',
  },
  en: {
    contribution: 'Contribution',
    total: 'Total',
    due: 'Due',
    noDue: 'no monthly due date',
    paidOn: 'Paid on',
    monthsLate: 'months late',
    lateFee: 'late fee',
    payer: { employer: 'employer', worker: 'worker', participant: 'participant' },
    eligible: 'Eligible',
    notEligible: 'Not eligible',
    rules: 'Rules applied',
    params: 'Parameters used',
    since: 'in force since',
    unconfirmed: 'UNCONFIRMED',
    single: 'single source',
    daysOff: 'national holidays and cuti bersama days',
    reasons: 'Notes',
  },
} as const;

/** A value as people read it; a year's holiday list by its size (the reference names the decree). */
function shownValue(p: ParameterUsed, lang: Lang): string {
  if (p.unit === 'holiday_list' && Array.isArray(p.value)) return `${p.value.length} ${T[lang].daysOff}`;
  if (p.unit === 'rupiah' && typeof p.value === 'number') return `${formatRupiah(p.value)} ${p.unit}`;
  return `${JSON.stringify(p.value)} ${p.unit}`;
}

function explanationLines(ex: Explanation, lang: Lang): string[] {
  const t = T[lang];
  const out = [`${t.rules}:`];
  for (const r of ex.rules) out.push(`  - ${r.text[lang]} (${r.basis})`);
  out.push(`${t.params}:`);
  for (const p of ex.parameters) {
    const flag =
      p.status === 'unconfirmed'
        ? ` [${t.unconfirmed}]`
        : p.status === 'single_source'
          ? ` [${t.single}]`
          : '';
    out.push(
      `  - ${p.id} = ${shownValue(p, lang)} (${t.since} ${formatTanggal(p.effectiveFrom, lang)}; ${p.reference})${flag}`,
    );
  }
  return out;
}

export function explainContribution(result: ContributionResult, lang: Lang, period?: string): string {
  const t = T[lang];
  const head = period ? `${t.contribution} ${formatPeriode(period, lang)}` : t.contribution;
  const due = result.dueDate ? `${t.due}: ${formatTanggal(result.dueDate, lang)}` : `${t.due}: ${t.noDue}`;
  const lines = [`${head} — ${t.total} ${formatRupiah(result.totalRp)}`, due];
  for (const l of result.lines)
    lines.push(`  ${l.program} (${t.payer[l.payer]}): ${formatRupiah(l.amountRp)} — ${l.basis}`);
  const fee = result.lateFee;
  if (fee) {
    lines.push(
      `${t.paidOn}: ${formatTanggal(fee.paidOn, lang)} — ${fee.monthsLate} ${t.monthsLate}, ${t.lateFee} ${formatRupiah(fee.totalRp)}`,
    );
    for (const l of fee.lines)
      lines.push(
        `  ${t.lateFee} ${l.program}: ${formatBp(l.rateBp)} × ${fee.monthsLate} × ${formatRupiah(l.iuranRp)} = ${formatRupiah(l.amountRp)} — ${l.basis}`,
      );
  }
  return [...lines, ...explanationLines(result.explanation, lang)].join('\n');
}

export function explainBenefit(result: BenefitResult, lang: Lang): string {
  const t = T[lang];
  const lines = [
    `${result.eligible ? t.eligible : t.notEligible} — ${t.total} ${formatRupiah(result.totalRp)}`,
  ];
  for (const c of result.components) lines.push(`  ${c.name}: ${formatRupiah(c.amountRp)} — ${c.basis}`);
  if (result.reasons.length > 0) {
    lines.push(`${t.reasons}:`);
    for (const r of result.reasons) lines.push(`  - ${r[lang]}`);
  }
  return [...lines, ...explanationLines(result.explanation, lang)].join('\n');
}
