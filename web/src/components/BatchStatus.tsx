import type { Batch, BatchStatus } from '../api/types.ts';
import { formatDateTime } from '../format.ts';
import { type Translate, useI18n } from '../i18n/I18nProvider.tsx';

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`batch.status.${status}`)}</span>;
}

export function fundingLabel(source: string, t: Translate): string {
  if (source === 'APBDES' || source === 'APBD') return t(`batch.funding.${source}`);
  return source;
}

/** The dates a batch went through, newest step last: `Dibuat 22 Mei 2023 14.05 · Diajukan …`. */
export function BatchDates({ batch }: { batch: Batch }) {
  const { t, language } = useI18n();
  const steps: [
    string | null,
    'batch.createdAt' | 'batch.submittedAt' | 'batch.verifiedAt' | 'batch.activatedAt',
  ][] = [
    [batch.createdAt, 'batch.createdAt'],
    [batch.submittedAt, 'batch.submittedAt'],
    [batch.verifiedAt, 'batch.verifiedAt'],
    [batch.activatedAt, 'batch.activatedAt'],
  ];
  return (
    <ul className="batch-dates">
      {steps
        .filter((step): step is [string, (typeof step)[1]] => step[0] !== null)
        .map(([at, key]) => (
          <li key={key}>{t(key, { date: formatDateTime(at, language) })}</li>
        ))}
    </ul>
  );
}
