// Display of a timestamp in Waktu Indonesia Tengah (Asia/Makassar: UTC+8 all year, no DST),
// the time zone of NTT, as "22 Mei 2023 14.05 WITA". Done by hand so the output does not depend
// on the ICU data Node was built with.

const MONTHS_ID = [
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
];
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "22 Mei 2023 14.05 WITA" for an ISO timestamp; the text unchanged if it is not one. */
export function formatWita(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const wita = new Date(ms + WITA_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${wita.getUTCDate()} ${MONTHS_ID[wita.getUTCMonth()]} ${wita.getUTCFullYear()}`;
  return `${date} ${two(wita.getUTCHours())}.${two(wita.getUTCMinutes())} WITA`;
}
