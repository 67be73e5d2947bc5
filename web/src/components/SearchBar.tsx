import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A list's search box: what is typed is searched for when the button is pressed (or Enter). */
export function SearchBar({
  label,
  onSearch,
  spellCheck,
}: {
  /** The box's (hidden) label and placeholder. */
  label: string;
  /** Called with the trimmed text. */
  onSearch: (query: string) => void;
  spellCheck?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  return (
    <search>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(draft.trim());
        }}
      >
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {label}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={label}
          autoComplete="off"
          spellCheck={spellCheck}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t('participants.searchButton')}
        </button>
      </form>
    </search>
  );
}
