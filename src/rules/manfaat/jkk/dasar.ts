// The legal basis of a JKK amount, read from the parameter book at the accident date.
import type { Explainer } from '../../explanation.ts';
import type { ManfaatJkkInput } from './manfaat.ts';

/**
 * The legal basis of an amount: the reference of the parameter it reads, in force on the accident
 * date (PP 44/2015 Lampiran III before 2019-12-02, PP 82/2019 after), never the claim date.
 */
export function dasar(ex: Explainer, id: string, input: ManfaatJkkInput): string {
  return ex.entry(id, input.eventDate).reference;
}

/** Medical care by medical need has no cost ceiling in either text of PP 44/2015 (fact sheet §3.3). */
export const DASAR_PERAWATAN =
  'PP 44/2015 (perawatan sesuai kebutuhan medis; jo PP 82/2019 sejak 2019-12-02)';
