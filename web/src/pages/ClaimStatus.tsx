import type { Bilingual, ClaimStatus } from '../api/claims.ts';
import type { PayoutBatchStatus, PayoutStatus } from '../api/payouts.ts';
import { displayDate, formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Language } from '../i18n/language.ts';

// Status badges and small display helpers shared by the claim and payout screens.

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useI18n();
  return <span className={`badge claim-status claim-status-${status}`}>{t(`claim.status.${status}`)}</span>;
}

export function PayoutBatchStatusBadge({ status }: { status: PayoutBatchStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge payout-batch-status payout-batch-${status}`}>
      {t(`payoutBatch.status.${status}`)}
    </span>
  );
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useI18n();
  return <span className={`badge payout-status payout-${status}`}>{t(`payout.status.${status}`)}</span>;
}

/** The text in the chosen language (the API sends both). */
export function pick(text: Bilingual | null | undefined, language: Language): string {
  if (!text) return '';
  return language === 'en' ? text.en : text.id;
}

/** A `YYYY-MM-DD` date, or what came if it is not one (never throws while rendering): format.ts displayDate. */
export function safeDate(date: string | null | undefined, language: Language): string {
  return displayDate(date, language);
}

export function safeDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '–';
  try {
    return formatDateTime(iso, language);
  } catch {
    return iso;
  }
}

/** `5304015506800001` → `************0001`: enough to recognise, not to copy. */
export function maskDigits(value: string): string {
  if (value.includes('*')) return value;
  return value.length <= 4 ? value : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}
