// End-to-end tests: the release build (`dist/`) served on 127.0.0.1, driven in Debian's Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useApp, axe, settled, takenOver, DATASET, DATA_ROUTE, APP_H1 } from './harness.mjs';
import { DIST } from './static-server.mjs';

const app = useApp();
const open = (...args) => app.open(...args);

test('overview lists every entity of the dataset, each linking to its profile', async () => {
  const page = await open('/');
  const cards = page.locator('[data-testid=entity-list] > li');
  await cards.first().waitFor();
  assert.equal(await cards.count(), DATASET.entities.length);
  for (const entity of DATASET.entities) {
    const link = page.locator(`[data-testid=entity-list] a[href="/entity/${entity.id}"]`);
    assert.equal(await link.textContent(), entity.name);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link shared in a messenger previews as the page: the Open Graph card of the served page', async () => {
  const page = await open('/entity/darmstadt');
  const meta = (property) => page.locator(`meta[property="${property}"]`).getAttribute('content');
  assert.equal(await meta('og:type'), 'website');
  assert.equal(await meta('og:site_name'), 'cdo-atlas');
  assert.equal(await meta('og:title'), 'Darmstadt – cdo-atlas');
  assert.match(await meta('og:description'), /^Darmstadt \(Stadt in Hessen\): CDO aus der Wissenschaft/);
  assert.match(await meta('og:description'), /Jede Angabe mit Quelle\.$/);
  assert.equal(await page.locator('meta[name="twitter:card"]').getAttribute('content'), 'summary_large_image');
  await page.context().close();
});

test('when the app cannot start, the page says so, offers a reload and the dataset as a file', async () => {
  const context = await app.newContext({ prerendered: true });
  const page = await context.newPage();
  // A first visit whose connection drops before the wasm has arrived.
  await page.route('**/*_bg.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(app.base + '/explore');
  const failed = page.getByRole('alert').filter({ hasText: 'cdo-atlas konnte nicht starten' });
  await failed.waitFor();
  // The pre-rendered page is shown, and reads in full; the app's own frame is not there.
  assert.equal(await page.locator('.site-header[data-prerendered]').count(), 1);
  assert.equal(await page.locator('.site-header:not([data-prerendered])').count(), 0);
  assert.ok((await page.locator('main[data-prerendered] .explore-table tbody tr').count()) > 0);
  assert.equal(await failed.getByRole('link', { name: 'Datensatz (JSON)' }).getAttribute('href'), '/data/cdo-atlas.json');
  assert.equal(await failed.locator('p[lang=en]').count(), 1, 'the English text is marked as such');
  assert.deepEqual(await axe(page), []);
  // The connection is back: the button reloads the same address, and the app starts.
  await page.unroute('**/*_bg.wasm');
  await failed.getByRole('button', { name: 'Neu laden / Reload' }).click();
  await page.locator('main:not([data-prerendered]) .explore-table tbody tr').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/explore');
  assert.equal(await failed.isVisible(), false, 'the message is gone once the app runs');
  await context.close();
});

test('without JavaScript the page reads as rendered: every entity linked, no notice that it needs JavaScript', async () => {
  const context = await app.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Alle Städte und Länder' }).waitFor();
  assert.equal(await page.locator('[data-testid=entity-list] > li a[href^="/entity/"]').count(), DATASET.entities.length);
  assert.equal(await page.getByText('cdo-atlas braucht JavaScript').count(), 0, 'the page reads without');
  assert.equal(await page.getByText('cdo-atlas konnte nicht starten').isVisible(), false);
  await context.close();
});

test('each data file is downloaded once per load, and what every page needs is the preloaded response', async () => {
  const INDEX = '/data/cdo-atlas.index.json';
  for (const [path, ready, files] of [
    ['/explore', '.explore-table tbody tr', [[INDEX, 'link']]],
    // The outlines' preload starts with the map's code (split.test.mjs).
    ['/map', 'svg[data-testid=map] path.land', [[INDEX, 'link'], ['/data/laender.json', 'link']]],
    // A profile shows its entity in full: the dataset comes as the app starts.
    ['/entity/darmstadt', '.sources li', [[INDEX, 'link'], ['/data/cdo-atlas.json', 'fetch']]],
  ]) {
    const context = await app.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => /\/data\/[^/]+\.json$/.test(r.url()) && requests.push(new URL(r.url()).pathname));
    await page.goto(app.base + path);
    await page.locator(ready).first().waitFor();
    // Everything the page asks for has been asked for and has arrived. A preload the page did not
    // take (Chromium warns of it after ~3 s) is a second request of the file and a second resource
    // entry, a `link` beside the app's `fetch`; a file preloaded that the page never needed is a
    // request too many.
    await settled(page, { frames: 0 });
    assert.deepEqual(requests.sort(), files.map(([f]) => f).sort(), path);
    const initiators = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/')).map((e) => [new URL(e.name).pathname, e.initiatorType]));
    assert.deepEqual(initiators.sort(), [...files].sort(), `${path}: each file downloaded once, by whom`);
    await context.close();
  }
});

test('the build ships brotli siblings of its hashed assets, and the server sends them', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  const encodings = new Map();
  page.on('response', async (r) => {
    const name = new URL(r.url()).pathname;
    if (/\.(wasm|js|css)$/.test(name)) encodings.set(name, (await r.allHeaders())['content-encoding']);
  });
  await page.goto(app.base + '/');
  await page.locator('[data-testid=entity-list] > li').first().waitFor();
  const assets = [...encodings.keys()];
  assert.ok(assets.some((n) => n.endsWith('_bg.wasm')) && assets.some((n) => n.endsWith('.css')), assets.join(' '));
  for (const [name, encoding] of encodings) {
    if (name === '/sw.js') continue; // not hashed: rewritten per build, compressed on the fly
    assert.equal(encoding, 'br', name);
  }
  await context.close();
});

