// End-to-end tests of offline use, updates and installability (issue: "Offline after the first
// visit"). The release build is served by a separate static-server *process* on 127.0.0.1, so a
// test can stop it (no network at all) and start it again on the same origin: the first process
// takes any free port and says which, the later ones take that port again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DIST, serveDist } from './static-server.mjs';
import { chromium } from 'playwright-core';

import { launch, CHROMIUM_ARGS } from './browser.mjs';
import { DATASET, DATA_ROUTE } from './harness.mjs';
import { isHashed } from '../../scripts/hashed.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * A static-server process for `dir`; resolves once it listens, to the process with its `port` and
 * `base` URL. Port 0 (the default) lets the system pick a free one; a restart passes the port of
 * the process it replaces, to stay on the same origin.
 */
async function serve(port = 0, { dir = DIST, fail = [] } = {}) {
  const args = [path.join(here, 'static-server.mjs'), '--port', String(port), '--dir', dir];
  for (const f of fail) args.push('--fail', f);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    const serving = out.match(/^serving .* at (http:\/\/127\.0\.0\.1:(\d+))$/m);
    if (serving) {
      [child.base, child.port] = [serving[1], Number(serving[2])];
      return child;
    }
  }
  throw new Error(`static-server exited without serving: ${out}`);
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

// The app's cards, not the pre-rendered page's: visible once the app has taken over.
const cards = (page) => page.locator('main:not([data-prerendered]) [data-testid=entity-list] > li');

/**
 * A copy of the release build as Trunk names a file whose hash begins with zeros (it writes the
 * hash without them, scripts/hashed.mjs): the stylesheet with 15 hex digits, register.js with 12;
 * its worker written for it as the build writes it. Returns the directory and the two new paths.
 */
function buildWithShortHashes() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdo-short-hashes-'));
  fs.cpSync(DIST, dir, { recursive: true });
  // Every page of the build loads them (each is pre-rendered into a copy of index.html).
  const pages = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const renamed = [];
  const names = [];
  for (const [stem, ext, digits] of [['style', 'css', 15], ['register', 'js', 12]]) {
    // The build's own may be short already (a hash that begins with a zero): at most 16 digits.
    const name = fs.readdirSync(dir).find((f) => new RegExp(`^${stem}-[0-9a-f]{1,16}\\.${ext}$`).test(f));
    assert.ok(name && html.includes(`/${name}`), `the build has a ${stem}-<hash>.${ext} that index.html loads`);
    const short = `${stem}-${name.slice(stem.length + 1, stem.length + 1 + digits)}.${ext}`;
    for (const suffix of ['', '.br']) fs.renameSync(path.join(dir, name + suffix), path.join(dir, short + suffix));
    names.push([`/${name}`, `/${short}`]);
    renamed.push(`/${short}`);
  }
  for (const page of pages) {
    let text = fs.readFileSync(page, 'utf8');
    for (const [from, to] of names) text = text.replaceAll(from, to);
    fs.writeFileSync(page, text);
  }
  execFileSync(process.execPath, [path.join(root, 'scripts/precache.mjs'), dir]);
  return { dir, renamed };
}

/** First visit: loads the app and waits until the service worker controls the page. */
async function firstVisit(base) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(`${base}/`);
  await cards(page).first().waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  return { context, page };
}

