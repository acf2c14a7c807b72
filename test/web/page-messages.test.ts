import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { featureCatalogues, flatten, loadCatalogue } from './catalogues.js';

/**
 * A feature's messages (features/<feature>/messages.<lang>.json) are not in the first load:
 * a route loads them with its page (`lazyPage(() => import(page), [features])` in
 * web/src/app/lazy-page.ts). A page that shows a section of a feature its route does not name
 * would show bare keys, so this reads the sources: from each page, through its imports, every
 * string that names a feature's message (a key, or the start of one built in a template), and
 * checks the route names that feature. The layout (every page) may use none.
 */
const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));
const ROUTE_FILES = [
  'app/routes.tsx',
  'app/signed-in-routes.tsx',
  'features/admin/routes.tsx',
  'features/authority/routes.tsx',
  'features/supplier/routes.tsx',
];

/** Section name → the feature folder whose messages hold it. */
const owners = new Map<string, string>();
const catalogues = featureCatalogues('nl');
for (const [feature, messages] of catalogues)
  for (const section of Object.keys(messages)) owners.set(section, feature);

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The file a relative import names (web/src only; packages and JSON are not followed). */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.tsx`, `${base}.ts`, `${base}/index.ts`]) {
    try {
      read(candidate);
      return candidate;
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** Whether `dotted` (a key, or a key's start ending in ".") is in the feature's messages. */
function isMessage(feature: string, dotted: string): boolean {
  let node: unknown = catalogues.get(feature);
  const parts = dotted.split('.');
  const complete = !dotted.endsWith('.');
  if (!complete) parts.pop();
  for (const part of parts) {
    if (typeof node !== 'object' || node === null) return false;
    const next: unknown = (node as Record<string, unknown>)[part];
    // A plural key is stored as <key>_one / <key>_other.
    node = next ?? ((node as Record<string, unknown>)[`${part}_other`] as unknown);
    if (node === undefined) return false;
  }
  return complete || typeof node === 'object';
}

/**
 * Features whose messages a module and everything it imports (statically) show; `files`
 * collects the files read.
 */
function featuresUsed(entry: string, files = new Set<string>()): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    files.add(file);
    const source = read(file);
    for (const [, specifier] of source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)) {
      const target = resolve(file, specifier!);
      // The i18n module loads messages; it shows none itself.
      if (target && !target.includes(`${path.sep}i18n${path.sep}`)) queue.push(target);
    }
    for (const [, dotted] of source.matchAll(/['`"]([a-zA-Z]+\.[\w.]*)/g)) {
      const section = dotted!.split('.')[0]!;
      const feature = owners.get(section);
      if (feature && isMessage(feature, dotted!)) used.add(feature);
    }
  }
  return used;
}

interface Route {
  page: string;
  declared: string[];
}

function routes(): Route[] {
  const out: Route[] = [];
  for (const routeFile of ROUTE_FILES) {
    const file = path.join(WEB_SRC, routeFile);
    const source = read(file);
    for (const [, specifier, list] of source.matchAll(
      /lazy(?:Page)?\(\s*\(\)\s*=>\s*import\('([^']+)'\)(?:,\s*\[([^\]]*)\])?/g,
    )) {
      const page = resolve(file, specifier!);
      if (!page) throw new Error(`${routeFile}: cannot find ${specifier}`);
      const declared = [...(list ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
      out.push({ page: path.relative(WEB_SRC, page), declared });
    }
  }
  return out;
}

describe('feature messages load with the pages that show them', () => {
  const table = routes();

  it('finds the pages and the feature messages it checks', () => {
    // Every page the route files import, none of them missed by the pattern above.
    const count = (text: string) =>
      ROUTE_FILES.map((f) => read(path.join(WEB_SRC, f)).split(text).length - 1).reduce(
        (a, b) => a + b,
      );
    expect(table.length).toBe(count("import('"));
    expect(table.filter((r) => r.declared.length > 0).length).toBe(count('lazyPage('));
    // The reader sees what the start page shows of other features' messages.
    const start = table.find((r) => r.page === 'features/start/StartPage.tsx')!;
    expect([...featuresUsed(path.join(WEB_SRC, start.page))].sort()).toEqual(
      ['admin', 'authority', 'plans', 'review', 'start', 'supplier'].sort(),
    );
  });

  it('each page’s route names every feature whose messages the page shows', () => {
    const missing: string[] = [];
    for (const { page, declared } of table)
      for (const feature of featuresUsed(path.join(WEB_SRC, page)))
        if (!declared.includes(feature)) missing.push(`${page} shows messages of ${feature}`);
    expect(missing).toEqual([]);
  });

  it('each named feature has messages of its own', () => {
    for (const { page, declared } of table)
      for (const feature of declared)
        expect(catalogues.has(feature), `${page}: ${feature}`).toBe(true);
  });

  it('every message a page names by its full key exists (none lost in a move)', () => {
    const keys = new Set(
      [...flatten(loadCatalogue('nl')).keys()].map((key) => key.replace(/_(one|other)$/, '')),
    );
    const lost: string[] = [];
    const files = new Set<string>();
    for (const { page } of table) featuresUsed(path.join(WEB_SRC, page), files);
    featuresUsed(path.join(WEB_SRC, 'main.tsx'), files);
    for (const file of files)
      for (const [, key] of read(file).matchAll(/\bt\('([a-zA-Z]+\.[\w.]*\w)'/g))
        if (!keys.has(key!)) lost.push(`${path.relative(WEB_SRC, file)}: ${key}`);
    expect(files.size).toBeGreaterThan(60);
    expect(lost).toEqual([]);
  });

  it('the layout around every page shows no feature’s messages', () => {
    expect([...featuresUsed(path.join(WEB_SRC, 'app/Layout.tsx'))]).toEqual([]);
    expect([...featuresUsed(path.join(WEB_SRC, 'main.tsx'))]).toEqual([]);
  });
});
