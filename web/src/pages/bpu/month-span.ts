import { formatPeriod } from '../../format.ts';
import type { Language } from '../../i18n/language.ts';

/** The iuran months a payment covers as the screen shows them: one month once, else first – last. */
export function monthSpan(from: string, to: string, language: Language): string {
  return from === to
    ? formatPeriod(from, language)
    : `${formatPeriod(from, language)} – ${formatPeriod(to, language)}`;
}
