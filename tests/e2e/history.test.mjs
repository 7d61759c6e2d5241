// End-to-end tests of issue #23's history views: the overview's models year by year, a profile's
// timeline, the series' "what became of it", compare across time, downloads at a date; axe in
// light and dark, and a phone's 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useApp, axe, DATASET } from './harness.mjs';

const app = useApp();
const INTERVIEWED = DATASET.entities.filter((e) => e.interview);

/** The cells of a table's rows as text. */
const cells = (table) =>
  table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

for (const lang of ['de', 'en']) {
  test(`${lang}: the overview's models year by year add up to every entry each year, at= outlines a year`, async () => {
    const page = await app.open('/?at=2019', { lang });
    const chart = page.getByTestId('years-chart');
    await chart.waitFor();
    assert.match(await chart.locator('h2').textContent(), lang === 'de' ? /Modelle Jahr für Jahr/ : /Models year by year/);
    const rows = await cells(chart.locator('table'));
    assert.ok(rows.length >= 5, `${rows.length} years`);
    const years = rows.map((r) => Number(r[0]));
    assert.equal(years.at(-1), Number(DATASET.as_of.slice(0, 4)), 'to the data\'s year');
    for (const r of rows) {
      const numbers = r.slice(1).map(Number);
      const total = numbers.pop();
      assert.equal(numbers.reduce((a, b) => a + b, 0), total, `${r[0]} adds up`);
      assert.equal(total, DATASET.entities.length, `${r[0]}: every entry`);
    }
    // The two states that are not models have their own series, last.
    const head = await chart.locator('thead th').allTextContents();
    assert.deepEqual(head.slice(-3, -1), lang === 'de' ? ['noch keine Stelle', 'abgeschafft'] : ['no post yet', 'abolished']);
    // Each column has a name for screen readers; the year asked for is outlined.
    assert.equal(await chart.locator('svg g[role=img]').count(), rows.length);
    assert.equal(await chart.locator('svg .yr-at').count(), 1);
    assert.match(await chart.locator('svg g[role=img]', { has: page.locator('.yr-at') }).getAttribute('aria-label'), /^2019: /);
    // No address notice: at is the overview's own parameter.
    assert.equal(await page.locator('.notice').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('an at outside the data is named and today shown', async () => {
  const page = await app.open('/?at=1950');
  await page.getByTestId('years-chart').waitFor();
  assert.match(await page.locator('.notice').first().textContent(), /ignoriert: at/);
  assert.equal(await page.locator('.yr-at').count(), 0);
  await page.context().close();
});

test('a profile\'s timeline lists the Saarland\'s ended period and Düsseldorf\'s periods', async () => {
  const page = await app.open('/entity/saarland');
  const timeline = page.getByTestId('timeline');
  await timeline.waitFor();
  const saar = DATASET.entities.find((e) => e.id === 'saarland');
  assert.equal(await timeline.locator(':scope > li').count(), saar.periods.length);
  const text = await timeline.textContent();
  assert.match(text, /1\. August 2018 – 2022/);
  assert.match(text, /abgeschafft/);
  assert.match(text, /Ammar Alkassar/);
  assert.match(text, /zuletzt belegt/);
  assert.ok((await timeline.locator('a.cite').count()) > 0, 'with its sources');
  // The source marks lead to the profile's list of sources.
  const href = await timeline.locator('a.cite').first().getAttribute('href');
  assert.equal(await page.locator(href).count(), 1);
  // Compare with the first year a post was in force.
  const link = page.getByRole('link', { name: 'Mit 2019 vergleichen' });
  assert.match(await link.getAttribute('href'), /\/compare\?ids=saarland%402019%2Csaarland|\/compare\?ids=saarland@2019,saarland/);
  await page.context().close();

  const en = await app.open('/entity/duesseldorf', { lang: 'en' });
  const periods = en.getByTestId('timeline');
  await periods.waitFor();
  const d = DATASET.entities.find((e) => e.id === 'duesseldorf');
  assert.equal(await periods.locator(':scope > li').count(), d.periods.length);
  const t = await periods.textContent();
  assert.match(t, /since 2017/);
  assert.match(t, /CDO, filled internally|internal/i);
  assert.match(t, /Peter Adelskamp — 1 May 2017 – c\. January 2019/);
  assert.doesNotMatch(t, /abolished/);
  await en.context().close();
});

for (const lang of ['de', 'en']) {
  test(`${lang}: the series says what became of each interviewed entity, the interview dates unknown`, async () => {
    const page = await app.open('/series', { lang });
    const items = page.getByTestId('became');
    await items.first().waitFor();
    assert.equal(await items.count(), INTERVIEWED.length);
    for (let i = 0; i < INTERVIEWED.length; i++) {
      const item = items.nth(i);
      assert.equal((await item.locator('h3').textContent()).trim(), INTERVIEWED[i].name);
      // No interview has a date in the data: none is invented.
      assert.match(await item.textContent(), lang === 'de' ? /Datum des Interviews unbekannt/ : /Interview date unknown/);
      assert.match(await item.locator('dt').last().textContent(), lang === 'de' ? /Heute/ : /Today/);
      // Each change with its sources, linking into the profile's list.
      for (const step of await item.locator('ol.timeline > li').all()) {
        const marks = step.locator('a.cite');
        if ((await marks.count()) === 0) continue;
        assert.match(await marks.first().getAttribute('href'), new RegExp(`/entity/${INTERVIEWED[i].id}#src-`));
      }
    }
    const kl = items.filter({ hasText: 'Kaiserslautern' });
    assert.match(await kl.textContent(), lang === 'de' ? /31\. März 2022: CDO im Ehrenamt/ : /31 March 2022: Honorary CDO/);
    // In the list of contents.
    assert.equal(await page.locator('.toc a', { hasText: lang === 'de' ? 'Was ist daraus geworden?' : 'What became of it?' }).count(), 1);
    await page.context().close();
  });
}

test('compare at two dates: the Saarland in 2019 beside today; at= for every column', async () => {
  const page = await app.open('/compare?ids=saarland@2019,saarland');
  const table = page.locator('.compare-table');
  await table.waitFor();
  assert.deepEqual(await table.locator('thead th a').allTextContents(), ['Saarland', 'Saarland']);
  assert.match(await table.locator('thead th').nth(1).textContent(), /Stand 2019/);
  const row = (label) => table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${label}`) }) });
  const model = await row('Modell').locator('td').allTextContents();
  assert.notEqual(model[0], 'abgeschafft');
  assert.equal(model[1], 'abgeschafft');
  assert.deepEqual(await row('Herkunft der Person').locator('td').allTextContents(), ['Privatwirtschaft', 'Privatwirtschaft']);
  assert.deepEqual(await row('Beendet').locator('td').allTextContents(), ['kein Ende belegt', '2022']);
  await page.context().close();

  const en = await app.open('/compare?ids=saarland,duesseldorf&at=2018', { lang: 'en' });
  const t = en.locator('.compare-table');
  await t.waitFor();
  assert.match(await t.locator('caption').textContent(), /as of 2018/);
  const models = await t.locator('tbody tr').first().locator('td').allTextContents();
  assert.equal(models[0], 'no post yet', 'the Saarland\'s post began in August 2018');
  assert.match(models[1], /internal/i);
  await en.context().close();
});

test('a download at at=2019 names 2019 and holds the Saarland\'s 2019 model', async () => {
  const page = await app.open('/explore?at=2019&q=Saarland');
  await page.locator('.downloads button').first().waitFor();
  const download = async (label) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
  };
  const csv = await download('CSV (Excel)');
  assert.equal(csv.name, 'cdo-atlas-2019.csv');
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  assert.ok(lines[0].endsWith(';Stand'), lines[0]);
  const saar = lines.find((l) => l.startsWith('Saarland;'));
  assert.ok(saar, lines.join('\n'));
  assert.ok(saar.endsWith(';2019'), saar);
  assert.match(saar, /;Privatwirtschaft;/);
  assert.match(saar, /Ammar Alkassar/);
  assert.doesNotMatch(saar, /abgeschafft/);
  const json = JSON.parse((await download('JSON')).text);
  assert.equal(json.at, '2019');
  const e = json.entities.find((x) => x.id === 'saarland');
  assert.equal(e.origin, 'private_sector');
  assert.notEqual(e.model, 'abolished');
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe: the history views in ${colorScheme}`, async () => {
    const context = await app.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    for (const [path, ready] of [
      ['/?at=2019', '[data-testid=years-chart]'],
      ['/entity/saarland', '[data-testid=timeline]'],
      ['/series', '[data-testid=became]'],
      ['/compare?ids=saarland@2019,saarland', '.compare-table'],
    ]) {
      await page.goto(app.base + path);
      await page.locator(ready).first().waitFor();
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      assert.deepEqual(await axe(page), [], `${path} in ${colorScheme}`);
    }
    await context.close();
  });
}

// The overview's other chart tables are not this test's: only the year chart's is opened.
test('360 px: the history views do not widen the page', async () => {
  for (const [path, ready] of [
    ['/', '[data-testid=years-chart]'],
    ['/entity/kaiserslautern', '[data-testid=timeline]'],
    ['/series', '[data-testid=became]'],
    ['/compare?ids=saarland@2019,saarland', '.compare-table'],
  ]) {
    const page = await app.open(path, { width: 360, height: 740 });
    await page.locator(ready).first().waitFor();
    await page.locator('[data-testid=years-chart] details, .profile details, .interviews details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `${path}: ${wide} px`);
    await page.context().close();
  }
});
