import type { Translate } from './I18nProvider.tsx';
import { id, type MessageKey } from './id.ts';

/** The name of a code the server sends, in the chosen language; an unknown code as it came. */
export function codeLabel(t: Translate, kind: 'segment' | 'funding' | 'program', code: string): string {
  const key = `label.${kind}.${code}`;
  return key in id ? t(key as MessageKey) : code;
}
