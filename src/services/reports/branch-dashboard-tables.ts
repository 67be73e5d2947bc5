// The branch dashboard's tables: claims paid by month and programme, service level, payout batches.

import type { PayoutBatchRow } from '../../db/report-claims.ts';
import { rupiah, witaDate } from '../invoice-pdf/labels.ts';
import { bulanTahun } from '../tanggal-id.ts';
import type { BranchDashboard } from './branch-dashboard.ts';
import { percentId, type ReportDocument, reportTable } from './report-table.ts';

type Month = BranchDashboard['claimsByMonth'][number];
type SlaRow = { item: string; value: number };

const BATCH_STATUS: Record<string, string> = {
  draft: 'Draf',
  approved: 'Disetujui',
  exported: 'Dikirim ke bank',
  reconciled: 'Selesai',
};

export function branchDashboardDocument(d: BranchDashboard, generatedAt: string): ReportDocument {
  const sla: SlaRow[] = [
    { item: 'Klaim diputus', value: d.sla.decided },
    { item: 'Diputus dalam SLA', value: d.sla.withinSla },
    { item: 'Terlambat, belum diputus', value: d.sla.overdueOpen },
    { item: 'Ditolak otomatis oleh aturan (di luar SLA)', value: d.sla.automaticRefusals },
  ];
  const pct = percentId(d.sla.percent);
  return {
    stem: `dasbor-cabang-${d.regencyCode}-${d.year}`,
    title: 'Dasbor Kantor Cabang',
    regencyName: d.regencyName,
    periodLine: `Tahun ${d.year}`,
    notes: [`Manfaat dibayar: ${rupiah(d.benefitsPaidRp)}; kepatuhan SLA ${pct}%.`],
    generatedAt,
    tables: [
      reportTable('claimsByMonth', 'Klaim dibayar per bulan dan program', {
        sheet: 'Klaim per bulan',
        columns: [
          { header: 'Periode', kind: 'text', width: 10, value: (m: Month) => m.period },
          { header: 'Bulan', kind: 'text', width: 16, value: (m: Month) => bulanTahun(m.period) },
          { header: 'Program', kind: 'text', width: 10, value: (m: Month) => m.program },
          { header: 'Jumlah klaim', kind: 'int', width: 14, value: (m: Month) => m.count, total: true },
          { header: 'Dibayar (Rp)', kind: 'rupiah', width: 18, value: (m: Month) => m.amountRp, total: true },
        ],
        rows: d.claimsByMonth,
        totalLabel: 'Jumlah',
      }),
      reportTable('sla', 'Kepatuhan SLA', {
        sheet: 'SLA',
        columns: [
          { header: 'Uraian', kind: 'text', width: 30, value: (s: SlaRow) => s.item },
          { header: 'Jumlah', kind: 'int', width: 12, value: (s: SlaRow) => s.value },
        ],
        rows: sla,
      }),
      reportTable('payoutBatches', 'Batch pembayaran', {
        sheet: 'Batch pembayaran',
        columns: [
          { header: 'Nomor batch', kind: 'text', width: 24, value: (b: PayoutBatchRow) => b.number },
          {
            header: 'Status',
            kind: 'text',
            width: 16,
            value: (b: PayoutBatchRow) => BATCH_STATUS[b.status] ?? b.status,
          },
          { header: 'Tanggal', kind: 'date', width: 13, value: (b: PayoutBatchRow) => witaDate(b.createdAt) },
          {
            header: 'Jumlah klaim',
            kind: 'int',
            width: 13,
            value: (b: PayoutBatchRow) => b.count,
            total: true,
          },
          {
            header: 'Total (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (b: PayoutBatchRow) => b.totalRp,
            total: true,
          },
        ],
        rows: d.payoutBatches,
        totalLabel: 'Jumlah',
      }),
    ],
  };
}
