// The shell (web/shell.html, web/shell.js, scripts/shell.mjs): before the wasm has arrived, a
// first visit shows the frame and heading the app then draws — the same markup, in the same
// place — and the app takes over without a shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './harness.mjs';
import { PAGES, LANGS, address, capture } from '../../scripts/shell.mjs';

const app = useApp();
const WASM = /\.wasm$/;

/** Boxes of what the shell shows and the app redraws, by name (not the footer: it is below the
 * first screen, and the page's own content pushes it down as it comes). */
function boxes() {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2);
  };
  const out = { header: box(document.querySelector('body > header')), h1: box(document.querySelector('main h1')), lead: box(document.querySelector('main h1 + p.lead'))};
  document.querySelectorAll('nav a').forEach((a, i) => (out[`nav ${i}`] = box(a)));
  return out;
}

/** A page whose wasm waits until `release()`, and whose data never comes. */
async function held(path, { width = 1200, height = 900, storedLang } = {}) {
  const context = await app.newContext({ viewport: { width, height } });
  await context.addInitScript((lang) => {
    if (lang) localStorage.setItem('cdo-atlas.lang', lang);
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, storedLang ?? null);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route(WASM, async (route) => {
    await gate;
    await route.continue();
  });
  await context.route(/\/data\//, () => {});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.base + path);
  return { page, context, release, errors };
}

const mounted = (page) => page.waitForFunction(() => !document.querySelector('[data-shell]') && document.querySelector('body > header'));

for (const lang of LANGS) {
  test(`before the wasm arrives, every page shows in ${lang} what the app then draws, where it draws it`, async () => {
    for (const path of PAGES) {
      const where = address(path, lang);
      const { page, context, release, errors } = await held(where);
      const h1 = page.locator('main[data-shell] h1');
      await h1.waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, where);
      const current = page.locator('header[data-shell] nav a[aria-current=page]');
      assert.equal(await current.count(), 1, where);
      assert.equal(new URL(await current.getAttribute('href'), app.base).pathname, address(path, lang), where);
      const before = await page.evaluate(boxes);
      assert.ok(before.h1 && before.header, `${where}: ${JSON.stringify(before)}`);
      const title = await h1.textContent();

      release();
      await mounted(page);
      await page.locator('main h1').waitFor();
      assert.equal(await page.locator('main h1').textContent(), title, where);
      // The same markup as the app's (else: `make shell`), in the same place, without a shift.
      const now = await page.evaluate(capture);
      const shell = await page.evaluate(capture, [lang, path]);
      assert.equal(shell.frame, now.frame, `${where}: web/shell.html is stale (run make shell)`);
      assert.equal(shell.head, now.head, `${where}: web/shell.html is stale (run make shell)`);
      assert.deepEqual(await page.evaluate(boxes), before, where);
      assert.equal(await page.evaluate(() => window.__shift), 0, where);
      assert.deepEqual(errors, [], where);
      await context.close();
    }
  });
}

test('the shell on a phone: the app takes over without a shift', async () => {
  const { page, context, release } = await held('/explore', { width: 360, height: 740 });
  await page.locator('main[data-shell] h1').waitFor();
  const before = await page.evaluate(boxes);
  release();
  await mounted(page);
  assert.deepEqual(await page.evaluate(boxes), before);
  assert.equal(await page.evaluate(() => window.__shift), 0);
  await context.close();
});

test('the shell follows the app: a profile gets the frame alone, the remembered language, no frame when embedded', async () => {
  {
    const { page, context } = await held('/entity/darmstadt');
    await page.locator('header[data-shell]').waitFor();
    assert.equal(await page.locator('main[data-shell] > *').count(), 0);
    assert.equal(await page.locator('nav a[aria-current]').count(), 0);
    await context.close();
  }
  {
    const { page, context } = await held('/map', { storedLang: 'en' });
    await page.locator('main[data-shell] h1').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('nav a[aria-current=page]').textContent(), 'Map');
    await context.close();
  }
  {
    // The address's language wins over the remembered one, as in the app.
    const { page, context } = await held('/map?lang=de', { storedLang: 'en' });
    assert.equal(await page.locator('nav a[aria-current=page]').textContent(), 'Karte');
    await context.close();
  }
  {
    // An English path is English, whatever was remembered.
    const { page, context } = await held('/en/map', { storedLang: 'de' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('nav a[aria-current=page]').textContent(), 'Map');
    await context.close();
  }
  {
    const { page, context, release } = await held('/?embed=1');
    assert.equal(await page.locator('[data-shell]').count(), 0);
    release();
    await page.locator('.embed-bar, main.embedded').first().waitFor();
    await context.close();
  }
});

test('without the wasm, the shell is a page: its links lead to the other pages, and a failed start is said above it', async () => {
  const context = await app.newContext();
  await context.route(WASM, (route) => route.abort('internetdisconnected'));
  await context.route(/\/data\//, () => {});
  const page = await context.newPage();
  await page.goto(app.base + '/');
  await page.locator('header[data-shell] nav').getByRole('link', { name: 'Explorer' }).click();
  await page.waitForURL(/\/explore$/);
  await page.getByRole('heading', { level: 1, name: 'Explorer' }).waitFor();
  const alert = page.locator('#start-failed');
  await alert.waitFor();
  const [a, h] = [await alert.boundingBox(), await page.locator('header[data-shell]').boundingBox()];
  assert.ok(a.y + a.height <= h.y, `alert ${a.y}–${a.y + a.height}, header at ${h.y}`);
  await context.close();
});
