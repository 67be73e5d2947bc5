// Akhir kepesertaan: how a membership ends or moves, and which paid claims end it by themselves.
// A membership lasts while the person works and pays (UU 40/2004 Pasal 14, 17; PP 44/2015 Pasal
// 2–5); death ends every membership of the person, a full JHT payout ends the membership it was
// drawn from (PP 46/2015 jo PP 60/2015 Pasal 26; Permenaker 4/2022), as do an old-age pension
// (PP 45/2015 Pasal 15) and a JKP payout after the loss of work (PP 37/2021 Pasal 19).
import type { IsoDate } from '../calendar.ts';
import { type JenisKlaim, jenisTakTertangani, kodeKlaim } from '../klaim/jenis.ts';

/** Why a membership ends or moves (membership_change.reason). */
export const ALASAN_PERUBAHAN = [
  'death',
  'retirement_age',
  'termination',
  'moved_away',
  'left_programme',
  'data_error',
  'double_coverage',
] as const;
export type AlasanPerubahan = (typeof ALASAN_PERUBAHAN)[number];

/** exit (keluar) ends the membership; move (pindah desa) carries it to another village. */
export const JENIS_PERUBAHAN = ['exit', 'move'] as const;
export type JenisPerubahan = (typeof JENIS_PERUBAHAN)[number];

/** Reasons that fit a kind: a move is always "moved away" inside the programme. */
export function alasanCocok(jenis: JenisPerubahan, alasan: AlasanPerubahan): boolean {
  return jenis === 'move' ? alasan === 'moved_away' : true;
}

export interface KlaimDibayar {
  readonly jenis: JenisKlaim;
  readonly eventDate: IsoDate;
  /** JHT full / JKP: the trigger (event_detail.reason). */
  readonly reason?: string | undefined;
  /** JHT / JKP: the resignation or PHK date (event_detail.terminationDate). */
  readonly terminationDate?: IsoDate | undefined;
}

export interface AkhirDariKlaim {
  readonly alasan: AlasanPerubahan;
  /** The membership ends from this date. */
  readonly tanggal: IsoDate;
  /** 'person': every membership of the person (death); 'membership': the claim's own. */
  readonly lingkup: 'person' | 'membership';
}

/** What a paid claim does to memberships: ends them from the event date, or nothing. */
export function akhirDariKlaim(k: KlaimDibayar): AkhirDariKlaim | null {
  const kode = kodeKlaim(k.jenis);
  switch (kode) {
    case 'JKM/kematian':
    case 'JKK/kematian':
    case 'JP/kematian':
      return { alasan: 'death', tanggal: k.eventDate, lingkup: 'person' };
    case 'JHT/penuh':
      if (k.reason === 'death') return { alasan: 'death', tanggal: k.eventDate, lingkup: 'person' };
      if (k.reason === 'retirement_age')
        return { alasan: 'retirement_age', tanggal: k.eventDate, lingkup: 'membership' };
      return { alasan: 'termination', tanggal: k.terminationDate ?? k.eventDate, lingkup: 'membership' };
    case 'JP/hari_tua':
      return { alasan: 'retirement_age', tanggal: k.eventDate, lingkup: 'membership' };
    case 'JKP/uang_tunai':
      return { alasan: 'termination', tanggal: k.terminationDate ?? k.eventDate, lingkup: 'membership' };
    // Benefits paid while the membership goes on (or after the death claim already ended it).
    case 'JKM/beasiswa':
    case 'JKK/cacat_total_tetap':
    case 'JKK/cacat_sebagian':
    case 'JKK/stmb':
    case 'JKK/perawatan':
    // The disability pension: whether it ends the JP membership is not recorded; nothing is ended.
    case 'JP/cacat':
    case 'JHT/sebagian_10':
    case 'JHT/sebagian_30':
      return null;
    default:
      return jenisTakTertangani(kode);
  }
}
