// Code splitting (src/on_demand.rs, scripts/wasm.mjs): map, compare, the series, report and about are wasm modules
// of their own, fetched — with their integrity — the first time their page is shown; so are
// parts of main-module pages that reading does not need (the overview's year chart, the
// explorer's time control, the profile's timeline, the explorer's download writer). A first
// visit to the overview shows the pre-rendered year chart as it is (src/takeover.rs, `adoptable`).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { serveTampered, useApp } from './harness.mjs';
import { HASH } from '../../scripts/hashed.mjs';

const app = useApp();
const MAIN = new RegExp(`/cdo-atlas-${HASH}_bg\\.wasm$`);
const MODULE = (name) => new RegExp(`/split_${name}-${HASH}\\.wasm$`);

/** Every .wasm the page requests, in order, as paths. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && seen.push(new URL(r.url()).pathname));
  return seen;
}

const OTHERS = ['map', 'compare', 'report', 'series', 'about', 'time_control', 'timeline', 'download'];

/** `element` as a string that two drawings of the same content share: elements with their
 * attributes in name order, text that is not blank; no comments (the renderer's markers). */
const canonical = (element) => {
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent.trim() ? JSON.stringify(n.textContent) : '';
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
    return `<${n.localName} ${attrs}>${[...n.childNodes].map(walk).join('')}</${n.localName}>`;
  };
  return walk(element);
};

test('the overview loads the main module only; the map module arrives with the first visit to the map, once', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  const seen = wasmRequests(page);
  await page.goto(app.base + '/');
  await page.locator('[data-testid=entity-list] > li').first().waitFor();
  await page.locator('html[data-settled]').waitFor({ state: 'attached' });
  await page.locator('[data-testid=years-chart] svg.years').waitFor();
  assert.match(seen[0], MAIN);
  assert.equal(seen.filter((p) => MAIN.test(p)).length, 1, seen.join(' '));
  // The year chart is static: a first visit shows the pre-rendered one, without its code.
  assert.equal(seen.filter((p) => MODULE('years_chart').test(p)).length, 0, seen.join(' '));
  assert.equal(seen.filter((p) => OTHERS.some((m) => MODULE(m).test(p))).length, 0, seen.join(' '));
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the app took over');
  const adopted = await page.locator('[data-testid=years-chart]').evaluate(canonical);

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Karte' }).click();
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(seen.filter((p) => MODULE('map').test(p)).length, 1, seen.join(' '));
  assert.equal(seen.filter((p) => ['compare', 'report', 'series', 'about'].some((m) => MODULE(m).test(p))).length, 0, seen.join(' '));
  const count = seen.length;

  // The explorer's time control comes with the first visit to the explorer, once.
  await nav.getByRole('link', { name: 'Explorer' }).click();
  await page.locator('.explore-table tbody tr').first().waitFor();
  await page.locator('.explore-main #time-year').waitFor();
  assert.equal(seen.filter((p) => MODULE('time_control').test(p)).length, 1, seen.join(' '));
  const withControl = seen.length;
  await nav.getByRole('link', { name: 'Karte' }).click();
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  await nav.getByRole('link', { name: 'Explorer' }).click();
  await page.locator('.explore-main #time-year').waitFor();
  assert.equal(seen.length, withControl, 'nothing fetched again');
  assert.ok(count <= withControl);
  // The about page's code comes with its first visit, once.
  await nav.getByRole('link', { name: 'Über', exact: true }).click();
  await page.getByRole('heading', { name: 'Lizenzen' }).waitFor();
  assert.equal(seen.filter((p) => MODULE('about').test(p)).length, 1, seen.join(' '));
  // Back on the overview, the app draws the year chart, its code fetched once: as the
  // pre-rendered one was.
  await nav.getByRole('link', { name: 'Übersicht' }).click();
  await page.locator('[data-testid=years-chart] svg.years').waitFor();
  assert.equal(seen.filter((p) => MODULE('years_chart').test(p)).length, 1, seen.join(' '));
  assert.equal(await page.locator('[data-testid=years-chart]').evaluate(canonical), adopted);
  await context.close();
});

