import type { Translate } from '../../i18n/I18nProvider.tsx';
import { id, type MessageKey } from '../../i18n/id.ts';

/**
 * What a problem code the server names for a field means, in the chosen language: our own words
 * for the codes of the BPU forms, else the server's text (`fallback`), else the generic one.
 */
export function problemText(t: Translate, code: string, fallback = '', column = ''): string {
  // A plain VALIDATION_FAILED says more by the column it is about (penghasilan, frekuensi, …).
  const byColumn = `bpu.problem.column.${column}`;
  if (code === 'VALIDATION_FAILED' && byColumn in id) return t(byColumn as MessageKey);
  const key = `bpu.problem.${code}`;
  if (key in id) return t(key as MessageKey);
  return fallback || t('bpu.problem.VALIDATION_FAILED');
}