test('while the data is still on its way, the pre-rendered page reads in full; then the app takes over', async () => {
  const context = await app.newContext({ prerendered: true });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(DATA_ROUTE, async (route) => {
    await held;
    await route.continue().catch(() => {}); // the requests of pages left meanwhile are gone
  });
  for (const [path, title, content] of [
    ['/', 'Alle Städte und Länder', '[data-testid=entity-list] > li'],
    ['/explore', 'Explorer: alle Einträge filtern und sortieren', '.explore-table tbody tr'],
    ['/entity/darmstadt', 'Darmstadt', '.sources li'],
    ['/compare', 'Vergleich', 'p.lead'],
  ]) {
    await page.goto(app.base + path);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // Not the app's loading status: the page's own content, drawn at build time.
    assert.ok((await page.locator(`main[data-prerendered] ${content}`).count()) > 0, path);
    assert.equal(await page.getByRole('status').filter({ hasText: 'Daten werden geladen' }).count(), 0, path);
    // The app has started (once its wasm is in) and waits for its data, hidden.
    await page.locator('html[data-taking-over]').waitFor({ state: 'attached' });
    assert.ok((await page.locator('main[data-prerendered]').count()) === 1, `${path}: the app waits for its data`);
  }
  release();
  await takenOver(page);
  await page.locator('.compare-controls').waitFor();
  assert.equal(await page.locator('main').count(), 1);
  await context.close();
});

test('nothing on the page moves when the data arrives (no layout shift) on a phone-sized screen', async () => {
  const context = await app.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(() => {
    const shifts = [];
    const record = (entries) => {
      for (const e of entries) {
        if (!e.hadRecentInput) shifts.push(`${e.value.toFixed(3)} ${e.sources.map((s) => s.node?.nodeName).join(',')}`);
      }
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // With the ones not delivered to the observer yet.
    window.shifts = () => {
      record(observer.takeRecords());
      return shifts;
    };
  });
  // The data and the page modules arrive well after the first paint, as on a slow line.
  await context.route(/\/data\/|\/chunk_\d+-/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const page = await context.newPage();
  const pages = [
    ['/', '[data-testid=entity-list] > li'],
    ['/map', 'svg[data-testid=map] .marker'],
    ['/explore', '.explore-table tbody tr'],
    // The profile's details come from the dataset, after its heading from the index.
    ['/entity/darmstadt', '.citation'],
    ['/compare?ids=darmstadt,hamburg', 'table'],
    ['/series', 'li.answer'],
    ['/about', '.citation'],
    ['/report', 'form'],
  ];
  for (const [path, ready] of pages) {
    await page.goto(app.base + path);
    await page.locator(ready).first().waitFor();
    // All the page's data and code are in and drawn, and laid out.
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.shifts()), [], path);
  }
  await context.close();
});

test('a profile opens from the overview and shows its facts and sources', async () => {
  const page = await open('/');
  await page.getByRole('link', { name: 'Darmstadt', exact: true }).click();
  await page.waitForURL(`${app.base}/entity/darmstadt`);
  await page.getByRole('heading', { level: 1, name: 'Darmstadt' }).waitFor();
  // The heading comes from the index; the rest once the dataset is there.
  await page.locator('.sources li').first().waitFor();
  const text = await page.locator('main').textContent();
  assert.match(text, /CDO aus der Wissenschaft/);
  assert.match(text, /Prof\. Michael Waidner/);
  assert.match(text, /seit Mai 2017/);
  assert.match(text, /164\.792 \(Stand 2023\)/, 'Destatis, 31 December 2023');
  const sourceLinks = page.locator('.sources a');
  assert.ok((await sourceLinks.count()) >= 3);
  for (const href of await sourceLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^https?:\/\//);
  }
  assert.equal(await page.title(), 'Darmstadt – cdo-atlas');
  await page.context().close();
});

