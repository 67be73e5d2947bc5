import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Previous / Next for keyset paging: `cursors` are the cursors of the pages opened after the first
 * (Previous drops the last), `nextCursor` the server's cursor of the page after this one.
 */
export function KeysetPager({
  cursors,
  nextCursor,
  onChange,
}: {
  cursors: string[];
  nextCursor: string | null;
  onChange: (cursors: string[]) => void;
}) {
  const { t } = useI18n();
  if (cursors.length === 0 && !nextCursor) return null;
  return (
    <nav className="button-row pager" aria-label={t('participants.paging')}>
      {nextCursor ? <span className="result-range">{t('list.more')}</span> : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={cursors.length === 0}
        onClick={() => onChange(cursors.slice(0, -1))}
      >
        ‹ {t('participants.previous')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={!nextCursor}
        onClick={() => {
          if (nextCursor) onChange([...cursors, nextCursor]);
        }}
      >
        {t('participants.next')} ›
      </button>
    </nav>
  );
}
