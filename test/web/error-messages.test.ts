import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/lib/error-catalogue.js';
import { loadCatalogue } from './catalogues.js';

const nl = loadCatalogue('nl');
const en = loadCatalogue('en');

/**
 * Every problem code a page of the web app can meet has a Dutch and an English text: the
 * codes the API document lists for the operations the app calls, and the general codes
 * of every status those operations document.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_SRC = path.join(ROOT, 'web/src');
const GENERAL = /^(VALIDATION|REQUEST|RESOURCE|RATE_LIMIT|INTERNAL|SERVICE|AUTH)\./;

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('problem texts in the web app', () => {
  const document = JSON.parse(
    readFileSync(path.join(ROOT, 'openapi/openapi.json'), 'utf8'),
  ) as Document;
  const calls = new Set<string>();
  for (const file of sourceFiles(WEB_SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(
      /\bapi\.(GET|POST|PUT|PATCH|DELETE)\(\s*'([^']+)'/g,
    ))
      calls.add(`${m[1]!.toLowerCase()} ${m[2]}`);

  const codes = new Set<string>();
  for (const call of calls) {
    const [method, route] = call.split(' ') as [string, string];
    const operation = document.paths[route]?.[method];
    expect(operation, call).toBeDefined();
    for (const [status, response] of Object.entries(operation!.responses)) {
      for (const m of (response.description ?? '').matchAll(/`([A-Z_]+\.[A-Z_.]+)`/g))
        codes.add(m[1]!);
      for (const [code, entry] of Object.entries(errorCatalogue))
        if (GENERAL.test(code) && String(entry.status) === status) codes.add(code);
    }
  }

  it('finds the operations the pages call', () => {
    expect(calls.size).toBeGreaterThan(15);
    expect(codes).toContain('INVITATION.EXPIRED');
    expect(codes).toContain('INTERNAL.ERROR');
  });

  it('has a Dutch and an English text for each code they can answer', () => {
    const nlCodes = nl.errors.codes as Record<string, string>;
    const enCodes = en.errors.codes as Record<string, string>;
    const missing = [...codes].filter((code) => !nlCodes[code] || !enCodes[code]).sort();
    expect(missing).toEqual([]);
  });
});
