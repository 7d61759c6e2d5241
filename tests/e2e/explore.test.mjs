// End-to-end tests of the explorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { useApp, axe, DATASET, DATA_ROUTE } from './harness.mjs';

const app = useApp();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Python for reading a CSV back (its standard library only): the project's .venv, else the system's. */
const PYTHON = fs.existsSync(path.join(ROOT, '.venv/bin/python')) ? path.join(ROOT, '.venv/bin/python') : 'python3';
const rows = (page) => page.locator('.explore-table tbody tr');
/** The explorer shows pages of 25 rows. */
const PAGE = 25;
const onFirstPage = (n) => Math.min(n, PAGE);
/** The entities whose model today (their last period) has `form`, largest population first. */
const withForm = (form) =>
  DATASET.entities
    .filter((e) => e.periods.at(-1).form === form)
    .sort((a, b) => (b.population?.value ?? -1) - (a.population?.value ?? -1));
const CDO_POSTS = withForm('cdo_post');
const names = (page) => page.locator('.explore-table tbody th > a').allTextContents();

async function openExplorer(path = '/explore', options) {
  const page = await app.open(path, options);
  await rows(page).first().waitFor();
  return page;
}

test('the explorer lists every entity, reachable from the navigation', async () => {
  const page = await app.open('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Explorer' }).click();
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), onFirstPage(DATASET.entities.length));
  assert.match(await page.locator('.count').textContent(), new RegExp(`^${DATASET.entities.length} Treffer`));
  await page.context().close();
});

test('filter + sort + search, kept in the URL across reload, back and forward', async () => {
  const page = await openExplorer();
  await page.locator('.facet', { hasText: 'Organisationsform' }).getByLabel(/^CDO-Stelle/).check();
  await page.waitForURL(/form=cdo_post/);
  assert.equal(await rows(page).count(), onFirstPage(CDO_POSTS.length));
  await page.getByRole('button', { name: 'Einwohner' }).click();
  await page.waitForURL(/sort=population/);
  await page.getByRole('button', { name: /Einwohner/ }).click();
  await page.waitForURL(/sort=-population/);
  assert.equal((await names(page))[0], CDO_POSTS[0].name, 'largest CDO-post city first');
  assert.equal(await page.locator('th[aria-sort=descending]').count(), 1);
  await page.getByLabel('Suche in Name, Amt, Personen und Kontext').fill('Waidner');
  await page.waitForURL(/q=Waidner/);
  assert.deepEqual(await names(page), ['Darmstadt']);
  const url = page.url();
  await page.reload();
  await rows(page).first().waitFor();
  assert.equal(page.url(), url);
  assert.deepEqual(await names(page), ['Darmstadt']);
  assert.equal(await page.getByLabel('Suche in Name, Amt, Personen und Kontext').inputValue(), 'Waidner');
  await page.goBack(); // before "sort descending" (typing replaced entries)
  await page.waitForURL((u) => u.searchParams.get('sort') === 'population');
  const known = CDO_POSTS.filter((e) => e.population);
  assert.equal((await names(page))[0], known.at(-1).name, 'smallest first');
  await page.goForward();
  await page.waitForURL(/sort=-population/);
  await page.context().close();
});

test('umlaut-insensitive search and the empty state with reset', async () => {
  const page = await openExplorer('/explore?q=muenchen');
  assert.deepEqual(await names(page), ['München']);
  await page.getByLabel('Suche in Name, Amt, Personen und Kontext').fill('xyzzy');
  await page.getByText('Keine Einträge passen zu diesen Filtern.').waitFor();
  await page.locator('.empty-state').getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), onFirstPage(DATASET.entities.length));
  await page.context().close();
});

