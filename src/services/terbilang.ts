// Amounts in Indonesian words ("terbilang"), as invoices and receipts print them under the
// figures: 201600 → "dua ratus satu ribu enam ratus". Integer arithmetic only.

const SATUAN = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
] as const;

/** Scale words for each group of three digits, from the lowest. */
const SKALA = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'] as const;

/** 1–999 in words ("seratus", "dua ratus sebelas"); '' for 0. */
function ratusan(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(SATUAN[hundreds]!, 'ratus');
  if (rest >= 20) {
    words.push(SATUAN[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10 > 0) words.push(SATUAN[rest % 10]!);
  } else if (rest >= 12) {
    words.push(SATUAN[rest - 10]!, 'belas');
  } else if (rest > 0) {
    words.push(SATUAN[rest]!);
  }
  return words.join(' ');
}

/**
 * A whole number in Indonesian words: 0 → "nol", 1000 → "seribu" (not "satu ribu"),
 * 28 700 000 000 → "dua puluh delapan miliar tujuh ratus juta"; negatives get "minus".
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`terbilang: ${n} is not a safe integer`);
  if (n === 0) return 'nol';
  if (n < 0) return `minus ${terbilang(-n)}`;
  const groups: string[] = [];
  let rest = n;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    if (group === 0) continue;
    if (scale === 1 && group === 1) groups.unshift('seribu');
    else groups.unshift(scale === 0 ? ratusan(group) : `${ratusan(group)} ${SKALA[scale]}`);
  }
  return groups.join(' ');
}

/** 201600 → "dua ratus satu ribu enam ratus rupiah". */
export function terbilangRupiah(amountRp: number): string {
  return `${terbilang(amountRp)} rupiah`;
}
