import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type sharedNl from '../../web/src/i18n/nl.json';

/**
 * The web app's message catalogues as the app builds them (web/src/i18n/index.ts): the
 * shared nl.json/en.json plus each feature's messages.<lang>.json, read from disk so that
 * tests in Node see every message the pages can show.
 */
const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));

export type Catalogue = Record<string, unknown>;
/** The shared catalogue's shape; features add sections beside it. */
type SharedCatalogue = typeof sharedNl;

function readJson(file: string): Catalogue {
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/** Each feature's own messages file for a language, by feature folder name. */
export function featureCatalogues(lang: 'nl' | 'en'): Map<string, Catalogue> {
  const out = new Map<string, Catalogue>();
  for (const feature of readdirSync(`${WEB_SRC}features`)) {
    const file = `${WEB_SRC}features/${feature}/messages.${lang}.json`;
    try {
      out.set(feature, readJson(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return out;
}

export function loadCatalogue(lang: 'nl' | 'en'): SharedCatalogue & Catalogue {
  const merged = readJson(`${WEB_SRC}i18n/${lang}.json`);
  for (const [feature, messages] of featureCatalogues(lang)) {
    for (const [section, value] of Object.entries(messages)) {
      if (section in merged) throw new Error(`${feature}: section "${section}" exists twice`);
      merged[section] = value;
    }
  }
  return merged as SharedCatalogue & Catalogue;
}

/** Every message as dotted key → text. */
export function flatten(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value as object, name)) out.set(k, v);
  }
  return out;
}
