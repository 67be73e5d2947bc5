// The branch report's tables: a summary of every figure (the CSV), claims by programme with
// their sums, and active participants by segment summing to the total.

import { CLAIM_PROGRAMS } from '../../db/report-claims.ts';
import { PROGRAM_NAMES } from '../card-pdf/card-text.ts';
import { tanggal } from '../tanggal-id.ts';
import type { BranchReport } from './branch-report.ts';
import { opdLabel } from './non-asn.ts';
import { type ReportDocument, reportTable } from './report-table.ts';

interface SummaryRow {
  section: string;
  item: string;
  count: number;
  amountRp: number | null;
}

interface ClaimRow {
  program: string;
  name: string;
  count: number;
  amountRp: number;
}

interface SegmentRow {
  segment: string;
  count: number;
}

function summaryRows(r: BranchReport): SummaryRow[] {
  const paid = 'Klaim dibayar';
  const active = `Peserta aktif per ${tanggal(r.to)}`;
  const village = 'Pekerja rentan desa';
  return [
    ...CLAIM_PROGRAMS.map((p) => ({
      section: paid,
      item: p,
      count: r.claims[p].count,
      amountRp: r.claims[p].amountRp,
    })),
    { section: paid, item: 'Jumlah', count: r.claimsTotal.count, amountRp: r.claimsTotal.amountRp },
    { section: 'Manfaat dibayar', item: 'Jumlah', count: r.claimsTotal.count, amountRp: r.benefitsPaidRp },
    { section: active, item: 'Formal (PU)', count: r.activeParticipants.formal, amountRp: null },
    { section: active, item: 'Informal (BPU)', count: r.activeParticipants.informal, amountRp: null },
    {
      section: active,
      item: 'Jasa konstruksi (JAKON)',
      count: r.activeParticipants.construction,
      amountRp: null,
    },
    { section: active, item: 'Jumlah', count: r.activeParticipants.total, amountRp: null },
    { section: village, item: 'Pekerja', count: r.villageWorkers, amountRp: null },
    { section: village, item: 'Desa', count: r.villagesWithWorkers, amountRp: null },
    ...nonAsnSummary(r),
  ];
}

/** Non-ASN apart: the total (already inside Formal (PU)) and one row per work unit (OPD). */
function nonAsnSummary(r: BranchReport): SummaryRow[] {
  const section = 'Pegawai non-ASN (termasuk Formal)';
  return [
    { section, item: 'Jumlah', count: r.nonAsn.active, amountRp: null },
    ...r.nonAsn.byWorkUnit.map((u) => ({
      section,
      item: opdLabel(u),
      count: u.active,
      amountRp: null,
    })),
  ];
}

function segmentRows(r: BranchReport): SegmentRow[] {
  const a = r.activeParticipants;
  return [
    { segment: 'Formal (PU)', count: a.formal },
    { segment: 'Informal (BPU)', count: a.informal },
    { segment: 'Jasa konstruksi (JAKON)', count: a.construction },
    // The total counts every segment; migrant workers (PMI) are the rest.
    { segment: 'Pekerja migran (PMI)', count: a.total - a.formal - a.informal - a.construction },
  ];
}

export function branchReportDocument(r: BranchReport): ReportDocument {
  const claims: ClaimRow[] = CLAIM_PROGRAMS.map((p) => ({
    program: p,
    name: PROGRAM_NAMES[p] ?? p,
    ...r.claims[p],
  }));
  return {
    stem: `laporan-cabang-${r.regencyCode}-${r.from}-${r.to}`,
    title: 'Laporan Kantor Cabang',
    regencyName: r.regencyName,
    periodLine: `${tanggal(r.from)} s.d. ${tanggal(r.to)}`,
    notes: [
      `Pekerja rentan desa aktif: ${r.villageWorkers} orang di ${r.villagesWithWorkers} desa.`,
      `Pegawai non-ASN aktif: ${r.nonAsn.active} orang (termasuk dalam Formal (PU)).`,
      'Klaim dibayar menurut tanggal pembayaran bank; peserta aktif menurut status pada tanggal akhir.',
    ],
    generatedAt: r.generatedAt,
    tables: [
      reportTable('summary', 'Ringkasan', {
        sheet: 'Ringkasan',
        columns: [
          { header: 'Bagian', kind: 'text', width: 30, value: (x: SummaryRow) => x.section },
          { header: 'Uraian', kind: 'text', width: 26, value: (x: SummaryRow) => x.item },
          { header: 'Jumlah', kind: 'int', width: 12, value: (x: SummaryRow) => x.count },
          { header: 'Nilai (Rp)', kind: 'rupiah', width: 18, value: (x: SummaryRow) => x.amountRp },
        ],
        rows: summaryRows(r),
      }),
      reportTable('claims', 'Klaim dibayar per program', {
        sheet: 'Klaim',
        columns: [
          { header: 'Program', kind: 'text', width: 10, value: (x: ClaimRow) => x.program },
          { header: 'Nama program', kind: 'text', width: 32, value: (x: ClaimRow) => x.name },
          { header: 'Jumlah klaim', kind: 'int', width: 14, value: (x: ClaimRow) => x.count, total: true },
          {
            header: 'Dibayar (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (x: ClaimRow) => x.amountRp,
            total: true,
          },
        ],
        rows: claims,
        totalLabel: 'Jumlah',
      }),
      reportTable('participants', `Peserta aktif per ${tanggal(r.to)}`, {
        sheet: 'Peserta aktif',
        columns: [
          { header: 'Segmen', kind: 'text', width: 30, value: (x: SegmentRow) => x.segment },
          { header: 'Peserta aktif', kind: 'int', width: 14, value: (x: SegmentRow) => x.count, total: true },
        ],
        rows: segmentRows(r),
        totalLabel: 'Jumlah',
      }),
    ],
  };
}
