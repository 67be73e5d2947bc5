// The words a membership card prints, in Bahasa Indonesia. Dates are formatted by hand so the
// card does not depend on the ICU data Node was built with.
import type { CardRow } from '../../db/cards.ts';
import { tanggal } from '../tanggal-id.ts';

export { tanggal };

export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:3000';

/** '12345678901' → '12 3456 7890 1' (year, serial in two groups, check digit). */
export function formatKpj(kpj: string): string {
  return `${kpj.slice(0, 2)} ${kpj.slice(2, 6)} ${kpj.slice(6, 10)} ${kpj.slice(10)}`;
}

/**
 * The public card check's own prefix. Cards printed before it held /verifikasi/{kpj}, which is
 * also the app's batch verification page; the server redirects the 11-digit form here.
 */
export const CARD_CHECK_PREFIX = '/cek';

/** What the QR code on the card holds: the public verification page of the KPJ. */
export function verificationUrl(baseUrl: string, kpj: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${CARD_CHECK_PREFIX}/${encodeURIComponent(kpj)}`;
}

export const SEGMENT_NAMES: Record<string, string> = {
  PU: 'Penerima Upah (PU)',
  BPU: 'Bukan Penerima Upah (BPU)',
  JAKON: 'Jasa Konstruksi',
  PMI: 'Pekerja Migran Indonesia',
};

export const PROGRAM_NAMES: Record<string, string> = {
  JKK: 'Jaminan Kecelakaan Kerja',
  JKM: 'Jaminan Kematian',
  JHT: 'Jaminan Hari Tua',
  JP: 'Jaminan Pensiun',
  JKP: 'Jaminan Kehilangan Pekerjaan',
};

/** 'KABUPATEN BELU' / 'KAB. BELU' / 'Belu' → 'Kabupaten Belu'. */
export function regencyTitle(name: string): string {
  const bare = name.replace(/^(kabupaten|kab\.?)\s+/i, '').trim();
  if (/^kota\s/i.test(bare)) return titleCase(bare);
  return `Kabupaten ${titleCase(bare)}`;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * Who pays the contributions, in words: 'Dibiayai APBDes Desa Kewar' (the card's Bahasa
 * Indonesia), or in English for the self-service screen: 'Funded by the APBDes of Desa Kewar'.
 */
export function fundingText(card: CardRow, language: 'id' | 'en' = 'id'): string {
  const village = `${card.villageKind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${titleCase(card.villageName)}`;
  if (language === 'en') return fundingTextEn(card, village);
  switch (card.fundingSource) {
    case 'APBDES':
      return `Dibiayai APBDes ${village}`;
    case 'APBD':
      return `Dibiayai APBD ${regencyTitle(card.regencyName)}`;
    case 'APBN':
      return 'Dibiayai APBN';
    case 'CSR':
      return `Dibiayai CSR ${card.payerName}`;
    case 'EMPLOYER':
      return `Dibayar pemberi kerja ${card.payerName}`;
    default:
      return 'Dibayar sendiri oleh peserta';
  }
}

function fundingTextEn(card: CardRow, village: string): string {
  switch (card.fundingSource) {
    case 'APBDES':
      return `Funded by the APBDes of ${village}`;
    case 'APBD':
      return `Funded by the APBD of ${regencyTitle(card.regencyName)}`;
    case 'APBN':
      return 'Funded by the APBN';
    case 'CSR':
      return `Funded by CSR of ${card.payerName}`;
    case 'EMPLOYER':
      return `Paid by the employer ${card.payerName}`;
    default:
      return 'Paid by the participant';
  }
}
