/**
 * npm run bench:web — the web app's weight and speed, in real headless Chromium.
 *
 * 1. First-load JavaScript of each public page, gzipped, as the browser downloads it on a
 *    cold visit (budget: 150 KB; pages are split into lazy chunks by route).
 * 2. Time until content shows for the catalogue (100 projects in the database; the first
 *    page of cards) and for a project page, side by side with a static HTML page of the same
 *    content and the same stylesheet served by the same server; prints the ratio.
 *
 * Runs on a throwaway embedded database with 100 listed projects and a copy of web/dist;
 * builds the app first when web/dist is stale. Debian's chromium (CHROMIUM_PATH to change).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { prepareDatabase } from '../src/startup.js';
import { catalogueProjects } from '../test/factory/catalogue.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_KB = 150;
const PROJECTS = 100;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);
const PUBLIC_PAGES = ['/', '/projects', '/projects/{id}', '/stories', '/statistics', '/verify'];

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const euros = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

interface Card {
  id: string;
  title: string;
  summary: string;
  initiative: { name: string };
  municipalities: { name: string }[];
  credits: { available: number; sold: number; threshold: number };
  creditPriceCents: number;
}

function staticPage(title: string, css: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="stylesheet" href="/assets/${css}"></head><body class="utrecht-theme impactbeurs-theme"><main class="utrecht-page"><div class="utrecht-page-content">${body}</div></main></body></html>`;
}

function cardHtml(p: Card): string {
  return `<li class="ib-card"><h3 class="utrecht-heading-3"><a class="utrecht-link" href="/projects/${p.id}">${escape(p.title)}</a></h3><p class="utrecht-paragraph">${escape(p.summary)}</p><dl class="ib-facts"><dt>Initiatief</dt><dd>${escape(p.initiative.name)}</dd><dt>Gemeenten</dt><dd>${escape(p.municipalities.map((m) => m.name).join(', '))}</dd><dt>Beschikbaar</dt><dd>${p.credits.available} credits</dd><dt>Prijs per credit</dt><dd>${euros(p.creditPriceCents)}</dd></dl><progress class="ib-progress" max="${p.credits.threshold}" value="${Math.min(p.credits.sold, p.credits.threshold)}"></progress><p class="utrecht-paragraph">${p.credits.sold} van ${p.credits.threshold} credits verkocht</p></li>`;
}

async function timeToContent(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh context each time: a first visit, nothing cached.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Locators, not string predicates: the app's CSP forbids eval.
    await ready(page);
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return times;
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ensure-web-build.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');

  const work = mkdtempSync(path.join(tmpdir(), 'impactbeurs-bench-web-'));
  const dist = path.join(work, 'dist');
  cpSync(path.join(ROOT, 'web', 'dist'), dist, { recursive: true });

  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: '',
    DATA_DIR: path.join(work, 'data'),
    WEB_DIST_DIR: dist,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    VERIFY_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const { database } = await prepareDatabase(config);
  const projects = await catalogueProjects(database.db);
  const deadline = new Date(Date.now() + 60 * 86_400_000);
  for (let i = 0; i < PROJECTS; i += 1)
    await projects.insert({
      title: `Werkleertraject ${i + 1}`,
      summary: `Deelnemers werken en leren een jaar lang in project ${i + 1} en halen een diploma.`,
      listedAt: new Date(Date.now() - (i + 1) * 60_000),
      fundingDeadline: deadline,
      sold: (i * 37) % 500,
    });

  const app = await buildApp({ config, db: database.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // The same content as static HTML, served by the same server (from the copied dist).
  const css = readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.css'))!;
  const catalogue = (await (await fetch(`${base}/v1/projects?limit=24`)).json()) as {
    items: Card[];
  };
  const first = catalogue.items[0]!;
  const detail = (await (await fetch(`${base}/v1/projects/${first.id}`)).json()) as Card & {
    description: string;
    award: { impactScore: string; supply: number; threshold: number; publicRationale: string };
  };
  writeFileSync(
    path.join(dist, 'assets', 'static-catalogue.html'),
    staticPage(
      'Projecten',
      css,
      `<h1 class="utrecht-heading-1">Projecten</h1><ul class="ib-cards">${catalogue.items.map(cardHtml).join('')}</ul>`,
    ),
  );
  writeFileSync(
    path.join(dist, 'assets', 'static-project.html'),
    staticPage(
      detail.title,
      css,
      `<h1 class="utrecht-heading-1">${escape(detail.title)}</h1><p class="utrecht-paragraph">${escape(detail.summary)}</p><h2 class="utrecht-heading-2">De toekenning uitgelegd</h2><p class="utrecht-paragraph">Impactscore S = ${detail.award.impactScore}; N = ${detail.award.supply}; T = ${detail.award.threshold}</p><p class="utrecht-paragraph">${escape(detail.award.publicRationale)}</p><p class="utrecht-paragraph">${escape(detail.description)}</p>`,
    ),
  );

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    console.log(`\nFirst-load JavaScript per public page (gzipped; budget ${BUDGET_KB} KB)`);
    let worst = 0;
    for (const route of PUBLIC_PAGES) {
      const url = route.replace('{id}', first.id);
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        // The app's own scripts (query strings and all), whatever the page's state.
        if (new URL(response.url()).pathname.endsWith('.js'))
          scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
      });
      await page.goto(`${base}${url}`, { waitUntil: 'networkidle' });
      // The page's own chunk is lazy: count only once the page shows its heading, and once
      // more scripts have stopped coming (a page that is still loading would read too small).
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const sizes = await Promise.all(scripts);
      const kb = sizes.reduce((a, b) => a + b, 0) / 1024;
      worst = Math.max(worst, kb);
      console.log(
        `  ${route.padEnd(16)} ${kb.toFixed(1).padStart(6)} KB in ${sizes.length} files ${kb <= BUDGET_KB ? 'ok' : 'OVER BUDGET'}`,
      );
      await context.close();
    }
    console.log(
      `  largest: ${worst.toFixed(1)} KB (${worst <= BUDGET_KB ? 'within' : 'OVER'} budget)`,
    );

    const cards = async (page: Page) =>
      page
        .locator('main .ib-card')
        .nth(catalogue.items.length - 1)
        .waitFor({ timeout: 30_000 });
    const award = async (page: Page) =>
      page.getByRole('heading', { name: 'De toekenning uitgelegd' }).waitFor({ timeout: 30_000 });
    const cases = [
      ['catalogue (24 of 100 projects)', '/projects', '/assets/static-catalogue.html', cards],
      ['project page', `/projects/${first.id}`, '/assets/static-project.html', award],
    ] as const;
    console.log(`\nTime until content shows (median of ${RUNS} cold visits, ms since navigation)`);
    console.log(
      `  ${'page'.padEnd(32)} ${'app'.padStart(8)} ${'static'.padStart(8)} ${'ratio'.padStart(7)}`,
    );
    for (const [label, appUrl, staticUrl, ready] of cases) {
      const appTimes = await timeToContent(browser, `${base}${appUrl}`, ready);
      const staticTimes = await timeToContent(browser, `${base}${staticUrl}`, ready);
      const a = median(appTimes);
      const s = median(staticTimes);
      console.log(
        `  ${label.padEnd(32)} ${a.toFixed(0).padStart(8)} ${s.toFixed(0).padStart(8)} ${(a / s).toFixed(2).padStart(6)}×`,
      );
    }
    console.log('');
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