test('a deep link to a profile works on reload, and an unknown id says so', async () => {
  const page = await open('/entity/hamburg');
  await page.getByRole('heading', { level: 1, name: 'Hamburg' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Hamburg' }).waitFor();
  await page.goto(`${app.base}/entity/atlantis`);
  await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
  await page.context().close();
});

test('an address that names no entry offers a search for what it named, which finds it', async () => {
  const page = await open('/entity/dusseldorf');
  await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
  await page.getByRole('link', { name: 'Im Explorer nach „dusseldorf“ suchen' }).click();
  await page.waitForURL((u) => u.pathname === '/explore' && u.searchParams.get('q') === 'dusseldorf');
  const rows = page.locator('.explore-table tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await rows.locator('th > a').allTextContents(), ['Düsseldorf']);
  // Any unknown path, decoded, the slug's hyphens as spaces, in the language of the address.
  await page.goto(`${app.base}/en/stadt/frankfurt-am-main`);
  await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  const search = page.getByRole('link', { name: 'Search the explorer for “frankfurt am main”' });
  assert.equal(await search.getAttribute('href'), '/en/explore?q=frankfurt%20am%20main');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('dataset answered with HTTP 500 shows the error state, and retry recovers', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }));
  await page.goto(app.base + '/');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 500/);
  await page.unroute(DATA_ROUTE);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.locator('[data-testid=entity-list] > li').first().waitFor();
  assert.equal(await page.locator('[data-testid=entity-list] > li').count(), DATASET.entities.length);
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('a broken JSON body shows the error state naming the reason', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": "1.0", "entities": [' }),
  );
  await page.goto(app.base + '/');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /kein gültiges JSON/);
  assert.ok(await page.getByRole('button', { name: 'Erneut versuchen' }).isVisible());
  await context.close();
});

test('one bad entry is reported by name and field; every good one still shows', async () => {
  const broken = structuredClone(DATASET);
  broken.entities[3].land = 'DE-XX';
  broken.entities[3].name = '<img src=x onerror="window.pwned=1">';
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
  await page.goto(app.base + '/');
  const notice = page.locator('.rejected');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /Feld „land“: „DE-XX“ ist kein Land-Code/);
  assert.match(text, /<img src=x onerror/, 'the payload is shown as text');
  assert.equal(await page.locator('.rejected img').count(), 0, 'never injected as HTML');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('[data-testid=entity-list] > li').count(), DATASET.entities.length - 1);
  await context.close();
});

