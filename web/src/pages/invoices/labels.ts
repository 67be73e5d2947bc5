import { Period, passes } from '../../api/fields.ts';
import { formatDate, formatPeriod } from '../../format.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { Language } from '../../i18n/language.ts';

export function safePeriod(period: string, language: Language): string {
  return passes(Period, period) ? formatPeriod(period, language) : period;
}

export function safeDate(date: string, language: Language): string {
  try {
    return formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

export function kindLabel(kind: string, t: Translate): string {
  if (kind === 'regular' || kind === 'adjustment' || kind === 'premium') return t(`invoice.kind.${kind}`);
  return kind;
}

export function payerRoleLabel(role: string, t: Translate): string {
  if (role === 'participant' || role === 'employer' || role === 'government')
    return t(`invoice.role.${role}`);
  return role;
}
