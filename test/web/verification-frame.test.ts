import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogues.js';
import { renderNotFoundPage, TEXTS } from '../../src/modules/certificates/verification-page.js';

const nl = loadCatalogue('nl');
const en = loadCatalogue('en');

/** The server-rendered /verify/{code} page wears the web app's frame, in the app's words. */
describe('the verification page in the app’s frame', () => {
  for (const [lang, messages] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    it(`${lang}: header, menu and footer say what the app says`, () => {
      const frame = TEXTS[lang].frame;
      expect(frame.skipLink).toBe(messages.app.skipLink);
      expect(frame.mainNav).toBe(messages.app.mainNav);
      expect(frame.footer).toBe(messages.app.footer);
      expect(frame.apiDocs).toBe(messages.app.apiDocs);
      expect(frame.nav).toEqual(messages.nav);
      expect(TEXTS[lang].switchLabel).toBe(messages.app.switchTo);
    });
  }

  it('links the app’s stylesheets and has no inline style when the app is built', () => {
    const html = renderNotFoundPage('ABCD', 'nl', new Date(), ['/assets/index-abc123.css']);
    expect(html).toContain('<link rel="stylesheet" href="/assets/index-abc123.css">');
    expect(html).not.toContain('<style');
    expect(html).not.toContain('<script');
    expect(html).toContain('<body class="utrecht-theme impactbeurs-theme">');
    expect(html).toContain('href="#main"');
    expect(html).toContain('<nav class="ib-nav" aria-label="Hoofdmenu">');
    expect(html).toContain('<footer class="utrecht-page-footer ib-footer">');
  });
});
