// The district dashboard's tables (each chart's numbers): areas, trends, arrears, budget and UCJ.
// The areas table lists kecamatan and villages together (as the JSON does); the whole workbook and
// the PDF hold them split instead, so each sheet's sums count every participant once.
import type { ExportColumn } from '../exports/table.ts';
import { bulanTahun, tanggal } from '../tanggal-id.ts';
import type { Area } from './areas.ts';
import type { DistrictDashboard } from './district-dashboard.ts';
import { type NonAsnUnit, opdLabel } from './non-asn.ts';
import { percentId, type ReportDocument, type ReportTable, reportTable } from './report-table.ts';

type Trend = DistrictDashboard['trends'][number];
type Budget = DistrictDashboard['budget'][number];
type Bucket = { bucket: string; amountRp: number };
type UcjRow = { item: string; value: string | number };
type NonAsnRow = NonAsnUnit;

const count = (header: string, value: (a: Area) => number, width = 9): ExportColumn<Area> => ({
  header,
  kind: 'int',
  width,
  value,
  total: true,
});

const AREA_COLUMNS: readonly ExportColumn<Area>[] = [
  { header: 'Kode', kind: 'text', width: 14, value: (a) => a.code },
  { header: 'Wilayah', kind: 'text', width: 22, value: (a) => a.name },
  {
    header: 'Tingkat',
    kind: 'text',
    width: 10,
    value: (a) => (a.level === 'district' ? 'Kecamatan' : 'Desa'),
  },
  count('Aktif', (a) => a.active),
  count('PU', (a) => a.bySegment.PU, 7),
  count('BPU', (a) => a.bySegment.BPU, 7),
  count('JAKON', (a) => a.bySegment.JAKON, 7),
  count('PMI', (a) => a.bySegment.PMI, 7),
  count('Diusulkan', (a) => a.byStatus.proposed),
  count('Diverifikasi', (a) => a.byStatus.verified, 10),
  count('Nonaktif', (a) => a.byStatus.lapsed),
  count('Berakhir', (a) => a.byStatus.ended),
  count('Mandiri', (a) => a.byFunding.SELF),
  count('Pemberi kerja', (a) => a.byFunding.EMPLOYER, 10),
  count('APBN', (a) => a.byFunding.APBN, 7),
  count('APBD', (a) => a.byFunding.APBD, 7),
  count('APBDes', (a) => a.byFunding.APBDES, 7),
  count('CSR', (a) => a.byFunding.CSR, 7),
];

function areaTables(areas: Area[]): ReportTable[] {
  const sheet = (name: string, title: string, rows: Area[]) =>
    reportTable(name, title, { sheet: title, columns: AREA_COLUMNS, rows, totalLabel: 'Jumlah' });
  return [
    sheet(
      'districts',
      'Kecamatan',
      areas.filter((a) => a.level === 'district'),
    ),
    sheet(
      'villages',
      'Desa',
      areas.filter((a) => a.level === 'village'),
    ),
  ];
}

function ucjRows(d: DistrictDashboard): UcjRow[] {
  if (!d.ucj) return [];
  return [
    { item: 'Tahun', value: d.ucj.year },
    { item: 'Angkatan kerja', value: d.ucj.workforce },
    { item: 'Sumber', value: d.ucj.source },
    { item: 'Peserta aktif', value: d.ucj.covered },
    { item: 'Cakupan (%)', value: percentId(d.ucj.percent) },
    { item: 'Target (%)', value: percentId(d.ucj.targetPercent) },
  ];
}

export function ucjLine(d: DistrictDashboard): string {
  if (!d.ucj) return 'Universal Coverage Jamsostek: angkatan kerja tahun ini belum diisi.';
  const pct = (n: number) => `${percentId(n)}%`;
  return (
    `Universal Coverage Jamsostek ${d.ucj.year}: ${pct(d.ucj.percent)} (${d.ucj.covered} dari ${d.ucj.workforce} ` +
    `angkatan kerja, sumber: ${d.ucj.source}); target ${pct(d.ucj.targetPercent)}.`
  );
}

