// The explanation stored with a claim: what the family is told, Bahasa Indonesia first.

import { formatRp } from '../../rules/format.ts';
import type { Refusal } from '../../rules/klaim/penolakan.ts';
import type { Alasan, ManfaatResult } from '../../rules/manfaat/types.ts';

export interface ClaimExplanation {
  summary: { id: string; en: string };
  refusal?: Refusal;
  notes: Alasan[];
  /** JKK reported after 2×24 hours: the employer owes the benefit (Permenaker 1/2025). */
  liability?: 'employer' | 'bpjs';
  benefit?: Pick<ManfaatResult, 'totalRp' | 'components' | 'reasons' | 'explanation'>;
}

export function refusalExplanation(refusal: Refusal, notes: Alasan[] = []): ClaimExplanation {
  return {
    summary: { id: `Klaim ditolak: ${refusal.id}`, en: `Claim refused: ${refusal.en}` },
    refusal,
    notes,
  };
}

export function intakeExplanation(notes: Alasan[], liability?: 'employer' | 'bpjs'): ClaimExplanation {
  return {
    summary: {
      id: 'Klaim diterima; syarat kepesertaan terpenuhi. Lengkapi dokumen agar klaim dapat diajukan.',
      en: 'Claim accepted; membership conditions met. Complete the documents so it can be submitted.',
    },
    notes,
    ...(liability ? { liability } : {}),
  };
}

export function benefitExplanation(
  result: ManfaatResult,
  notes: Alasan[],
  liability?: 'employer' | 'bpjs',
): ClaimExplanation {
  const parts = (language: 'id' | 'en') =>
    result.components.map((c) => `${c.label[language]} ${formatRp(c.amountRp)}`).join(' + ');
  const payer =
    liability === 'employer'
      ? {
          id: ' Manfaat ditanggung pemberi kerja (laporan terlambat).',
          en: ' Owed by the employer (late report).',
        }
      : { id: '', en: '' };
  return {
    summary: {
      id: `Manfaat ${formatRp(result.totalRp)}: ${parts('id')}.${payer.id}`,
      en: `Benefit ${formatRp(result.totalRp)}: ${parts('en')}.${payer.en}`,
    },
    notes,
    ...(liability ? { liability } : {}),
    benefit: {
      totalRp: result.totalRp,
      components: result.components,
      reasons: result.reasons,
      explanation: result.explanation,
    },
  };
}
