import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';

/** nl.json is the source of truth; en.json must have the same keys (checked where it loads). */
export type Messages = typeof nl;

/**
 * nl.json and en.json hold the messages every page may need (layout, header, errors, the
 * public pages). Dutch is in the first load (the default, and the fallback for a missing
 * text); English is a chunk of its own, loaded before the app renders when the visitor chose
 * English. A feature may keep its own messages beside its pages, in `messages.nl.json` and
 * `messages.en.json` (same keys; test/web/catalogues.test.ts checks), each holding top-level
 * sections of its own. Those are chunks too: a page's route loads them, in the current
 * language only, before the page renders (`lazyPage` in app/lazy-page.ts; test/web/
 * page-messages.test.ts checks each route names what its page shows), and a language switch
 * loads the other language's first.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../features/*/messages.*.json', {
  import: 'default',
});
const english = async (): Promise<Messages> => (await import('./en.json')).default;

/** The features that have their own messages (a folder under features/ with messages.*.json). */
export type Feature =
  | 'account'
  | 'admin'
  | 'authority'
  | 'certificates'
  | 'home'
  | 'impact'
  | 'invitation'
  | 'login'
  | 'not-found'
  | 'outcomes'
  | 'password'
  | 'plans'
  | 'project'
  | 'review'
  | 'start'
  | 'supplier'
  | 'webhooks';

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

/** Message sets a page has asked for, besides the shared one; a language switch loads them first. */
const wanted = new Set<Feature>();
const loads = new Map<string, Promise<void>>([['shared.nl', Promise.resolve()]]);

/** Loads a feature's messages (or with 'shared', nl.json/en.json) in a language, once. */
function load(set: Feature | 'shared', lang: Language): Promise<void> {
  const key = `${set}.${lang}`;
  let loading = loads.get(key);
  if (!loading) {
    const file =
      set === 'shared' ? `i18n/${lang}.json` : `../features/${set}/messages.${lang}.json`;
    const importer = set === 'shared' ? english : featureFiles[file];
    if (!importer) return Promise.reject(new Error(`${file} does not exist`));
    loading = importer().then((messages) => {
      const present = i18next.getResourceBundle(lang, 'translation') as object | undefined;
      for (const section of Object.keys(messages))
        if (present && section in present)
          throw new Error(`${file}: section "${section}" exists twice`);
      i18next.addResourceBundle(lang, 'translation', messages);
    });
    // A failed download (network) may be tried again by the next page that needs it.
    loading.catch(() => loads.delete(key));
    loads.set(key, loading);
  }
  return loading;
}

/** Loads these features' messages in the current language; resolves once they are there. */
export async function loadMessages(features: readonly Feature[]): Promise<void> {
  for (const feature of features) wanted.add(feature);
  const lang = currentLanguage();
  await Promise.all(features.map((feature) => load(feature, lang)));
}

/**
 * The user's choice, remembered in this browser; Dutch unless they chose English. The pages
 * switch once the messages of the features already loaded are there in the new language.
 */
export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be blocked; the choice then lasts for this page only.
  }
  void switchTo(lang);
}

async function switchTo(lang: Language): Promise<void> {
  try {
    // A page that started loading meanwhile adds to `wanted`: load until nothing is new.
    let loaded = -1;
    while (loaded !== wanted.size) {
      loaded = wanted.size;
      await Promise.all([
        load('shared', lang),
        ...[...wanted].map((feature) => load(feature, lang)),
      ]);
    }
  } catch {
    // Without them (offline) the switch still happens; i18next falls back to Dutch.
  }
  await i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nl';
}

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/**
 * Resolves once the shared messages of the chosen language are there (at once for Dutch);
 * main.tsx renders the app after it. Offline, the app renders anyway, in Dutch.
 */
export const messagesReady: Promise<void> = load('shared', currentLanguage()).catch(
  () => undefined,
);

export default i18next;
