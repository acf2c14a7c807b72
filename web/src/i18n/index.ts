import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

/** nl.json is the source of truth; en.json must have the same keys (checked by the type below). */
export type Messages = typeof nl;
const english: Messages = en;

/**
 * A feature may keep its own messages beside its pages, in `messages.nl.json` and
 * `messages.en.json` (same keys; test/web/catalogues.test.ts checks). Each file holds
 * top-level sections of its own, merged here into the one catalogue per language.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../features/*/messages.*.json', {
  eager: true,
  import: 'default',
});

function catalogue(base: object, lang: 'nl' | 'en'): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [file, messages] of Object.entries(featureFiles)) {
    if (!file.endsWith(`.${lang}.json`)) continue;
    for (const [section, value] of Object.entries(messages)) {
      if (section in merged) throw new Error(`${file}: section "${section}" exists twice`);
      merged[section] = value;
    }
  }
  return merged;
}

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'impactbeurs.lang';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** The user's choice, remembered in this browser; Dutch unless they chose English. */
export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be blocked; the choice then lasts for this page only.
  }
  void i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nl';
}

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18next.use(initReactI18next).init({
  resources: {
    nl: { translation: catalogue(nl, 'nl') },
    en: { translation: catalogue(english, 'en') },
  },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;