export function districtDashboardDocument(d: DistrictDashboard, generatedAt: string): ReportDocument {
  const a = d.arrears;
  const buckets: Bucket[] = [
    { bucket: 'Belum jatuh tempo', amountRp: a.notDueRp },
    { bucket: '1–30 hari', amountRp: a.d1_30Rp },
    { bucket: '31–60 hari', amountRp: a.d31_60Rp },
    { bucket: '61–90 hari', amountRp: a.d61_90Rp },
    { bucket: 'Lebih dari 90 hari', amountRp: a.over90Rp },
  ];
  // Kecamatan and villages in one table: no sums (a village is inside its kecamatan).
  const areas = reportTable(
    'areas',
    'Peserta per wilayah',
    { sheet: 'Wilayah', columns: AREA_COLUMNS.map((c) => ({ ...c, total: false })), rows: d.areas },
    { onlyByName: true },
  );
  return {
    stem: `dasbor-kabupaten-${d.regencyCode}-${d.asOf}`,
    title: 'Dasbor Kabupaten',
    regencyName: d.regencyName,
    periodLine: `per ${tanggal(d.asOf)}`,
    notes: [ucjLine(d)],
    generatedAt,
    tables: [
      areas,
      ...areaTables(d.areas),
      reportTable('trends', 'Tren bulanan', {
        sheet: 'Tren',
        columns: [
          { header: 'Periode', kind: 'text', width: 10, value: (t: Trend) => t.period },
          { header: 'Bulan', kind: 'text', width: 16, value: (t: Trend) => bulanTahun(t.period) },
          { header: 'Peserta aktif', kind: 'int', width: 14, value: (t: Trend) => t.active },
          {
            header: 'Ditagihkan (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (t: Trend) => t.invoicedRp,
            total: true,
          },
          { header: 'Dibayar (Rp)', kind: 'rupiah', width: 18, value: (t: Trend) => t.paidRp, total: true },
        ],
        rows: d.trends,
        totalLabel: 'Jumlah',
      }),
      reportTable('arrears', 'Umur tunggakan', {
        sheet: 'Tunggakan',
        columns: [
          { header: 'Umur tunggakan', kind: 'text', width: 24, value: (b: Bucket) => b.bucket },
          {
            header: 'Tunggakan (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (b: Bucket) => b.amountRp,
            total: true,
          },
        ],
        rows: buckets,
        totalLabel: 'Jumlah',
      }),
      reportTable('budget', 'Penggunaan anggaran', {
        sheet: 'Anggaran',
        columns: [
          { header: 'Pembayar', kind: 'text', width: 34, value: (b: Budget) => b.payerName },
          {
            header: 'Alokasi (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (b: Budget) => b.allocatedRp,
            total: true,
          },
          {
            header: 'Komitmen (Rp)',
            kind: 'rupiah',
            width: 18,
            value: (b: Budget) => b.committedRp,
            total: true,
          },
          { header: 'Terpakai (Rp)', kind: 'rupiah', width: 18, value: (b: Budget) => b.usedRp, total: true },
        ],
        rows: d.budget,
        totalLabel: 'Jumlah',
      }),
      reportTable('ucj', 'Universal Coverage Jamsostek', {
        sheet: 'UCJ',
        columns: [
          { header: 'Uraian', kind: 'text', width: 20, value: (u: UcjRow) => u.item },
          { header: 'Nilai', kind: 'text', width: 40, value: (u: UcjRow) => u.value },
        ],
        rows: ucjRows(d),
      }),
      reportTable('non_asn', 'Pegawai non-ASN per OPD', {
        sheet: 'Non-ASN',
        columns: [
          { header: 'NPP', kind: 'text', width: 12, value: (u: NonAsnRow) => u.npp },
          { header: 'Pemberi kerja', kind: 'text', width: 30, value: (u: NonAsnRow) => u.employerName },
          { header: 'OPD', kind: 'text', width: 40, value: (u: NonAsnRow) => opdLabel(u) },
          { header: 'Peserta aktif', kind: 'int', width: 14, value: (u: NonAsnRow) => u.active, total: true },
        ],
        rows: d.nonAsn?.byWorkUnit ?? [],
        totalLabel: 'Jumlah',
      }),
    ],
  };
}
