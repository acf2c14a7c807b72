import { describe, expect, it } from 'vitest';
import { featureCatalogues, flatten, loadCatalogue } from './catalogues.js';

/**
 * nl.json and en.json are checked against each other by the type in web/src/i18n; the
 * features' own messages files are JSON the compiler does not compare, so this does.
 */
describe('the web app’s message catalogues', () => {
  it('every feature’s Dutch and English messages have the same keys', () => {
    const nl = featureCatalogues('nl');
    const en = featureCatalogues('en');
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [feature, messages] of nl) {
      const dutchKeys = [...flatten(messages).keys()].sort();
      const englishKeys = [...flatten(en.get(feature) ?? {}).keys()].sort();
      expect(englishKeys, feature).toEqual(dutchKeys);
    }
  });

  it('no section is defined twice', () => {
    expect(() => loadCatalogue('nl')).not.toThrow();
    expect(() => loadCatalogue('en')).not.toThrow();
  });
});
