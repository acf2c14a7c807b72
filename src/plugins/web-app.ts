import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RATE_LIMITS } from './security.js';

export interface WebAppOptions {
  /** The built app (vite build): index.html and assets/. */
  distDir: string;
}

/** Paths that belong to the API and its server-rendered pages; never answered with the app. */
const API_PREFIXES = [
  '/v1/',
  '/v1',
  '/docs',
  '/openapi.json',
  '/.well-known/',
  '/health',
  '/verify/',
];

/**
 * The app's Content-Security-Policy, stricter than the API's: scripts and styles only from
 * this origin, no inline code (the build emits none; React sets styles through the CSSOM,
 * which CSP does not govern), and nothing framed or posted elsewhere.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The stylesheets the built app links from its index.html (hashed files under /assets), so
 * that pages the server renders itself (the certificate check at /verify/{code}) take the
 * same look from the same cached files. Empty without a build.
 */
export function webStylesheets(distDir: string): string[] {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return [];
  const html = readFileSync(indexFile, 'utf8');
  const hrefs: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel="stylesheet"/.test(tag)) continue;
    const href = /\bhref="(\/assets\/[^"]+\.css)"/.exec(tag)?.[1];
    if (href) hrefs.push(href);
  }
  return hrefs;
}

function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return API_PREFIXES.some((prefix) =>
    prefix.endsWith('/')
      ? pathname.startsWith(prefix)
      : pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the web app from the same process: hashed files under /assets, cached for a year
 * (a new build has new names), and index.html, never cached, for every other GET that a
 * browser makes for a page; the app's router takes it from there. Without a build the API
 * runs as before: everything else keeps its problem+json 404.
 */
export default fp<WebAppOptions>(
  async function webApp(app: FastifyInstance, { distDir }) {
    const indexFile = path.join(distDir, 'index.html');
    if (!existsSync(indexFile)) {
      app.log.info({ distDir }, 'web app not built: serving the API only (npm run build:web)');
      return;
    }
    const indexHtml = readFileSync(indexFile, 'utf8');

    await app.register(fastifyStatic, {
      root: path.join(distDir, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      cacheControl: true,
      maxAge: '365d',
      immutable: true,
      // Vite hashes every file name; the name is the version.
      etag: false,
      lastModified: false,
    });

    app.get(
      '/*',
      {
        schema: { hide: true },
        config: { rateLimit: RATE_LIMITS.public },
      },
      async (request, reply) => {
        if (isApiPath(request.url) || !acceptsHtml(request)) return reply.callNotFound();
        return reply
          .header('cache-control', 'no-cache')
          .header('content-security-policy', APP_CSP)
          .type('text/html; charset=utf-8')
          .send(indexHtml);
      },
    );
  },
  { name: 'web-app', dependencies: ['error-handler', 'security'] },
);