test('the search finds words of the context notes too, which only the dataset holds: asked for once a search is typed', async () => {
  const fold = (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // What the index alone lets a search find: names, offices, holders.
  const listed = fold(DATASET.entities.map((e) => [e.name, ...e.periods.flatMap((p) => [p.title, ...(p.holders ?? []).map((h) => h.name)])].join(' ')).join(' '));
  // A word of some entity's context note that nothing listed contains.
  let word, owner;
  for (const e of DATASET.entities) {
    for (const c of e.context ?? []) {
      const w = c.de.split(/[^\p{L}]+/u).filter((x) => x.length >= 9).find((x) => !listed.includes(fold(x)));
      if (w) { word = w; owner = e; break; }
    }
    if (word) break;
  }
  assert.ok(word, 'a word only a context note has');
  const page = await app.open('/explore', { width: 1200, height: 900 });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await rows(page).first().waitFor();
  assert.ok(!requests.includes('/data/cdo-atlas.json'), 'no dataset for the list');
  await page.getByLabel('Suche in Name, Amt, Personen und Kontext').fill(word);
  await page.waitForFunction((name) => [...document.querySelectorAll('.explore-table tbody th > a')].some((a) => a.textContent === name), owner.name);
  assert.ok(requests.includes('/data/cdo-atlas.json'), 'the dataset, asked for by the search');
  await page.context().close();
});

test('garbage explorer parameters degrade with a notice', async () => {
  const page = await openExplorer('/explore?sort=colour&land=DE-XX&from=abc');
  assert.match(await page.getByRole('status').first().textContent(), /ignoriert: land, from, sort/);
  assert.equal(await rows(page).count(), onFirstPage(DATASET.entities.length));
  await page.context().close();
});

test('axe finds no WCAG 2 A/AA violations on the explorer; no page-level horizontal scroll at 360 px', async () => {
  for (const lang of ['de', 'en']) {
    const page = await openExplorer('/explore', { lang });
    assert.deepEqual(await axe(page), [], lang);
    await page.context().close();
  }
  const page = await openExplorer('/explore', { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await page.context().close();
});

test('on a phone the filters are folded above the search and the table, and say how many are set', async () => {
  const page = await openExplorer('/explore?model=department', { width: 360, height: 740 });
  const panel = page.locator('.facets-panel');
  assert.equal(await panel.evaluate((d) => d.open), false, 'folded on a phone');
  assert.equal((await page.locator('.facets-active').textContent()).trim(), '1 aktiv');
  const search = await page.locator('#explore-search').boundingBox();
  assert.ok(search.y + search.height <= 740, `the search is on the first screen (at ${search.y}px)`);
  await page.locator('.facets-panel > summary').click();
  await page.locator('.facet', { hasText: 'Modell' }).getByLabel(/^Stabsstelle/).check();
  await page.waitForURL(/model=[^&]*%2C|model=[^&]*,/);
  assert.equal((await page.locator('.facets-active').textContent()).trim(), '2 aktiv');
  await page.context().close();
  const wide = await openExplorer('/explore');
  assert.equal(await wide.locator('.facets-panel').evaluate((d) => d.open), true, 'open beside the table');
  assert.equal(await wide.locator('.facets-active').textContent(), '');
  await wide.context().close();
});

test('at 1280 px every column fits beside the open filters, on every page and in both languages', async () => {
  for (const lang of ['de', 'en']) {
    const page = await openExplorer('/explore', { width: 1280, height: 900, lang });
    assert.equal(await page.locator('.facets-panel').evaluate((d) => d.open), true, 'the filters are open');
    const pager = page.locator('.pager');
    const pages = Math.ceil(DATASET.entities.length / PAGE);
    for (let n = 1; n <= pages; n++) {
      const wrap = await page.locator('.table-wrap').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right }));
      assert.ok(wrap.scroll <= wrap.client, `${lang}, page ${n}: the table is ${wrap.scroll - wrap.client} px wider than its box`);
      // Every header is on the screen, the compare boxes included.
      const rights = await page.locator('.explore-table thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().right));
      assert.ok(Math.max(...rights) <= wrap.right + 0.5, `${lang}, page ${n}: a header ends at ${Math.max(...rights)} px, the box at ${wrap.right}`);
      if (n < pages) {
        await pager.getByRole('button', { name: lang === 'de' ? 'Weiter' : 'Next' }).click();
        await page.waitForURL(new RegExp(`page=${n + 1}`));
      }
    }
    // What the table shows for each entity: kind and Land, model, office and holder, since,
    // population, and when it was last confirmed.
    const first = await page.locator('.explore-table tbody tr').first().locator('th, td').allTextContents();
    assert.equal(first.length, 7);
    await page.context().close();
  }
});

test('at 360 px each row is a card that reads without sideways scrolling, each fact under its column name', async () => {
  const page = await openExplorer('/explore', { width: 360, height: 740 });
  assert.deepEqual(await axe(page), [], 'the cards keep the table accessible');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px`);
  const wrap = page.locator('.table-wrap');
  assert.ok(await wrap.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the table does not scroll sideways');
  const cards = await rows(page).evaluateAll((trs) => trs.map((tr) => {
    const r = tr.getBoundingClientRect();
    const cells = [...tr.children].map((c) => c.getBoundingClientRect());
    return { left: r.left, right: r.right, cellsInside: cells.every((c) => c.left >= r.left - 0.5 && c.right <= r.right + 0.5) };
  }));
  assert.equal(cards.length, onFirstPage(DATASET.entities.length));
  for (const c of cards) {
    assert.ok(c.left >= 0 && c.right <= 360, `a card from ${c.left} to ${c.right} px`);
    assert.ok(c.cellsInside, 'every cell inside its card');
  }
  // A card names each fact: the column's name stands before it.
  const label = await rows(page).first().locator('td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content);
  assert.equal(label, '"Modell: "');
  // Sorting stays at hand: the header is a row of sort buttons.
  await page.getByRole('button', { name: 'Einwohner' }).click();
  await page.waitForURL(/sort=population/);
  await page.context().close();
});

test('between phone and laptop the table scrolls sideways, names and caption stay in view; folding the filters gives it room', async () => {
  const page = await openExplorer('/explore', { width: 900, height: 900 });
  const wrap = page.locator('.table-wrap');
  const overflow = () => wrap.evaluate((e) => e.scrollWidth - e.clientWidth);
  assert.ok((await overflow()) > 0, 'with the filters beside it, the table needs more room');
  await page.locator('.facets-panel > summary').click();
  await page.waitForFunction(() => {
    const e = document.querySelector('.table-wrap');
    return e.scrollWidth <= e.clientWidth;
  });
  assert.ok((await page.locator('.facet').first().isVisible()) === false);
  await page.locator('.facets-panel > summary').click();
  await page.locator('.facet').first().waitFor();
  // Scrolled sideways: the row headers (names) and the caption keep their place.
  const left = async (selector) => page.locator(selector).first().evaluate((e) => Math.round(e.getBoundingClientRect().left));
  const before = [await left('.explore-table tbody th'), await left('.explore-table caption span')];
  await wrap.evaluate((e) => { e.scrollLeft = 300; });
  assert.ok((await wrap.evaluate((e) => e.scrollLeft)) > 0);
  assert.deepEqual([await left('.explore-table tbody th'), await left('.explore-table caption span')], before);
  assert.ok(
    (await left('.explore-table tbody td')) < before[0],
    'the other cells moved under the names',
  );
  // A control scrolled into view from the far right (as browsers that scroll focus to the
  // nearest edge do) comes to rest clear of the sticky names, not under them.
  await wrap.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
  const clear = await page.locator('.explore-table thead th').nth(1).locator('button').first().evaluate((b) => {
    b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const names = document.querySelector('.explore-table thead th').getBoundingClientRect().right;
    return b.getBoundingClientRect().left - names;
  });
  assert.ok(clear >= 0, `the sort button starts ${clear} px right of the names`);
  await page.context().close();
});

test('sorting by when a model was last confirmed: newest evidence first, old evidence marked in words', async () => {
  const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  /** "März 2024" → [2024, 3]; "2023" → [2023, 0]; "unbekannt" → null. */
  const when = (text) => {
    const m = text.match(/^(?:(\p{L}+) )?(\d{4})/u);
    return m ? [Number(m[2]), m[1] ? MONTHS.indexOf(m[1]) + 1 : 0] : null;
  };
  const cells = (page) => page.locator('.explore-table tbody tr td[data-label="Zuletzt belegt"]').allTextContents();
  const page = await openExplorer('/explore?sort=-confirmed', { width: 1280, height: 900 });
  assert.match(await page.locator('.explore-table thead th[aria-sort=descending]').textContent(), /Zuletzt belegt ▼/);
  const newestFirst = (await cells(page)).map(when);
  assert.ok(newestFirst.every(Boolean), 'the newest are dated');
  for (let i = 1; i < newestFirst.length; i++) {
    const [a, b] = [newestFirst[i - 1], newestFirst[i]];
    assert.ok(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `${a} before ${b}`);
  }
  // Ascending: the oldest evidence first; before 2022 (or undated) it is marked, in words.
  await page.getByRole('button', { name: /Zuletzt belegt/ }).click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'confirmed');
  const oldestFirst = await cells(page);
  assert.ok(when(oldestFirst[0])[0] < 2022, `the oldest: ${oldestFirst[0]}`);
  const ended = await rows(page).evaluateAll((trs) => trs.map((tr) => /Beendet:/.test(tr.textContent)));
  oldestFirst.forEach((text, i) => {
    const d = when(text);
    // A model that ended is history, not out of date.
    assert.equal(/möglicherweise nicht mehr aktuell/.test(text), (!d || d[0] < 2022) && !ended[i], text);
  });
  assert.ok(oldestFirst.some((t) => /möglicherweise/.test(t)), 'some evidence is old');
  await page.context().close();
});

test('print: the explorer table alone across a landscape page, headers as text, no controls or picks', async () => {
  // The printable width of A4 landscape with the default margins, in CSS pixels.
  const page = await openExplorer('/explore?sort=-population', { width: 1046, height: 900 });
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.facets', '.downloads', '#explore-search', '.search-label', '.explore-table .pick']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
  }
  const wrap = page.locator('.table-wrap');
  assert.ok(await wrap.evaluate((e) => e.scrollWidth <= e.clientWidth && e.clientWidth >= 1000), 'the whole table at the page width');
  const headers = await page.locator('.explore-table thead th').evaluateAll((ths) => ths.filter((th) => th.offsetParent).map((th) => th.textContent.trim()));
  assert.equal(headers.length, 6, 'every column but the picks');
  assert.match(headers[0], /^Name/);
  assert.match(headers[4], /^Einwohner ▼$/, 'the sort shows');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const size = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
  assert.ok(size && Number(size[1]) > Number(size[2]), `a landscape page: ${size && size.slice(1)}`);
  // A search in the view is printed with it.
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Suche in Name, Amt, Personen und Kontext').fill('Darmstadt');
  await page.waitForURL(/q=Darmstadt/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#explore-search').isVisible(), true);
  await page.context().close();
});

test('a long table comes in pages of 25; the page is in the URL and a new search starts at page 1', async () => {
  // 60 entities: 25 real ones and copies under new ids.
  const real = DATASET.entities.slice(0, 25);
  const entities = [];
  for (let i = 0; entities.length < 60; i++) {
    const e = structuredClone(real[i % real.length]);
    if (i >= real.length) Object.assign(e, { id: `${e.id}-${i}`, name: `${e.name} ${i}` });
    entities.push(e);
  }
  const context = await app.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...DATASET, entities }) }));
  await page.goto(`${app.base}/explore`);
  await rows(page).first().waitFor();
  const pager = page.getByRole('navigation', { name: 'Seiten der Tabelle' });
  assert.equal(await rows(page).count(), 25);
  assert.match(await pager.textContent(), /Seite 1 von 3/);
  assert.equal(await pager.getByRole('button', { name: 'Zurück' }).isDisabled(), true);
  const first = await names(page);
  await pager.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL(/page=2/);
  await pager.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL(/page=3/);
  assert.equal(await rows(page).count(), 10);
  assert.equal(await pager.getByRole('button', { name: 'Weiter' }).isDisabled(), true);
  await page.goBack();
  await page.waitForURL(/page=2/);
  assert.equal(await rows(page).count(), 25);
  assert.notDeepEqual(await names(page), first);
  await page.getByLabel('Suche in Name, Amt, Personen und Kontext').fill('Darmstadt');
  await page.waitForURL((u) => u.searchParams.get('q') === 'Darmstadt' && !u.searchParams.has('page'));
  assert.deepEqual((await names(page)).slice(0, 2), ['Darmstadt', 'Darmstadt 25']);
  assert.equal(await pager.count(), 0, 'no pager for one page');
  // A page beyond the end shows the last page.
  await page.goto(`${app.base}/explore?page=99`);
  await rows(page).first().waitFor();
  assert.match(await pager.textContent(), /Seite 3 von 3/);
  await context.close();
});

test('CSV and JSON downloads hold exactly the filtered, searched and sorted view', async () => {
  const page = await openExplorer('/explore?form=cdo_post&sort=-population');
  assert.equal(await rows(page).count(), onFirstPage(CDO_POSTS.length));
  const shown = await names(page);
  const download = async (label) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    const saved = await file.path();
    return { name: file.suggestedFilename(), file: saved, text: fs.readFileSync(saved, 'utf8') };
  };
  const csv = await download('CSV (Excel)');
  assert.equal(csv.name, `cdo-atlas-${DATASET.as_of}.csv`);
  // The header on the first line, then one record per line and nothing else: BOM, `;`, CRLF.
  assert.ok(csv.text.startsWith('\uFEFFName;Land;Art;'), 'UTF-8 BOM, then the header');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'each line ends with CRLF');
  assert.equal(lines.length, CDO_POSTS.length + 1, 'the header and one line per hit of the view, all pages');
  // Read back by an independent parser (Python's csv module) and compared with the dataset.
  const read = JSON.parse(execFileSync(PYTHON, [path.join(ROOT, 'tests/opendata/read_csv.py'), csv.file, ';'], { encoding: 'utf8' }));
  assert.equal(read.lines, lines.length, 'one record per line');
  assert.deepEqual(read.header.slice(0, 3), ['Name', 'Land', 'Art']);
  assert.deepEqual(read.header.slice(-3), ['ID', 'Profil', 'Stand']);
  const col = (name) => read.header.indexOf(name);
  assert.equal(read.rows.length, CDO_POSTS.length);
  assert.deepEqual(read.rows.map((r) => r[0]).slice(0, shown.length), shown, 'the rows shown first, in their order');
  const byId = new Map(DATASET.entities.map((e) => [e.id, e]));
  for (const row of read.rows) {
    assert.equal(row.length, read.header.length);
    const e = byId.get(row[col('ID')]);
    assert.ok(e, `an entity of the dataset: ${row[col('ID')]}`);
    assert.equal(row[col('Name')], e.name);
    assert.equal(row[col('Form')], 'CDO-Stelle', 'only the filtered form');
    assert.equal(row[col('Amt')], e.periods.at(-1).title);
    assert.equal(row[col('Einwohner')], e.population ? String(e.population.value) : '', 'unknown is an empty cell');
    const holder = e.periods.at(-1).holders.at(-1);
    assert.equal(row[col('Amtsinhaber:in')], holder && !holder.until ? holder.name : '');
    assert.equal(row[col('Profil')], `${app.base}/entity/${e.id}`);
    assert.equal(row[col('Stand')], DATASET.as_of, 'today: the data\'s Stand');
  }

  const json = await download('JSON');
  assert.equal(json.name, `cdo-atlas-${DATASET.as_of}.json`);
  const doc = JSON.parse(json.text);
  assert.equal(doc.source, 'cdo-atlas');
  assert.equal(doc.as_of, DATASET.as_of);
  assert.equal(doc.count, CDO_POSTS.length, 'the whole view, every page of it');
  assert.deepEqual(doc.entities.map((e) => e.name).slice(0, shown.length), shown);
  assert.ok(doc.entities.every((e) => e.form === 'cdo_post'));
  await page.context().close();
});

test('a download needs the dataset, which the list does not: if it cannot be had, the reason shows and a second click tries again', async () => {
  const page = await openExplorer('/explore');
  const dataset = '**/data/cdo-atlas.json';
  await page.route(dataset, (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
  await page.getByRole('button', { name: 'CSV (Excel)' }).click();
  await page.locator('.downloads [role=status]', { hasText: 'HTTP 503' }).waitFor();
  await page.unroute(dataset);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
  assert.equal(file.suggestedFilename(), `cdo-atlas-${DATASET.as_of}.csv`);
  assert.equal(await page.locator('.downloads [role=status]').textContent(), '');
  await page.context().close();
});
