import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

/** nl.json is the source of truth; en.json must have the same keys (checked by the type below). */
export type Messages = typeof nl;
const english: Messages = en;

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
  resources: { nl: { translation: nl }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;
