import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { KeysetPager } from './KeysetPager.tsx';

/**
 * `1–50 of 120` with Previous/Next, for lists the API pages by cursor and counts (`total`):
 * `cursors` are the cursors of the pages opened after the first, as for KeysetPager.
 */
export function Pager({
  cursors,
  nextCursor,
  shown,
  total,
  pageSize,
  onChange,
}: {
  cursors: string[];
  nextCursor: string | null;
  shown: number;
  total: number;
  pageSize: number;
  onChange: (cursors: string[]) => void;
}) {
  const { t, language } = useI18n();
  if (cursors.length === 0 && !nextCursor) return null;
  const offset = cursors.length * pageSize;
  return (
    <div className="stack">
      <p className="result-range" role="status">
        {t('list.range', {
          from: formatCount(offset + 1, language),
          to: formatCount(offset + shown, language),
          total: formatCount(total, language),
        })}
      </p>
      <KeysetPager cursors={cursors} nextCursor={nextCursor} onChange={onChange} />
    </div>
  );
}