test('after one visit, with the server process stopped: reload, overview, map, explorer, compare permalink, profile, series', async () => {
  const server = await serve();
  const { base } = server;
  const { context, page } = await firstVisit(base);
  await stop(server);

  await page.reload();
  await cards(page).first().waitFor();
  assert.equal(await cards(page).count(), DATASET.entities.length);
  // The refresh of the data failed: the badge and the stored copy's "Stand" say so.
  await page.locator('.offline-badge').waitFor();
  assert.match(await page.locator('.notice.freshness').textContent(), /Keine Verbindung: Sie sehen die auf diesem Gerät gespeicherten Daten, Stand \d/);

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Karte' }).click();
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.ok((await page.locator('svg[data-testid=map] path.land').count()) >= 16, 'Länder outlines from the cache');
  await nav.getByRole('link', { name: 'Explorer' }).click();
  await page.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(await page.locator('.explore-table tbody tr').count(), Math.min(DATASET.entities.length, 25), 'its first page');

  // Deep links are full navigations: the worker answers them with the page kept when it was
  // opened, else with the fallback page (404.html), on which the app draws the address's page.
  await page.goto(`${base}/compare?ids=darmstadt,hamburg`);
  await page.locator('.compare-table').waitFor();
  assert.deepEqual(await page.locator('.compare-table thead th a').allTextContents(), ['Darmstadt', 'Hamburg']);
  await page.goto(`${base}/entity/heidelberg`);
  await page.getByRole('heading', { level: 1, name: 'Heidelberg' }).waitFor();
  await page.goto(`${base}/series`);
  await page.locator('section.question li.answer').first().waitFor();
  await page.goto(`${base}/map?axis=origin&z=2&x=3700&y=5000`);
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Herkunft' }).isChecked(), true, 'map state from the URL');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a first visit: the worker comes once the page has loaded, and downloads no file the page already has', async () => {
  // Served: the build with the stylesheet and register.js named as Trunk names a file whose hash
  // begins with zeros (15 and 12 digits); a worker that took only 16-digit names for hashed
  // downloaded both a second time.
  const { dir, renamed } = buildWithShortHashes();
  // The map asks for the most: the main module, the index, its own module and the outlines.
  const { server, url } = await serveDist({ root: dir });
  const sent = []; // [path, when the request came, when its response was finished]
  server.on('request', (req, res) => {
    const entry = [new URL(req.url, url).pathname, performance.now(), Infinity];
    sent.push(entry);
    res.on('finish', () => (entry[2] = performance.now()));
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/map`);
    await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-settled')), true);

    const paths = sent.map(([p]) => p);
    const worker = paths.indexOf('/sw.js');
    assert.ok(worker > 0, 'the worker was registered');
    const pageOwn = sent.slice(0, worker);
    for (const own of [/_bg\.wasm$/, /^\/data\/cdo-atlas\.index\.json$/, /^\/split_map-/, /^\/data\/laender\.json$/]) {
      const found = pageOwn.find(([p]) => own.test(p));
      assert.ok(found, `the page asked for ${own} before the worker came`);
      assert.ok(found[2] <= sent[worker][1], `${found[0]} had arrived before the worker was asked for`);
    }
    // Files named by their content's hash are never stale: the precache takes them from the
    // HTTP cache where the page has loaded them.
    const hashed = paths.filter(isHashed);
    const twice = hashed.filter((p, i) => hashed.indexOf(p) !== i);
    assert.deepEqual(twice, [], 'no hashed file is sent twice');
    for (const short of renamed) {
      assert.ok(isHashed(short), short);
      assert.equal(paths.filter((p) => p === short).length, 1, `${short} is sent once: ${paths.join(' ')}`);
    }
    // …and the precache has every file of the build, so the next visit works offline (with the
    // pages the worker kept as they were opened: none yet, it came after this one).
    const precache = JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const PRECACHE = (\[[^\]]*\])/)[1]);
    const cached = await page.evaluate(async () => {
      const [name] = await caches.keys();
      return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    });
    assert.deepEqual(cached, [...precache].sort());
  } finally {
    await context.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('20 consecutive reloads with the server stopped all show the content', async () => {
  const server = await serve();
  const { base } = server;
  const { context, page } = await firstVisit(base);
  await stop(server);
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t0 = Date.now();
    await page.reload();
    await cards(page).first().waitFor({ timeout: 10000 });
    times.push(Date.now() - t0);
    assert.equal(await cards(page).count(), DATASET.entities.length, `reload ${i + 1}`);
  }
  times.sort((a, b) => a - b);
  console.log(`offline reloads: time to content median ${times[10]} ms, max ${times[19]} ms (measured; budgeted in make bench)`);
  await context.close();
});

test('an update: build B waiting shows a banner; after "neu laden" B\'s data shows and A\'s caches are gone', async () => {
  // Build B: the same app with a different dataset "Stand" (in the dataset and so in its
  // index, as `cargo run -p xtask -- index` writes it), and its own service worker.
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'cdo-build-b-'));
  fs.cpSync(DIST, dirB, { recursive: true });
  const dataB = { ...DATASET, as_of: '2025-01-31' };
  assert.notEqual(dataB.as_of, DATASET.as_of);
  fs.writeFileSync(path.join(dirB, 'data/cdo-atlas.json'), JSON.stringify(dataB));
  const indexB = JSON.parse(fs.readFileSync(path.join(DIST, 'data/cdo-atlas.index.json'), 'utf8'));
  fs.writeFileSync(path.join(dirB, 'data/cdo-atlas.index.json'), JSON.stringify({ ...indexB, as_of: dataB.as_of }));
  execFileSync(process.execPath, [path.join(root, 'scripts/precache.mjs'), dirB]);
  const buildOf = (dir) => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const BUILD = "([0-9a-f]+)"/)[1];
  const [cacheA, cacheB] = [`cdo-atlas-${buildOf(DIST)}`, `cdo-atlas-${buildOf(dirB)}`];
  assert.notEqual(cacheA, cacheB);

  const serverA = await serve();
  const { base, port } = serverA;
  const { context, page } = await firstVisit(base);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [cacheA]);
  await stop(serverA);
  const serverB = await serve(port, { dir: dirB });
  try {
    await page.reload();
    const banner = page.locator('.banner', { hasText: 'Neue Version verfügbar' });
    await banner.waitFor({ timeout: 15000 });
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'neu laden' }).click()]);
    await page.locator('.site-footer time[datetime="2025-01-31"]').waitFor();
    assert.deepEqual(await page.evaluate(() => caches.keys()), [cacheB]);
    assert.equal(await page.locator('.banner', { hasText: 'Neue Version verfügbar' }).count(), 0);
  } finally {
    await stop(serverB);
    fs.rmSync(dirB, { recursive: true, force: true });
  }
  await context.close();
});

test('online, but the data requests fail: the cached data with a notice', async () => {
  const server = await serve();
  const { base } = server;
  const { context, page } = await firstVisit(base);
  await stop(server);
  const failing = await serve(server.port, { fail: ['/data/cdo-atlas.index.json', '/data/cdo-atlas.json'] });
  try {
    await page.reload();
    await cards(page).first().waitFor();
    assert.equal(await cards(page).count(), DATASET.entities.length);
    const notice = page.locator('.notice.freshness');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Die Daten ließen sich gerade nicht aktualisieren\. Sie sehen die gespeicherte Fassung, Stand \d/);
    assert.equal(await page.locator('.offline-badge').count(), 0, 'the server answered: not offline');
  } finally {
    await stop(failing);
  }
  await context.close();
});

test('first visit ever, the server gone after the app started: a clear offline message, not a blank page', async () => {
  const server = await serve();
  const { base } = server;
  // No worker on this visit: nothing could be cached yet anyway, and page.route must see the
  // dataset request (requests a worker makes bypass it).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // The index is preloaded alongside the wasm: hold its request until the app has started (its
  // frame is drawn, hidden beside the pre-rendered page until its data is in), then take the
  // server away under it. The app then tries the dataset, which finds no server either.
  let stopped;
  await page.route(DATA_ROUTE, async (route) => {
    await page.locator('.site-header:not([data-prerendered])').waitFor({ state: 'attached' });
    stopped ??= stop(server);
    await stopped;
    await route.continue();
  });
  await page.goto(`${base}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Keine Verbindung zum Server.*nach einem ersten Besuch mit Verbindung funktioniert cdo-atlas\s+auch offline/is);
  assert.equal(await page.getByRole('button', { name: 'Erneut versuchen' }).isVisible(), true);
  assert.equal(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible(), true, 'the frame stays');
  await context.close();
});

test('Chromium considers the app installable (manifest, icons, service worker)', async () => {
  const server = await serve();
  // Installability is never granted in an incognito-like context: a real profile directory.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cdo-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.base}/`);
    await cards(page).first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert.match(url, /\/manifest\.webmanifest$/);
    assert.deepEqual(errors, []);
    const manifest = JSON.parse(data);
    assert.equal(manifest.lang, 'de');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  } finally {
    await context.close();
    await stop(server);
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
