import { ERROR_CATALOG } from '../../src/errors.ts';
import { CLAIM_REASONS } from '../../src/rules/klaim/alasan-penolakan.ts';
import { KOMPONEN_LABELS } from '../../src/rules/manfaat/komponen-label.ts';
import { en } from '../../web/src/i18n/en.ts';
import { id } from '../../web/src/i18n/id.ts';

// The Indonesian the English UI must not show: every literal piece (between `{placeholders}`)
// of an Indonesian catalog string whose English differs, less the pieces English uses too (KPJ,
// APBD, programme names). The catalogs: the web's (web/src/i18n) and the bilingual texts the
// server sends (error messages, claim refusal reasons, benefit component labels). Names of
// people and places are data, removed from the page text before the check (e2e/english.test.ts).

const MIN_LENGTH = 4;

/** Both languages of every catalog entry. */
function catalogPairs(): { id: string; en: string }[] {
  return [
    ...(Object.keys(id) as (keyof typeof id)[]).map((key) => ({ id: id[key], en: en[key] })),
    ...Object.values(ERROR_CATALOG),
    ...CLAIM_REASONS,
    ...Object.values(KOMPONEN_LABELS),
  ];
}

function pieces(text: string): string[] {
  return text
    .split(/\{\w+\}/)
    .map((piece) => piece.replace(/^[\s:·,.;()–—-]+|[\s:·,.;()–—-]+$/g, ''))
    .filter((piece) => piece.length >= MIN_LENGTH && /\p{L}{2}/u.test(piece));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new Map<string, RegExp>();
/** The piece as a whole phrase, in any case: not inside a longer word. */
function phrase(piece: string): RegExp {
  let pattern = compiled.get(piece);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'iu');
    compiled.set(piece, pattern);
  }
  return pattern;
}

export function indonesianOnlyPieces(): string[] {
  const pairs = catalogPairs();
  const englishText = pairs.map((pair) => pair.en).join('\n');
  const found = new Set<string>();
  for (const pair of pairs) {
    if (pair.id === pair.en) continue;
    for (const piece of pieces(pair.id)) {
      if (!phrase(piece).test(englishText)) found.add(piece);
    }
  }
  // Longest first, so that a report names the whole sentence rather than its first words.
  return [...found].sort((a, b) => b.length - a.length);
}

/** The Indonesian-only pieces present in `text`, as whole phrases. */
export function indonesianIn(text: string, pieceList: readonly string[]): string[] {
  return pieceList.filter((piece) => phrase(piece).test(text));
}
