import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { id, type MessageKey, type Messages } from './id.ts';
import { currentLanguage, type Language, storeLanguage } from './language.ts';

const dictionaries: Record<Language, Messages> = { id, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${dictionaries[language]['app.name']} · ${dictionaries[language]['app.tagline']}`;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[language];
    return { language, setLanguage, t: (key, vars) => fill(messages[key], vars) };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
