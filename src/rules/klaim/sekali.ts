// Once-only rules: a claim the person (or the participation) already has open or paid may not be
// filed again. The earlier claims are those of the same person that were not rejected.
import { type JenisKlaim, jenisTakTertangani, kodeKlaim } from './jenis.ts';
import { type Refusal, refuse } from './penolakan.ts';

export interface EarlierClaim {
  number: string;
  participantId: number;
  program: string;
  kind: string;
}

interface Rule {
  code: 'DUPLICATE_CLAIM' | 'JHT_PARTIAL_ALREADY_TAKEN';
  same: (c: EarlierClaim) => boolean;
}

function rule(j: JenisKlaim, participantId: number): Rule {
  const k = kodeKlaim(j);
  switch (k) {
    // One death, one death benefit: JKM pays a death not from a work accident, JKK one from a
    // work accident (PP 44/2015; fact sheet §1.1, §3.1).
    case 'JKM/kematian':
    case 'JKK/kematian':
      return {
        code: 'DUPLICATE_CLAIM',
        same: (c) => c.kind === 'kematian' && (c.program === 'JKM' || c.program === 'JKK'),
      };
    // Full JHT once per participation: the balance is paid out whole (PP 46/2015; Permenaker 4/2022).
    case 'JHT/penuh':
      return {
        code: 'DUPLICATE_CLAIM',
        same: (c) => c.program === 'JHT' && c.kind === 'penuh' && c.participantId === participantId,
      };
    // Partial JHT, 10 % or 30 %, once only (PP 46/2015 jo PP 60/2015; fact sheet §3.5).
    case 'JHT/sebagian_10':
    case 'JHT/sebagian_30':
      return {
        code: 'JHT_PARTIAL_ALREADY_TAKEN',
        same: (c) => c.program === 'JHT' && c.kind.startsWith('sebagian_'),
      };
    // Every other kind: the same programme and kind once per person.
    case 'JKM/beasiswa':
    case 'JKK/cacat_total_tetap':
    case 'JKK/cacat_sebagian':
    case 'JKK/stmb':
    case 'JKK/perawatan':
    case 'JP/hari_tua':
    case 'JP/kematian':
    case 'JP/cacat':
    case 'JKP/uang_tunai':
      return { code: 'DUPLICATE_CLAIM', same: (c) => c.program === j.program && c.kind === j.kind };
    default:
      return jenisTakTertangani(k);
  }
}

/** The refusal when an earlier claim already takes this one's place, else null. */
export function onceOnlyRefusal(
  j: JenisKlaim,
  participantId: number,
  earlier: readonly EarlierClaim[],
): Refusal | null {
  const r = rule(j, participantId);
  const hit = earlier.find(r.same);
  return hit ? refuse(r.code, { existing: hit.number }) : null;
}
