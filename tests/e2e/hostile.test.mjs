// A representative sample of the hostile and broken datasets of tests/fixtures/ served in place
// of the real one: the page stays readable, good entries are kept, nothing from the data runs
// as script, and no javascript: link appears. (Each fixture's exact outcome is asserted natively
// by crates/model/tests/fixtures.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { useApp, settled, DATA_ROUTE, APP_H1 } from './harness.mjs';

const app = useApp();
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** A page in a context of its own that collects page errors and dialogs in `page.errors`. */
async function watchedPage() {
  const context = await app.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.errors = errors;
  return page;
}

/** Opens `route` with `fixture` as the dataset; returns the page. */
async function openWith(fixture, route = '/') {
  const page = await watchedPage();
  const body = fs.readFileSync(path.join(fixtures, fixture));
  await page.route(DATA_ROUTE, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(app.base + route);
  return page;
}

/** What must hold on every page, whatever the data: readable, nothing ran, no script links. */
async function assertSafe(page, label) {
  await page.locator(APP_H1).first().waitFor();
  // The data is in and drawn: whatever of it could have become markup or script has by now.
  await settled(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${label}: a payload ran`);
  // The app draws everything inside its frame; no script is a child of <body> but the build's.
  assert.equal(await page.locator('body script:not(body > script), body img[src=x], body [onerror]').count(), 0, `${label}: markup from the data in the DOM`);
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) assert.ok(!/^\s*(javascript|data|vbscript):/i.test(href), `${label}: link ${href}`);
  assert.deepEqual(page.errors, [], `${label}: page errors`);
}

const cards = (page) => page.locator('[data-testid=entity-list] > li');

test('script and markup payloads in every text field are shown as text and never run', async () => {
  const page = await openWith('script-payloads-everywhere.json');
  await cards(page).first().waitFor();
  assert.equal(await cards(page).count(), 3);
  assert.match(await page.locator('[data-testid=entity-list]').textContent(), /<script>window\.__pwned = 1<\/script> Darmstadt/);
  await assertSafe(page, 'overview');
  for (const route of ['/entity/darmstadt', '/entity/hamburg', '/explore', '/compare?ids=darmstadt,hamburg', '/map']) {
    await page.goto(app.base + route);
    await assertSafe(page, route);
  }
  await page.context().close();
});

test('javascript: and data: URLs reject their entry, shown as text; the others stay', async () => {
  for (const [fixture, bad, kept] of [
    ['javascript-url.json', 'Darmstadt', ['Hamburg', 'Heidelberg']],
    ['data-url.json', 'Hamburg', ['Darmstadt', 'Heidelberg']],
    ['javascript-interview-url.json', 'Heidelberg', ['Darmstadt', 'Hamburg']],
  ]) {
    const page = await openWith(fixture);
    await cards(page).first().waitFor();
    assert.deepEqual(await page.locator('[data-testid=entity-list] > li a').allTextContents(), kept);
    const rejected = page.locator('.rejected');
    assert.match(await rejected.textContent(), new RegExp(`${bad}.*keine http\\(s\\)-Adresse`, 's'));
    await assertSafe(page, fixture);
    await page.goto(`${app.base}/entity/${kept[0].toLowerCase()}`);
    await assertSafe(page, `${fixture} profile`);
    await page.context().close();
  }
});

test('broken files give a readable error with a retry, never a blank page', async () => {
  for (const [fixture, message] of [
    ['html-error-page.json', /eine Webseite \(HTML\)/],
    ['empty-body.json', /ist leer/],
    ['truncated.json', /kein gültiges JSON/],
    ['deep-nesting.json', /kein gültiges JSON \(recursion limit exceeded/],
    ['top-level-array.json', /nicht die Form eines Datensatzes/],
    ['schema-major-3.json', /Schema-Version „3\.0“/],
  ]) {
    const page = await openWith(fixture);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), message, fixture);
    assert.equal(await page.getByRole('button', { name: 'Erneut versuchen' }).isVisible(), true);
    await assertSafe(page, fixture);
    await page.context().close();
  }
});

test('oversized, control-character and all-bad entries are reported; the page stays usable', async () => {
  const big = await openWith('five-megabyte-string.json');
  await cards(big).first().waitFor();
  assert.deepEqual(await big.locator('[data-testid=entity-list] > li a').allTextContents(), ['Hamburg', 'Heidelberg']);
  assert.match(await big.locator('.rejected').textContent(), /Eintrag 1 \(A{80}…, id: darmstadt\)Feld „name“: zu lang \(5242880 Zeichen, höchstens 200\)/);
  await assertSafe(big, 'five-megabyte-string');
  await big.context().close();

  const bidi = await openWith('bidi-and-control-characters.json');
  await cards(bidi).first().waitFor();
  assert.match(await bidi.locator('.rejected').textContent(), /U\+202E/);
  await assertSafe(bidi, 'bidi');
  await bidi.context().close();

  const none = await openWith('every-entry-bad.json', '/explore');
  await none.locator('.rejected').waitFor();
  assert.match(await none.locator('.rejected').textContent(), /3/);
  await none.getByText('Keine Einträge passen zu diesen Filtern.').waitFor();
  await assertSafe(none, 'every-entry-bad');
  await none.context().close();
});

test('emoji, right-to-left and zero-width text display and can be found', async () => {
  const page = await openWith('zero-width-and-rtl-text.json', '/explore?q=darmstadt');
  await page.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(await page.locator('.explore-table tbody tr').count(), 1, 'a zero-width space does not hide Darmstadt from search');
  await assertSafe(page, 'zero-width');
  await page.context().close();
  const emoji = await openWith('emoji.json', '/entity/darmstadt');
  await emoji.getByRole('heading', { level: 1, name: 'Darmstadt 🏙️' }).waitFor();
  await assertSafe(emoji, 'emoji');
  await emoji.context().close();
});

test('garbage, unknown and oversized URL parameters on every route degrade with a notice', async () => {
  const huge = encodeURIComponent('<script>x</script>'.repeat(400));
  const cases = [
    ['/', `?utm_source=x&${huge}=1`, '[data-testid=entity-list] > li', /versteht die Seite nicht.*utm_source/s],
    ['/about', '?lang=xx', APP_H1, /ignoriert: lang/],
    ['/entity/darmstadt', '?tab=%00%ff', APP_H1, /ignoriert: tab/],
    ['/map', `?z=NaN&x=1e999&axis=<b>&hide=${huge}&foo=1`, 'svg[data-testid=map] .marks > *', /ignoriert: foo.*zu lang.*hide/s],
    ['/explore', `?q=${'d'.repeat(300)}&sort=colour&page=-1&bar=2`, '.explore-main', /ignoriert: bar.*zu lang.*: q/s],
    ['/compare', `?ids=${'x,'.repeat(2000)}darmstadt&diff=maybe&baz`, 'main:not([data-prerendered]) .compare h1', /ignoriert: baz.*zu lang.*ids/s],
  ];
  for (const [path, query, ready, notice] of cases) {
    const page = await app.open(path + query);
    await page.locator(ready).first().waitFor();
    const notices = (await page.locator('main .notice').allTextContents()).join(' ');
    assert.match(notices, notice, `${path}${query.slice(0, 60)}`);
    assert.deepEqual(page.errors, [], path);
    assert.equal(await page.locator('body script:not(body > script)').count(), 0);
    await page.context().close();
  }
  // A garbage path: the not-found page, not a crash.
  const lost = await app.open('/entity/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await lost.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await lost.locator('main').textContent(), /nicht gefunden|gibt es nicht/i);
  assert.deepEqual(lost.errors, []);
  await lost.context().close();
});

test('bytes that are not UTF-8 become U+FFFD, as a browser decodes text; every entry still shows', async () => {
  const context = await app.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  // "Darmstadt" followed by a lone continuation byte and a truncated two-byte sequence.
  const text = fs.readFileSync(path.resolve(fixtures, '../../public/data/cdo-atlas.json'));
  const at = text.indexOf(Buffer.from('"name": "Darmstadt"'));
  assert.ok(at > 0, 'the dataset names Darmstadt');
  const end = at + Buffer.byteLength('"name": "Darmstadt');
  const body = Buffer.concat([text.subarray(0, end), Buffer.from([0x80, 0xc3]), text.subarray(end)]);
  await page.route(DATA_ROUTE, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(app.base + '/');
  const cards = page.locator('[data-testid=entity-list] > li');
  await cards.first().waitFor();
  const count = JSON.parse(text.toString('utf8')).entities.length;
  assert.equal(await cards.count(), count);
  assert.equal(await page.locator('[data-testid=entity-list] a[href="/entity/darmstadt"]').textContent(), 'Darmstadt\u{fffd}\u{fffd}');
  await assertSafe(page, 'invalid UTF-8');
  await context.close();
});

test('a tampered index: payloads show as text, a bad value rejects its entry by name, the rest stays', async () => {
  const page = await watchedPage();
  const index = JSON.parse(fs.readFileSync(path.resolve(fixtures, '../../public/data/cdo-atlas.index.json'), 'utf8'));
  const c = index.columns;
  const count = c.id.length;
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned = 1</script>';
  c.name[0] = `${payload} ${c.name[0]}`;
  c.title[0] = payload;
  c.holder[0] = payload;
  c.search[0] = payload;
  c.land[1] = 'DE-XX';
  const rejectedName = c.name[1];
  // Served as the index only: the dataset itself stays as built.
  await page.route('**/data/cdo-atlas.index.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) }));
  await page.goto(app.base + '/');
  const cards = page.locator('[data-testid=entity-list] > li');
  await cards.first().waitFor();
  assert.equal(await cards.count(), count - 1);
  assert.match(await page.locator('[data-testid=entity-list]').textContent(), /<img src=x onerror="window\.__pwned=1"><script>window\.__pwned = 1<\/script> /);
  assert.match(await page.locator('.rejected').textContent(), new RegExp(`${rejectedName}.*DE-XX`, 's'));
  await assertSafe(page, 'tampered index: overview');
  for (const route of ['/explore', '/map', `/entity/${c.id[0]}`]) {
    await page.goto(app.base + route);
    await assertSafe(page, `tampered index: ${route}`);
  }
  await page.context().close();
});

test('a dataset of the previous schema (1.1, as a cache may still hold it) reads in full: lists, profile and comparison', async () => {
  // The same file for the dataset and the index: an index that is none makes the lists read the
  // dataset's summaries, as an app does whose cached index is gone.
  const page = await openWith('schema-1-1.json');
  await cards(page).first().waitFor();
  assert.deepEqual(await cards(page).locator('h2, h3').allTextContents(), ['Darmstadt', 'Hamburg', 'Heidelberg']);
  await page.goto(`${app.base}/entity/darmstadt`);
  await page.locator('.sources li').first().waitFor();
  const text = await page.locator('main').textContent();
  assert.match(text, /Prof\. Michael Waidner/, 'the 1.x holders, read as one period');
  assert.match(text, /CDO aus der Wissenschaft/);
  await page.goto(`${app.base}/compare?ids=darmstadt,heidelberg`);
  await page.locator('.compare-table').waitFor();
  await assertSafe(page, 'compare');
  await page.context().close();
});
