// The hand-over from the pre-rendered page to the app (issue #24; src/takeover.rs,
// xtask/src/prerender.rs): every page kind, in both languages, is served as HTML rendered from the
// app's own views at build time. Held before the wasm runs, each is compared with what the app
// draws once it has taken over: the same text, in the same place, with no layout shift — so the
// pre-rendered page is what the reader gets, not a placeholder.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, takenOver, settled, DATASET, DATA_ROUTE } from './harness.mjs';

const app = useApp();

// Page kinds; `text: false` where what is drawn depends on the screen the app measures (the map
// spreads its markers and picks its labels for the frame's width, which a build does not know).
const PAGES = [
  ['/', {}],
  ['/map', { text: false }],
  ['/explore', {}],
  ['/compare', {}],
  ['/series', {}],
  ['/about', {}],
  ['/report', {}],
  ['/entity/darmstadt', {}],
  ['/404', {}],
];
const inLang = (path, lang) => (lang === 'de' ? path : `/en${path}`);

/** What a reader sees of the page now: boxes of the frame and the page's first parts, and the
 * page's text. `which` picks the pre-rendered elements or the app's. */
function capture(which) {
  const top = (sel) => document.querySelector(`${sel}${which === 'prerendered' ? '[data-prerendered]' : ':not([data-prerendered])'}`);
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [r.x, r.y + scrollY, r.width, r.height].map((v) => Math.round(v));
  };
  const main = top('main');
  return {
    boxes: {
      header: box(top('header')),
      main: box(main)?.slice(0, 3),
      h1: box(main?.querySelector('h1')),
      lead: box(main?.querySelector('.lead')),
      footer: box(top('footer'))?.slice(2),
    },
    // Hosts written as ORIGIN: a citation names the site's address, which is the build's
    // (CDO_ORIGIN) in the pre-rendered page and the test server's in the app.
    text: (main?.innerText ?? '').replace(/https?:\/\/[^/\s]+/g, 'ORIGIN').replace(/\s+/g, ' ').trim(),
    lang: document.documentElement.lang,
    title: document.title,
  };
}

/** Holds the page's main wasm back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function handOver(path, { width = 1280, height = 900 } = {}) {
  const context = await app.newContext({ prerendered: true, viewport: { width, height } });
  await context.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The wasm is held until the pre-rendered page has been read.
  const release = await holdWasm(page);
  await page.goto(app.base + path);
  await page.locator('main[data-prerendered] h1').waitFor();
  const before = await page.evaluate(capture, 'prerendered');
  release();
  await takenOver(page);
  await settled(page);
  const after = await page.evaluate(capture, 'app');
  const shifts = await page.evaluate(() => window.shifts);
  await context.close();
  return { before, after, shifts, errors };
}

for (const lang of ['de', 'en']) {
  test(`every page kind (${lang}): the app takes over from the pre-rendered page without a change or a shift`, async () => {
    for (const [kind, { text = true }] of PAGES) {
      const path = inLang(kind, lang);
      const { before, after, shifts, errors } = await handOver(path);
      assert.equal(before.lang, lang, `${path}: <html lang> of the pre-rendered page`);
      assert.equal(after.lang, lang, `${path}: the app keeps the path's language`);
      assert.equal(before.title, after.title, `${path}: title`);
      assert.ok(before.text.length > 40, `${path}: the pre-rendered page has content`);
      if (text) assert.equal(before.text, after.text, `${path}: the app draws what was pre-rendered`);
      assert.deepEqual(before.boxes, after.boxes, `${path}: in the same place`);
      assert.deepEqual(shifts, [], `${path}: no layout shift`);
      assert.deepEqual(errors, [], `${path}: page errors`);
    }
  });
}

test('on a phone (360 px) the hand-over moves nothing either', async () => {
  for (const path of ['/', '/explore', '/entity/darmstadt', '/en/about']) {
    const { before, after, shifts } = await handOver(path, { width: 360, height: 740 });
    assert.equal(before.text, after.text, path);
    assert.deepEqual(before.boxes, after.boxes, path);
    assert.deepEqual(shifts, [], path);
  }
});

test('an address served another page (the fallback, a query) hides that page\'s content until the app draws its own', async () => {
  for (const [path, h1] of [
    ['/no-such-page', 'Nicht gefunden'],
    ['/explore?q=darmstadt', 'Explorer: alle Einträge filtern und sortieren'],
  ]) {
    const context = await app.newContext({ prerendered: true });
    const page = await context.newPage();
    const release = await holdWasm(page);
    await page.goto(app.base + path);
    await page.locator('header[data-prerendered]').waitFor();
    assert.equal(await page.locator('html[data-elsewhere]').count(), 1, path);
    assert.equal(await page.locator('main[data-prerendered] h1').isVisible(), false, `${path}: not the page asked for`);
    assert.equal(await page.locator('header[data-prerendered] nav').isVisible(), true, `${path}: the frame shows`);
    release();
    await takenOver(page);
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
    await context.close();
  }
});

test('data newer than the build: the app shows it in place of the pre-rendered page', async () => {
  // The same dataset with one entry renamed, served as a newer deployment of the data would be
  // (without an index, the app reads its lists from the dataset too).
  const newer = structuredClone(DATASET);
  newer.entities.find((e) => e.id === 'darmstadt').name = 'Darmstadt (neuer Stand)';
  const context = await app.newContext({ prerendered: true });
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(newer) }));
  const release = await holdWasm(page);
  await page.goto(`${app.base}/entity/darmstadt`);
  assert.equal(await page.locator('main[data-prerendered] h1').textContent(), 'Darmstadt', 'the build\'s data');
  release();
  await takenOver(page);
  await page.getByRole('heading', { level: 1, name: 'Darmstadt (neuer Stand)' }).waitFor();
  await context.close();
});