test('the language switch changes every string and <html lang>, and is remembered', async () => {
  const page = await open('/entity/heidelberg');
  await page.getByRole('heading', { level: 1, name: 'Heidelberg' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Office holders' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('main').textContent(), /Digital agency instead of a CDO/);
  await page.reload();
  await page.getByRole('heading', { name: 'Office holders' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('link', { name: 'Auf Deutsch umschalten' }).click();
  await page.getByRole('heading', { name: 'Amtsinhaber:innen' }).waitFor();
  await page.context().close();
});

test('the path names its language: a link passed on opens as it was read, and links and the map keep it', async () => {
  // A reader without a remembered choice opens an English link.
  const page = await open('/en/entity/heidelberg');
  await page.getByRole('heading', { name: 'Office holders' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('main .notice').count(), 0);
  // Every link carries it (nav, profiles, onward links), and following one keeps it.
  assert.equal(await page.locator('.site-header nav a[href="/en/explore"]').count(), 1);
  assert.equal(await page.locator('a[rel=next][href^="/en/entity/"]').count(), 1);
  await page.locator('.site-header nav').getByRole('link', { name: 'Map' }).click();
  await page.waitForURL((u) => u.pathname === '/en/map' && u.search === '');
  // The map rewrites its address itself (zoom, pan): the language stays in it.
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has('z') && u.pathname === '/en/map');
  const zoomed = new URL(page.url());
  // A link in German's form (none of ours; one typed into a page, say) opens in German: the path
  // wins, as it does for the pre-rendered page of that address.
  await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: '/about', textContent: 'plain link' });
    document.querySelector('main').prepend(a);
  });
  await page.getByRole('link', { name: 'plain link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Über cdo-atlas' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/about');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/en/map' && u.searchParams.has('z'));
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  // Switching is a preference, not a step back: it rewrites the entry and keeps the view.
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Auf Deutsch umschalten' }).click();
  await page.waitForURL((u) => u.pathname === '/map' && u.searchParams.get('z') === zoomed.searchParams.get('z'));
  await page.getByRole('heading', { level: 1, name: 'Karte der Modelle' }).waitFor();
  assert.equal(await page.evaluate(() => history.length), entries);
  assert.equal(await page.locator('.site-header nav a[href="/explore"]').count(), 1);
  // Back: the entry named English, so it opens in English again.
  await page.goBack();
  await page.getByRole('heading', { name: 'Office holders' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/en/entity/heidelberg');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // The path wins over a remembered choice (the page was pre-rendered in its path's language,
  // and a link shows what its sender saw); only the root, which names no choice, opens in the
  // remembered language, its address rewritten to name it.
  const remembered = await open('/about', { remembered: 'en' });
  await remembered.getByRole('heading', { level: 1, name: 'Über cdo-atlas' }).waitFor();
  assert.equal(new URL(remembered.url()).pathname, '/about');
  await remembered.context().close();
  const root = await open('/', { remembered: 'en' });
  await root.waitForURL((u) => u.pathname === '/en/');
  await root.getByRole('heading', { level: 1, name: 'All cities and Länder' }).waitFor();
  await root.context().close();

  // An address of the older form (`?lang=en`) moves to its path, keeping its query, in place.
  const older = await open('/explore?lang=en&q=bonn');
  await older.waitForURL((u) => u.pathname === '/en/explore' && u.search === '?q=bonn');
  await older.getByRole('heading', { level: 1, name: /^Explorer: filter and sort/ }).waitFor();
  const olderEntries = await older.evaluate(() => history.length);
  await older.context().close();
  const plain = await open('/en/explore');
  await plain.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(olderEntries, await plain.evaluate(() => history.length), 'no entry left behind');
  await plain.context().close();

  // A language the app does not have: named in the notice, the page in German.
  const unknown = await open('/about?lang=fr');
  await unknown.getByText(/versteht die Seite nicht.*: lang/).waitFor();
  assert.equal(await unknown.getAttribute('html', 'lang'), 'de');
  await unknown.context().close();
});

test('the interview series, question by question: every interviewed city once per question, gaps said, each answer linked to its interview', async () => {
  const interviewed = DATASET.entities.filter((e) => e.interview);
  const page = await open('/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Interviews' }).click();
  await page.waitForURL(`${app.base}/series`);
  const questions = page.locator('section.question');
  await questions.first().waitFor();
  assert.deepEqual(await page.locator('section.question h2').allTextContents(), [
    'Warum dieses Modell?', 'Was wird erwartet?', 'Ziele und erste Projekte', 'Wie wird Erfolg gemessen?',
  ]);
  const keys = ['reasons', 'expectations', 'goals', 'measurement'];
  for (let q = 0; q < keys.length; q++) {
    const cards = questions.nth(q).locator('li.answer');
    assert.deepEqual(await cards.locator('h3').allTextContents(), interviewed.map((e) => e.name));
    for (let i = 0; i < interviewed.length; i++) {
      const e = interviewed[i];
      const answer = e.interview.answers[keys[q]];
      const card = cards.nth(i);
      // The paraphrase as the dataset has it, or "nicht angegeben" where the interview is silent.
      if (answer) assert.equal(await card.locator('p').first().textContent(), answer.de);
      else assert.equal(await card.locator('p.not-stated').textContent(), 'nicht angegeben');
      const link = card.locator('p.source a');
      assert.equal(await link.getAttribute('href'), e.interview.url);
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await link.textContent(), `Interview mit ${e.interview.interviewee}`);
      assert.equal(await card.locator('h3 a').getAttribute('href'), `/entity/${e.id}`);
    }
  }
  assert.ok((await page.locator('p.not-stated').count()) > 0, 'the shipped data has gaps (Hamburg)');
  // Each question has an address: the list of questions leads there and gives the heading focus,
  // and that address opened afresh shows the question once the interviews have loaded.
  await page.getByRole('navigation', { name: 'Die Fragen' }).getByRole('link', { name: 'Wie wird Erfolg gemessen?' }).click();
  await page.waitForURL(`${app.base}/series#question-4`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'question-4');
  const deep = await open('/series#question-3', { width: 360, height: 640 });
  await deep.locator('#question-3').waitFor();
  await deep.waitForFunction(() => {
    const top = document.getElementById('question-3').getBoundingClientRect().top;
    return top >= 0 && top < innerHeight;
  });
  await deep.context().close();
  // In English, the same page with the English paraphrases.
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 2, name: 'How is success measured?' }).waitFor();
  assert.equal(await questions.nth(1).locator('li.answer').first().locator('p').first().textContent(), interviewed[0].interview.answers.expectations.en);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the series page of a dataset without interviews says so instead of showing nothing', async () => {
  const none = structuredClone(DATASET);
  for (const e of none.entities) delete e.interview;
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(none) }));
  await page.goto(app.base + '/series');
  await page.getByText('Der Datensatz enthält keine Interviews der Reihe.').waitFor();
  assert.equal(await page.locator('section.question').count(), 0);
  assert.equal(await page.locator('.interviews .toc').count(), 0);
  await context.close();
});

for (const [name, path, ready] of [
  ['overview', '/', '[data-testid=entity-list] > li'],
  ['profile', '/entity/kaiserslautern', '.sources li'],
  ['about', '/about', '.headlines'],
  ['interview series', '/series', 'li.answer'],
]) {
  test(`axe finds no WCAG 2 A/AA violations on the ${name}`, async () => {
    for (const lang of ['de', 'en']) {
      const page = await open(path, { lang });
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await axe(page), [], `${name} (${lang})`);
      await page.context().close();
    }
  });
}

