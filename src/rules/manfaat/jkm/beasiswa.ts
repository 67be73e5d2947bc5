// Beasiswa for children of a participant who died (JKM, JKK) or became totally disabled (JKK):
// PP 82/2019; Permenaker 5/2021 — at most 2 children, each younger than 23 on the event date;
// before PP 82/2019 one lump sum for one child (PP 44/2015).
import { ageOnDate, type IsoDate } from '../../calendar.ts';
import type { Explainer } from '../../explanation.ts';
import { formatRp } from '../../format.ts';
import { type Rupiah, rp } from '../../money.ts';
import { BEASISWA_LEVELS, type BeasiswaLevel } from '../../params/schema.ts';
import type { Alasan, Komponen } from '../types.ts';
import { alasan } from '../types.ts';

export interface Anak {
  readonly birthDate: IsoDate;
  /** Current level; a child not yet at school starts at TK. */
  readonly level?: BeasiswaLevel;
}

type Tabel = Record<BeasiswaLevel, { per_year_rp: number; max_years: number }>;

/** The most a child can receive from the current level through pendidikan tinggi (paid yearly). */
export function beasiswaPerAnak(tabel: Tabel, level: BeasiswaLevel): Rupiah {
  const levels = BEASISWA_LEVELS.slice(BEASISWA_LEVELS.indexOf(level));
  return rp(levels.reduce((sum, l) => sum + tabel[l].per_year_rp * tabel[l].max_years, 0));
}

/** Before PP 82/2019: one lump sum for one child of the participant (PP 44/2015 as first enacted). */
function beasiswaSekaligus(
  amount: Rupiah,
  children: readonly Anak[],
): { components: Komponen[]; reasons: Alasan[] } {
  const reasons =
    children.length > 1
      ? [
          alasan(
            'beasiswa_maks_anak',
            'Beasiswa sebelum PP 82/2019 diberikan untuk 1 anak.',
            'Before PP 82/2019 the scholarship is given for 1 child.',
          ),
        ]
      : [];
  const components = [
    {
      name: 'beasiswa_anak_1',
      amountRp: amount,
      basis: `beasiswa pendidikan sekaligus ${formatRp(amount)} untuk 1 anak — PP 44/2015 (sebelum PP 82/2019)`,
      basisEn: `education scholarship of ${formatRp(amount)} paid at once for 1 child — PP 44/2015 (before PP 82/2019)`,
    },
  ];
  return { components, reasons };
}

export function beasiswa(
  ex: Explainer,
  eventDate: IsoDate,
  children: readonly Anak[],
): { components: Komponen[]; reasons: Alasan[] } {
  const lump = ex.rupiah('jkm.beasiswa_sekaligus', eventDate);
  if (lump > 0 && children.length > 0) return beasiswaSekaligus(lump, children);
  const tabel = ex.value<Tabel>('jkm.beasiswa_tabel', eventDate);
  const maxChildren = ex.int('jkm.beasiswa_anak_maks', eventDate);
  const ageMax = ex.int('jkm.beasiswa_usia_anak_maks_tahun', eventDate);
  const reasons: Alasan[] = [];
  const young = children.filter((c) => ageOnDate(c.birthDate, eventDate) < ageMax);
  if (young.length < children.length) {
    reasons.push(
      alasan(
        'beasiswa_usia',
        `Anak berusia ${ageMax} tahun atau lebih tidak menerima beasiswa.`,
        `Children aged ${ageMax} or over receive no scholarship.`,
      ),
    );
  }
  if (young.length > maxChildren) {
    reasons.push(
      alasan(
        'beasiswa_maks_anak',
        `Beasiswa paling banyak untuk ${maxChildren} anak.`,
        `Scholarship for at most ${maxChildren} children.`,
      ),
    );
  }
  const components = young.slice(0, maxChildren).map((c, i) => {
    const level = c.level ?? 'TK';
    const amount = beasiswaPerAnak(tabel, level);
    return {
      name: `beasiswa_anak_${i + 1}`,
      amountRp: amount,
      basis: `beasiswa ${level} s.d. pendidikan tinggi, paling banyak ${formatRp(amount)} (dibayar per tahun) — PP 82/2019; Permenaker 5/2021`,
      basisEn: `scholarship from ${level} up to higher education, at most ${formatRp(amount)} (paid yearly) — PP 82/2019; Permenaker 5/2021`,
    };
  });
  return { components, reasons };
}
