// Who files a claim: the participant, or after their death an heir in the order of the law.
export const HUBUNGAN_PENGAJU = [
  'peserta',
  'pasangan',
  'anak',
  'orang_tua',
  'cucu',
  'kakek_nenek',
  'saudara',
  'mertua',
  'wasiat',
] as const;
export type HubunganPengaju = (typeof HUBUNGAN_PENGAJU)[number];
export type AhliWaris = Exclude<HubunganPengaju, 'peserta'>;

/**
 * Urutan ahli waris JKM/JHT (fact sheet §3.1, sources AS + corleone; PP 44/2015 and PP 46/2015,
 * article not recorded): spouse and children first; else parents, grandchildren, grandparents,
 * siblings, in-laws, or the person named in a will. Lower = earlier.
 */
export const URUTAN_AHLI_WARIS: Record<AhliWaris, number> = {
  pasangan: 1,
  anak: 1,
  orang_tua: 2,
  cucu: 3,
  kakek_nenek: 4,
  saudara: 5,
  mertua: 6,
  wasiat: 7,
};

/** The declared heirs of an earlier rank than the claimant (none: the claimant may file). */
export function ahliWarisLebihDahulu(
  pengaju: HubunganPengaju,
  ahliWaris: readonly HubunganPengaju[],
): AhliWaris[] {
  if (pengaju === 'peserta') return [];
  const rank = URUTAN_AHLI_WARIS[pengaju];
  return ahliWaris.filter((h): h is AhliWaris => h !== 'peserta' && URUTAN_AHLI_WARIS[h] < rank);
}
