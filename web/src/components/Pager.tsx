import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** `1–50 of 120` with Previous/Next, for lists the API pages with limit and offset. */
export function Pager({
  offset,
  shown,
  total,
  pageSize,
  onOffset,
}: {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}) {
  const { t, language } = useI18n();
  if (total <= pageSize) return null;
  return (
    <nav className="button-row pager" aria-label={t('participants.paging')}>
      <span className="result-range">
        {t('list.range', {
          from: formatCount(offset + 1, language),
          to: formatCount(offset + shown, language),
          total: formatCount(total, language),
        })}
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        ‹ {t('participants.previous')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('participants.next')} ›
      </button>
    </nav>
  );
}
