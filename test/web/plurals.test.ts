import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { flatten, loadCatalogue } from './catalogues.js';

const nl = loadCatalogue('nl');
const en = loadCatalogue('en');

/**
 * Counts in the web app's messages: "1 credits" must never be shown. A number followed by
 * a plural noun is a plural message (`_one`/`_other`, chosen by i18next from `count`), and
 * every call of such a message passes `count`.
 */
const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));
const CATALOGUES = { nl, en } as const;

/** Plural nouns that follow a number somewhere in the catalogues, Dutch and English. */
const PLURAL_NOUNS =
  /\{\{\w+\}\}\s+(credits|projecten|deelnemers|tekens|minuten|dagen|rapportages|certificaten|uitnodigingen|projects|participants|characters|minutes|days|reports|certificates|invitations|people)\b/;
const ONE_WITH_PLURAL =
  /(^|[^0-9.,])1 (credits|projecten|deelnemers|tekens|minuten|dagen|rapportages|certificaten|projects|participants|characters|minutes|days|reports|certificates)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const pluralBases = (lang: keyof typeof CATALOGUES) =>
  [...flatten(CATALOGUES[lang]).keys()]
    .filter((key) => key.endsWith('_one') || key.endsWith('_other'))
    .map((key) => key.replace(/_(one|other)$/, ''));

describe('counts in the web app’s messages', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: a number followed by a plural noun is always a plural message`, () => {
      const offenders = [...flatten(CATALOGUES[lang])]
        .filter(([key, text]) => !/_(one|other)$/.test(key) && PLURAL_NOUNS.test(text))
        .map(([key, text]) => `${key}: ${text}`);
      expect(offenders).toEqual([]);
    });

    it(`${lang}: every plural message has a form for one and for more`, () => {
      const messages = flatten(CATALOGUES[lang]);
      for (const base of new Set(pluralBases(lang))) {
        expect(messages.has(`${base}_one`), `${base}_one`).toBe(true);
        expect(messages.has(`${base}_other`), `${base}_other`).toBe(true);
        expect(messages.get(`${base}_one`), base).not.toBe(messages.get(`${base}_other`));
      }
    });

    it(`${lang}: with a count of 1 no message says "1 credits"`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({
        lng: lang,
        resources: { [lang]: { translation: CATALOGUES[lang] } },
        interpolation: { escapeValue: false },
      });
      const rendered = [...new Set(pluralBases(lang))].map((base) => {
        const template = flatten(CATALOGUES[lang]).get(`${base}_one`)!;
        // Every placeholder is "1": the count and the formatted number it is shown as.
        const values = Object.fromEntries(
          [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1], '1']),
        );
        return `${base}: ${i18n.t(base, { ...values, count: 1 })}`;
      });
      expect(rendered.length).toBeGreaterThan(10);
      expect(rendered.filter((text) => ONE_WITH_PLURAL.test(text))).toEqual([]);
      // And the form for more is chosen for 2.
      expect(i18n.t('catalogue.credits', { count: 2, n: '2' })).toBe('2 credits');
      expect(i18n.t('catalogue.credits', { count: 1, n: '1' })).toBe('1 credit');
    });
  }

  it('every call of a plural message passes the count', () => {
    const bases = new Set(pluralBases('nl'));
    const missing: string[] = [];
    for (const file of sourceFiles(WEB_SRC)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'\s*(?:,\s*\{([^}]*)\})?/g)) {
        const [, key, args] = match;
        if (bases.has(key!) && !/\bcount\b/.test(args ?? ''))
          missing.push(`${path.relative(WEB_SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