test('on a phone the timeline is swiped sideways, and a shadow at an edge says more lies that way', async () => {
  const page = await open('/', { width: 360 });
  const scroller = page.locator('figure[aria-labelledby=chart-timeline-title] .chart-scroll');
  await scroller.locator('a').first().waitFor();
  assert.ok(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth + 50), 'wider than its box');
  // Brightness of the scroll box's leftmost and rightmost pixels, just under its top edge (no
  // marks there), read back from a screenshot by the page itself.
  const edges = async () => {
    const png = (await scroller.screenshot()).toString('base64');
    return page.evaluate(async (png) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const light = (x) => { const [r, g, b] = ctx.getImageData(x, 4, 1, 1).data; return r + g + b; };
      return { left: light(1), right: light(bitmap.width - 2) };
    }, png);
  };
  const start = await edges();
  assert.ok(start.right < start.left - 30, `a shadow on the right at the start: ${JSON.stringify(start)}`);
  await scroller.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
  const end = await edges();
  assert.ok(end.left < end.right - 30, `a shadow on the left at the end: ${JSON.stringify(end)}`);
  await page.context().close();
});

test('no horizontal scrolling at 360 px', async () => {
  for (const [path, ready] of [['/', 'main h1'], ['/entity/baden-wuerttemberg', 'main h1'], ['/about', 'main h1'], ['/series', 'li.answer']]) {
    const page = await open(path, { width: 360 });
    await page.locator(ready).first().waitFor();
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    await page.context().close();
  }
});

test('on phones and tablets the header switches sit beside the name, and focus still goes name, navigation, switches', async () => {
  // The heading is higher on the first screen: a row of switches of their own put it at 251 px
  // on a phone, at 192 px at 700 px.
  for (const [width, h1Above] of [[360, 240], [700, 180]]) {
    const page = await open('/', { width });
    await page.locator(APP_H1).waitFor();
    const box = (selector) => page.locator(selector).boundingBox();
    const [name, nav, language, theme] = await Promise.all(['.brand-name', '.site-header nav', '.lang-switch', '.theme-switch'].map(box));
    for (const control of [language, theme]) {
      assert.ok(control.y < name.y + name.height && name.y < control.y + control.height, `${width}: on the row of the name`);
      assert.ok(control.y + control.height <= nav.y, `${width}: above the navigation`);
      assert.ok(control.x > name.x + name.width, `${width}: right of the name`);
    }
    assert.ok((await box('main h1')).y < h1Above, `${width}: h1 at ${(await box('main h1')).y}px`);
    await page.locator('.brand a').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('nav')?.getAttribute('aria-label')), 'Hauptnavigation');
    await page.context().close();
  }
});

test('a profile links on to the map, centred on it, and to its neighbours', async () => {
  const page = await open('/entity/darmstadt');
  await page.getByRole('heading', { level: 1, name: 'Darmstadt' }).waitFor();
  const more = page.getByRole('navigation', { name: 'Weiter im Atlas' });
  assert.equal(await more.getByRole('link', { name: 'Dortmund' }).getAttribute('rel'), 'next');
  assert.equal(await more.getByRole('link', { name: 'Cottbus/Chóśebuz' }).getAttribute('rel'), 'prev');
  await more.getByRole('link', { name: 'Auf der Karte zeigen' }).click();
  await page.waitForURL(/\/map\?z=4&x=\d+&y=\d+/);
  await page.locator('.marker[data-id=darmstadt]').waitFor();
  await page.context().close();
});

test('a profile shows the series questions, with "nicht angegeben" where the interview is silent', async () => {
  const page = await open('/entity/hamburg');
  const series = page.locator('section.series');
  await series.waitFor();
  assert.equal(await series.getByRole('heading', { level: 2 }).textContent(), 'Fragen der Reihe');
  const questions = await series.locator('dt').allTextContents();
  assert.deepEqual(questions, ['Warum dieses Modell?', 'Was wird erwartet?', 'Ziele und erste Projekte', 'Wie wird Erfolg gemessen?']);
  const answers = await series.locator('dd').allTextContents();
  assert.equal(answers[0], 'nicht angegeben');
  assert.match(answers[3], /Keine Kennzahlen/);
  assert.match(await series.locator('a').first().getAttribute('href'), /^https:\/\/vdz\.org\//);
  // On to the same questions across every interview.
  await series.getByRole('link', { name: 'Alle Interviews der Reihe, Frage für Frage' }).click();
  await page.waitForURL(`${app.base}/series`);
  await page.locator('section.question li.answer').first().waitFor();
  await page.context().close();
});

test('the about page defines both axes, links the five examples and names Stand and licences', async () => {
  const page = await open('/about');
  await page.locator('.examples li').first().waitFor();
  const examples = page.locator('.examples a');
  assert.deepEqual(await examples.allTextContents(), ['Darmstadt', 'Düsseldorf', 'Kaiserslautern', 'Hamburg', 'Heidelberg']);
  assert.equal(await page.locator('.definitions dt').count(), 5 + 8);
  const text = await page.locator('main').textContent();
  assert.match(text, /Stand der Daten: 4\. Dezember 2026/);
  assert.match(text, /© GeoBasis-DE \/ BKG 2017/);
  await examples.first().click();
  await page.waitForURL(`${app.base}/entity/darmstadt`);
  await page.context().close();
});

test('a new version or newer data, announced while a page is read, shows at the bottom of the screen and moves nothing', async () => {
  const page = await open('/entity/koeln', { width: 412, height: 823 });
  await page.locator('.citation').waitFor();
  const h1 = await page.locator('main h1').boundingBox();
  await page.evaluate(() => {
    window.__shift = 0;
    window.__shifts = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; });
    window.__shifts.observe({ type: 'layout-shift' });
    // What web/register.js does when the service worker reports (the harness blocks workers).
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new Event('cdo:update-ready'));
    document.documentElement.dataset.data = 'updated';
    window.dispatchEvent(new Event('cdo:data-updated'));
  });
  const banners = page.locator('.banner');
  await banners.nth(1).waitFor();
  for (let i = 0; i < 2; i++) {
    const box = await banners.nth(i).boundingBox();
    assert.ok(box.y > 823 / 2 && box.y + box.height <= 823, `banner ${i} at ${box.y}–${box.y + box.height}px`);
  }
  // Two frames on, the banners have been laid out and any shift they caused recorded.
  await settled(page);
  assert.deepEqual(await page.locator('main h1').boundingBox(), h1);
  assert.equal(await page.evaluate(() => window.__shifts.takeRecords().reduce((sum, e) => sum + e.value, window.__shift)), 0);
  await page.context().close();
});