test('a page whose module cannot be fetched says so under its heading; the app keeps working and tries again later', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(MODULE('compare'), (route) => route.abort('internetdisconnected'));
  await page.goto(app.base + '/compare?ids=darmstadt,hamburg');
  const alert = page.getByRole('alert').filter({ hasText: 'Diese Seite konnte nicht geladen werden' });
  await alert.waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Vergleich' }).isVisible(), true);
  assert.equal(await alert.getByRole('heading', { level: 2 }).count(), 1);
  assert.equal(await alert.getByRole('button', { name: 'Neu laden' }).isVisible(), true);

  // The rest of the app still runs.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Explorer' }).click();
  await page.locator('.explore-table tbody tr').first().waitFor();

  // The failure is not remembered: back online, the next visit to the page loads it.
  await page.unroute(MODULE('compare'));
  await page.goBack();
  await page.locator('.compare-table').waitFor();
  assert.deepEqual(await page.locator('.compare-table thead th a').allTextContents(), ['Darmstadt', 'Hamburg']);
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('a tampered page module is refused (integrity) and never runs', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await serveTampered(page, MODULE('report'));
  await page.goto(app.base + '/report');
  await page.getByRole('alert').filter({ hasText: 'Diese Seite konnte nicht geladen werden' }).waitFor();
  assert.equal(await page.locator('form.report-form').count(), 0);
  assert.ok(errors.some((e) => /integrity/i.test(e)), errors.join('\n'));
  await context.close();
});

test('the page modules load in English too, and the notice of a failed one is translated', async () => {
  const page = await app.open('/map', { lang: 'en' });
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Map of the models');
  await page.route(MODULE('report'), (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'About' }).click();
  await page.getByRole('link', { name: 'Report a city or Land' }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Report a city or Land');
  await page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Reload' }).isVisible(), true);
  await page.context().close();
});

test('the map fetches its module and its outlines together, once its heading has been painted', async () => {
  const context = await app.newContext();
  // The animation frame after the heading appears: the browser paints right after it.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('main h1')) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.headingFrame = performance.now(); });
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const seen = wasmRequests(page);
  await page.goto(app.base + '/map');
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(seen.filter((p) => MODULE('map').test(p)).length, 1, `fetched once: ${seen.join(' ')}`);
  const { paint, resources } = await page.evaluate(() => ({
    paint: window.headingFrame,
    resources: performance.getEntriesByType('resource')
      .filter((e) => /\.wasm$|laender\.json$/.test(e.name))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
  }));
  assert.ok(paint > 0, 'the heading was drawn');
  const main = resources.find((r) => MAIN.test(r.path));
  const module = resources.find((r) => MODULE('map').test(r.path));
  const outlines = resources.filter((r) => r.path.endsWith('/data/laender.json'));
  assert.equal(outlines.length, 1, JSON.stringify(resources));
  // Not alongside the main module: on a slow line they would share it, and the heading the main
  // module draws would come later. After the paint, and the outlines with the code, not after it.
  for (const r of resources.filter((r) => r !== main)) {
    assert.ok(r.start >= paint, `${r.path} requested at ${r.start} ms, before the frame that painted the heading (${paint} ms)`);
  }
  assert.ok(outlines[0].start < module.end, `the outlines (${outlines[0].start} ms) wait for the module (${module.end} ms)`);
  await context.close();
});

test('a part whose module cannot be fetched is left out: the page reads without it, with no alert', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(MODULE('years_chart'), (route) => route.abort('internetdisconnected'));
  // At a date: not the pre-rendered chart (today's), so the app draws it.
  await page.goto(app.base + '/?at=2019');
  // The app takes over once the part has failed: its page has every other chart and card.
  await page.locator('html[data-settled]').waitFor({ state: 'attached' });
  await page.locator('[data-testid=entity-list] > li').first().waitFor();
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the app took over');
  assert.equal(await page.locator('.charts figure').count(), 2);
  assert.equal(await page.locator('[data-testid=years-chart]').count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('the download writer arrives with the first download, once; if it cannot, the download says so and the next try works', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  const seen = wasmRequests(page);
  await page.route(MODULE('download'), (route) => route.abort('internetdisconnected'));
  await page.goto(app.base + '/explore?q=darmstadt');
  await page.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(seen.filter((p) => MODULE('download').test(p)).length, 0, 'not before a download');
  await page.getByRole('button', { name: 'CSV (Excel)' }).click();
  await page.locator('.downloads').filter({ hasText: 'Der Download kam nicht zustande' }).waitFor();
  await page.unroute(MODULE('download'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV (Excel)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^cdo-atlas-.*\.csv$/);
  assert.equal(await page.locator('.downloads').filter({ hasText: 'Der Download kam nicht zustande' }).count(), 0);
  // A second download needs nothing new.
  const count = seen.length;
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  assert.match(json.suggestedFilename(), /\.json$/);
  assert.equal(seen.length, count);
  await context.close();
});
