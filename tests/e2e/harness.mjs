// Shared set-up for the end-to-end tests: the release build served on 127.0.0.1 and Debian's
// Chromium, a fresh browser context per page, and axe-core.
import { before, after } from 'node:test';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';

import { serveDist, DIST } from './static-server.mjs';
import { launch } from './browser.mjs';

export const DATASET = JSON.parse(fs.readFileSync(`${DIST}/data/cdo-atlas.json`, 'utf8'));
// Both data files: the dataset and its index. A test that serves a dataset of its own serves it
// at both URLs; a dataset is no index (it has no columns), so the app then reads its lists from
// the dataset itself, as it does wherever no usable index is served.
export const DATA_ROUTE = /\/data\/cdo-atlas(\.index)?\.json$/;

/** A page heading the app drew: not the pre-rendered page's, which shows until the app takes over
 * (src/takeover.rs). */
export const APP_H1 = 'main:not([data-prerendered]) h1';

/** Resolves once the app has taken over from the pre-rendered page (src/takeover.rs): what a test
 * finds then is the app's alone. */
export async function takenOver(page) {
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]') && !document.documentElement.hasAttribute('data-taking-over'));
}

/** Makes `page.goto` and `page.reload` wait for the app to take over (`app.newContext`). */
function waitsForTheApp(page) {
  for (const name of ['goto', 'reload']) {
    const load = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await load(...args);
      await takenOver(page);
      return response;
    };
  }
}

/** Registers before/after hooks; the returned object fills in once the server runs. */
export function useApp() {
  const app = { base: '', browser: null };
  let server;
  before(async () => {
    const served = await serveDist();
    server = served.server;
    app.base = served.url;
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    server?.close();
  });

  /** A fresh context. Service workers are blocked: these tests are about the app, and
   * `page.route` (used to feed datasets) does not see requests a worker makes. The worker has
   * its own tests (offline.test.mjs). Its pages' `goto` and `reload` resolve once the app has
   * taken over from the pre-rendered page (so that what a test finds is the app's), unless
   * `prerendered` (the test is about the pre-rendered page, or holds back what the app needs). */
  app.newContext = async ({ prerendered = false, ...options } = {}) => {
    const context = await app.browser.newContext({ serviceWorkers: 'block', ...options });
    if (!prerendered && options.javaScriptEnabled !== false) context.on('page', waitsForTheApp);
    return context;
  };

  /** A fresh page (own storage) at `path` read in `lang` (its address in that language, the
   * choice remembered too; `remembered` only remembers it). Resolves once the app has taken over
   * from the pre-rendered page, unless `prerendered` (the test is about that). */
  app.open = async (path, { width = 1200, height = 900, lang, remembered, prerendered = false } = {}) => {
    const context = await app.newContext({ viewport: { width, height }, prerendered });
    if (lang && lang !== 'de' && !path.startsWith(`/${lang}/`)) path = `/${lang}${path}`;
    const stored = lang ?? remembered;
    if (stored) await context.addInitScript((l) => localStorage.setItem('cdo-atlas.lang', l), stored);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.errors = errors;
    await page.goto(app.base + path);
    return page;
  };
  return app;
}

/**
 * Resolves once the app says the page it started on has everything it asked for
 * (`html[data-settled]`, src/settled.rs: its data and its module are in, and what their arrival
 * set off has run), and then `frames` frames later: by then what that changed in the DOM has been
 * laid out (layout shifts recorded, resize observers run). A page that never settles fails here,
 * on Playwright's timeout, not in the assertion after it. Said once per document: after an
 * in-app navigation it says nothing about the new page, so tests wait for it after `page.goto`.
 */
export async function settled(page, { frames = 2 } = {}) {
  await page.locator('html[data-settled]').waitFor({ state: 'attached' });
  await page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const frame = (left) => (left === 0 ? setTimeout(resolve) : requestAnimationFrame(() => frame(left - 1)));
        frame(n);
      }),
    frames,
  );
}

/** Serves every wasm file `pattern` matches with its last byte flipped: what its integrity
 * check must catch. */
export function serveTampered(page, pattern) {
  return page.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ status: 200, headers: { 'content-type': 'application/wasm' }, body });
  });
}

/** WCAG 2 A and AA violations on the page, as readable strings. */
export async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