test('a profile says how to cite it: its name, the Stand and its own address, in the language it is read in', async () => {
  for (const [lang, heading, cite] of [
    ['de', 'Zitieren', /^cdo-atlas \(2026\): Köln\. In: Wer führt .*\. Datensatz, Stand 4\. Dezember 2026\. Lizenz: CC BY 4\.0\. http:\/\/127\.0\.0\.1:\d+\/entity\/koeln$/],
    ['en', 'How to cite', /^cdo-atlas \(2026\): Köln\. In: Who leads .*\. Dataset, as of 4 December 2026\. Licence: CC BY 4\.0\. http:\/\/127\.0\.0\.1:\d+\/en\/entity\/koeln$/],
  ]) {
    const page = await open('/entity/koeln', { lang });
    const section = page.getByRole('region', { name: heading });
    await section.waitFor();
    assert.match(await section.locator('.citation').textContent(), cite);
    await page.context().close();
  }
});

test('the about page offers the dataset and its schema as files, and a citation with its Stand', async () => {
  for (const [lang, file, cite] of [
    ['de', 'Datensatz (JSON)', /^cdo-atlas \(2026\): Wer führt .*\. Datensatz, Stand 4\. Dezember 2026\. Lizenz: CC BY 4\.0\. http:\/\/127\.0\.0\.1:\d+\/$/],
    ['en', 'Dataset (JSON)', /^cdo-atlas \(2026\): Who leads .*\. Dataset, as of 4 December 2026\. Licence: CC BY 4\.0\. http:\/\/127\.0\.0\.1:\d+\/en\/$/],
  ]) {
    const page = await open('/about', { lang });
    const citation = page.locator('.citation');
    await citation.waitFor();
    assert.match(await citation.textContent(), cite);
    // The file a reader saves is the dataset itself: every entry, every source.
    const link = page.getByRole('link', { name: file });
    assert.equal(await link.getAttribute('download'), 'cdo-atlas.json');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved.entities.map((e) => e.id), DATASET.entities.map((e) => e.id));
    const schema = page.locator('.data-files a[download="cdo-atlas.schema.json"]');
    const response = await page.request.get(new URL(await schema.getAttribute('href'), app.base).href);
    assert.match((await response.json()).$schema, /^https:\/\/json-schema\.org\//);
    await page.context().close();
  }
});

test('the about page offers every file for reuse with its format, size and licence, each one served', async () => {
  const index = JSON.parse(fs.readFileSync(`${DIST}/data/cdo-atlas.index.json`, 'utf8'));
  const files = index.files.map((f) => f.name);
  assert.deepEqual(files, ['cdo-atlas.json', 'cdo-atlas.csv', 'cdo-atlas.sources.csv', 'datapackage.json', 'cdo-atlas.schema.json', 'cdo-atlas.changelog.json', 'cdo-atlas.dcat.jsonld']);
  for (const [lang, labels] of [
    ['de', ['Datensatz (JSON)', 'Alle Einträge und Zeiträume (CSV, eine Zeile je Eintrag und Zeitraum)', 'Alle Quellen (CSV)']],
    ['en', ['Dataset (JSON)', 'All entries and periods (CSV, one row per entry and period)', 'All sources (CSV)']],
  ]) {
    const page = await open('/about', { lang });
    const items = page.locator('.data-files li');
    await items.locator('.file-meta').first().waitFor();
    assert.equal(await items.count(), files.length);
    assert.deepEqual((await items.locator('a').allTextContents()).slice(0, 3), labels);
    for (const [i, name] of files.entries()) {
      const link = items.nth(i).locator('a');
      assert.equal(await link.getAttribute('href'), `/data/${name}`);
      assert.equal(await link.getAttribute('download'), name);
      // The size the index carries is the served file's, as the page writes it (1 KB = 1,024 bytes).
      const bytes = fs.statSync(`${DIST}/data/${name}`).size;
      const kb = Math.round(bytes / 1024).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
      const format = name.endsWith('.csv') ? 'CSV' : name.endsWith('.jsonld') ? 'JSON-LD' : 'JSON';
      assert.equal(await items.nth(i).locator('.file-meta').textContent(), `${format} · ${kb} KB · CC BY 4.0`);
      const response = await page.request.get(new URL(`/data/${name}`, app.base).href);
      assert.equal(response.status(), 200, name);
      assert.equal((await response.body()).length, bytes, name);
    }
    await page.context().close();
  }
});

