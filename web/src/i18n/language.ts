// The chosen UI language: Bahasa Indonesia by default, English on request, remembered in
// localStorage and sent to the API as Accept-Language.

export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];

const STORAGE_KEY = 'lindung.lang';

function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

function readStored(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'id';
  } catch {
    return 'id';
  }
}

let current: Language = readStored();

export function currentLanguage(): Language {
  return current;
}

export function storeLanguage(language: Language): void {
  current = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Locale for Intl formatting. */
export function localeOf(language: Language): string {
  return language === 'id' ? 'id-ID' : 'en-GB';
}
