// Dates and times as Indonesian readers write them ("22 Mei 2023", "22 Mei 2023 14.05 WITA"),
// and months as English readers write them ("May 2023"), done by hand so documents do not depend
// on the ICU data Node was built with.

export const BULAN_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** NTT keeps Waktu Indonesia Tengah (Asia/Makassar): UTC+8 all year, no daylight saving. */
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** '2023-05-22' → '22 Mei 2023'. */
export function tanggal(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${BULAN_ID[m - 1]} ${y}`;
}

function monthYear(names: readonly string[], period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${names[m - 1]} ${y}`;
}

/** '2023-05' → 'Mei 2023'. */
export const bulanTahun = (period: string): string => monthYear(BULAN_ID, period);

/** '2023-05' → 'May 2023'. */
export const monthYearEn = (period: string): string => monthYear(MONTHS_EN, period);

/** "22 Mei 2023 14.05 WITA" for an ISO timestamp; the text unchanged if it is not one. */
export function formatWita(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const wita = new Date(ms + WITA_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${wita.getUTCDate()} ${BULAN_ID[wita.getUTCMonth()]} ${wita.getUTCFullYear()}`;
  return `${date} ${two(wita.getUTCHours())}.${two(wita.getUTCMinutes())} WITA`;
}