test('the about page says what is new in the data, newest first; a profile whose entry changed links to it', async () => {
  const index = JSON.parse(fs.readFileSync(`${DIST}/data/cdo-atlas.index.json`, 'utf8'));
  for (const [lang, title, first, counts, named] of [
    ['de', 'Was ist neu', 'Version 1.0.0 · 5. Dezember 2026', '69 neue Einträge · 25 Einträge geändert', /^Geändert: Köln, Aachen, Bielefeld, /],
    ['en', "What's new", 'Version 1.0.0 · 5 December 2026', '69 entries added · 25 entries changed', /^Changed: Köln, Aachen, Bielefeld, /],
  ]) {
    const page = await open('/about', { lang });
    const heading = page.getByRole('heading', { level: 2, name: title });
    await heading.waitFor();
    assert.equal(await heading.getAttribute('id'), 'whats-new');
    const changes = page.locator('.changes > li');
    assert.equal(await changes.count(), index.changes.length);
    assert.equal(await changes.first().locator('h3').textContent(), first);
    assert.equal(await changes.first().locator('p').first().textContent(), index.changes[0][lang]);
    const entries = await page.locator('.change-entries').allTextContents();
    assert.ok(entries.includes(counts), 'many entries are counted');
    // A change of a few entries names them.
    const few = await changes.filter({ hasText: 'administrative_unit' }).locator('.change-entries').textContent();
    assert.match(few, named);
    assert.equal(few.split(', ').length, 15);
    await page.context().close();
  }
  const page = await open('/entity/koeln');
  const note = page.locator('.entry-changed');
  await note.waitFor();
  assert.equal(await note.textContent(), 'Eintrag zuletzt geändert am 4. Dezember 2026. Was ist neu');
  await note.getByRole('link', { name: 'Was ist neu' }).click();
  await page.waitForURL(`${app.base}/about#whats-new`);
  await page.getByRole('heading', { level: 2, name: 'Was ist neu' }).waitFor();
  await page.context().close();
});

test('overview charts: a bar filters the explorer; every chart has a description and a table', async () => {
  const page = await open('/');
  const charts = page.locator('figure.chart');
  await charts.first().waitFor();
  // Models, creation years, and the models year by year (issue #23, history.test.mjs).
  assert.equal(await charts.count(), 3);
  for (const chart of await charts.all()) {
    assert.ok((await chart.locator('.chart-desc').textContent()).length > 20);
    assert.ok((await chart.locator('details table tbody tr').count()) > 0, 'table fallback');
  }
  const timelineRows = await charts.nth(1).locator('details table tbody tr').count();
  const dated = DATASET.entities.filter((e) => e.periods[0].since).length;
  assert.equal(timelineRows, dated, 'one timeline mark per entity with a year');
  // The bars are HTML, their text at the page's size (an SVG scaled to a phone made it ~6 px).
  const departments = DATASET.entities.filter((e) => e.periods.at(-1).form === 'department').length;
  const bar = page.locator(`figure.chart .bar-chart a[aria-label^="Dezernat oder Referat: ${departments}"]`);
  assert.ok(parseFloat(await bar.evaluate((a) => getComputedStyle(a.querySelector('.bar-label')).fontSize)) >= 14);
  await bar.click();
  await page.waitForURL(/\/explore\?model=department/);
  await page.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(await page.locator('.explore-table tbody tr').count(), Math.min(departments, 25), 'its first page');
  await page.context().close();
});

test('dark scheme: from the system, a remembered toggle, and axe passes in light and dark', async () => {
  const context = await app.newContext({ colorScheme: 'dark', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.goto(app.base + '/');
  await page.locator('[data-testid=entity-list] > li').first().waitFor();
  assert.equal(await theme(), 'dark', 'the system says dark');
  assert.equal(await background(), 'rgb(20, 23, 27)');
  const toggle = page.getByRole('button', { name: 'Dunkel', exact: true });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // Switched on shows as such, not by colour alone: filled, with a check mark outside its name.
  const look = () => toggle.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b, '::before').content]);
  const [onFill, onMark] = await look();
  assert.notEqual(onMark, 'none');
  for (const path of ['/', '/map', '/explore', '/compare?ids=darmstadt,hamburg', '/entity/darmstadt', '/about']) {
    await page.goto(app.base + path);
    await page.locator(APP_H1).waitFor();
    await settled(page);
    assert.deepEqual((await axe(page)).map((v) => `${path}: ${v}`), []);
  }
  await toggle.click();
  assert.equal(await theme(), 'light');
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.reload();
  await page.locator(APP_H1).waitFor();
  assert.equal(await theme(), 'light', 'the choice is remembered over the system');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const [offFill, offMark] = await look();
  assert.equal(offMark, 'none');
  assert.notEqual(offFill, onFill);
  await context.close();
});

