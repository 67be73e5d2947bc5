// A refusal of a claim: a code of the catalog (./alasan-penolakan.ts) with its words, in both languages.
import type { Alasan } from '../manfaat/types.ts';
import { findReason } from './alasan-penolakan.ts';

export interface Refusal {
  code: string;
  id: string;
  en: string;
  detail?: Record<string, unknown>;
}

/** The refusal with the catalog's words, or the rule's own words when given. */
export function refuse(code: string, detail?: Record<string, unknown>, text?: Alasan): Refusal {
  const r = findReason(code)!;
  return { code, id: text?.id ?? r.id, en: text?.en ?? r.en, ...(detail ? { detail } : {}) };
}

/** Rule reason codes (src/rules/*) that mean "not eligible", mapped to the claim refusal catalog. */
const RULE_REFUSALS: Record<string, string> = {
  jht_masa_tunggu: 'JHT_WAITING_PERIOD',
  jht_usia: 'JHT_AGE_NOT_REACHED',
  jht_sebagian_syarat: 'JHT_PARTIAL_TOO_EARLY',
  jkp_alasan: 'JKP_NOT_ELIGIBLE',
  jkp_masa_iur: 'JKP_NOT_ELIGIBLE',
  jkp_berturut: 'JKP_NOT_ELIGIBLE',
  jkp_batas_klaim: 'JKP_NOT_ELIGIBLE',
  jkk_kedaluwarsa: 'JKK_EXPIRED',
  // Home care for an accident before PP 82/2019: refused in the rule's own words (which say why).
  jkk_perawatan_rumah_belum_berlaku: 'RULES_NOT_ELIGIBLE',
  jp_usia_pensiun: 'JP_AGE_NOT_REACHED',
  // A disability at or after the usia pensiun: the old-age pension applies (the rule's words say so).
  jp_cacat_usia_pensiun: 'RULES_NOT_ELIGIBLE',
};

/** The first "not eligible" reason of a benefit rule's result as a refusal, with the rule's own words. */
export function refusalFromRules(reasons: readonly Alasan[]): Refusal {
  const hit = reasons.find((r) => RULE_REFUSALS[r.code]);
  if (!hit) return refuse('RULES_NOT_ELIGIBLE', { reasons });
  return refuse(RULE_REFUSALS[hit.code]!, { rule: hit.code }, hit);
}