test('print: the map with its legend (not its controls), the overview with its timeline whole', async () => {
  const page = await open('/map', { width: 700, height: 1000 });
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const legend = page.locator('.legend-item');
  assert.ok((await legend.count()) >= 5);
  assert.ok(await legend.first().isVisible(), 'the legend says what the marks mean');
  for (const selector of ['.map-controls', '.map-download', '.map-help', '.legend-help']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });
  await page.goto(app.base + '/');
  const timeline = page.locator('svg.chart-svg.timeline');
  await timeline.waitFor();
  await page.emulateMedia({ media: 'print' });
  const [svg, figure] = await Promise.all([
    timeline.evaluate((e) => e.getBoundingClientRect().right),
    timeline.evaluate((e) => e.closest('figure').getBoundingClientRect().right),
  ]);
  assert.ok(svg <= figure, `the timeline ends inside its figure (${svg} ≤ ${figure})`);
  assert.equal(await page.locator('.chart details').first().isVisible(), false, 'a folded table is not printed');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.chart details summary').first().click();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.chart details table').first().isVisible(), 'an unfolded one is');
  await page.context().close();
});

test('print: profile, compare and series without navigation or controls, sources with their full URLs', async () => {
  const context = await app.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(app.base + '/entity/darmstadt');
  await page.locator(APP_H1).waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header nav', '.lang-switch', '.theme-switch', 'nav.more']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
  }
  const source = page.locator('main a[href^="https://"]').first();
  const href = await source.getAttribute('href');
  const after = await source.evaluate((a) => getComputedStyle(a, '::after').content);
  assert.equal(after, `" <${href}>"`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(255, 255, 255)', 'paper is white even in the dark scheme');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF of the profile renders');
  await page.goto(app.base + '/compare?ids=darmstadt,hamburg');
  await page.locator('.compare-table').waitFor();
  assert.equal(await page.locator('.compare-controls').first().isVisible(), false);
  assert.equal(await page.locator('.compare-table').isVisible(), true);
  // The series on paper: the answers with their interviews' addresses, not the list of links.
  await page.goto(app.base + '/series');
  await page.locator('li.answer').first().waitFor();
  assert.equal(await page.locator('.interviews .toc').isVisible(), false);
  const interview = page.locator('li.answer .source a').first();
  assert.equal(await interview.evaluate((a) => getComputedStyle(a, '::after').content), `" <${await interview.getAttribute('href')}>"`);
  await context.close();
});

test('the about page lists the large cities not covered yet, each with the report form filled in for it', async () => {
  const page = await open('/about');
  const list = page.locator('ul.not-covered');
  await list.waitFor();
  assert.equal(await list.locator('li').count(), DATASET.not_covered.length);
  assert.ok(DATASET.not_covered.length > 0);
  const first = DATASET.not_covered[0].name;
  await list.getByRole('link', { name: `${first} melden` }).click();
  await page.waitForURL(new RegExp(`/report\\?name=${encodeURIComponent(first)}$`));
  const name = page.locator('#name');
  await name.waitFor();
  assert.equal(await name.inputValue(), first);
  // No notice about an unknown parameter: the form reads `name`.
  assert.equal(await page.getByText(/ignoriert/).count(), 0);
  await page.goto(`${app.base}/about`);
  // The page's own code arrives after its heading (a module of its own).
  await page.locator('p.figures').waitFor();
  assert.match(await page.locator('main').textContent(), /Statistisches Bundesamt \(Destatis\)/);
  // The editors' figures, as the data check prints them (from the index's header).
  const figures = await page.locator('p.figures').textContent();
  assert.match(figures, new RegExp(`^${DATASET.entities.length} Einträge mit [\\d.]+ Angaben, davon [\\d.]+ mit Quelle; [\\d.]+ zuletzt vor 2022 belegt`));
  await page.context().close();
});

test('a holder last confirmed before 2022 is marked as possibly out of date, with a link to report an update', async () => {
  const page = await open('/entity/bonn');
  await page.locator('.sources li').first().waitFor();
  const holders = page.locator('section[aria-labelledby=holders-title]');
  assert.match(await holders.textContent(), /zuletzt belegt: Oktober 2019 \(möglicherweise nicht mehr aktuell\)/);
  await holders.getByRole('link', { name: 'Aktualisierung melden' }).click();
  await page.waitForURL(/\/report\?name=Bonn$/);
  await page.locator('#name').waitFor();
  assert.equal(await page.locator('#name').inputValue(), 'Bonn');
  // A holder confirmed since 2022 is not marked.
  await page.goto(`${app.base}/entity/hamburg`);
  await page.locator('.sources li').first().waitFor();
  assert.doesNotMatch(await page.locator('main').textContent(), /möglicherweise nicht mehr aktuell/);
  await page.context().close();
});
