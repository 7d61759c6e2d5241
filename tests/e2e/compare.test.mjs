// End-to-end tests of the compare view.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, axe } from './harness.mjs';

const app = useApp();
const table = (page) => page.locator('.compare-table');
const columns = (page) => page.locator('.compare-table thead th a').allTextContents();

async function openCompare(path, options) {
  const page = await app.open(path, options);
  await page.locator('.compare h1').waitFor();
  return page;
}

test('a compare permalink shows the entities side by side, and survives a reload', async () => {
  const page = await openCompare('/compare?ids=darmstadt,hamburg');
  await table(page).waitFor();
  assert.deepEqual(await columns(page), ['Darmstadt', 'Hamburg']);
  const modelRow = page.locator('tr', { has: page.locator('th', { hasText: /^Modell/ }) });
  assert.match(await modelRow.textContent(), /CDO aus der Wissenschaft.*CDO aus der Privatwirtschaft/);
  assert.match(await modelRow.getAttribute('class'), /differs/);
  await page.reload();
  await table(page).waitFor();
  assert.deepEqual(await columns(page), ['Darmstadt', 'Hamburg']);
  await page.context().close();
});

test('"nur Unterschiede" hides equal rows and is in the URL; back and forward restore it', async () => {
  const page = await openCompare('/compare?ids=darmstadt,ludwigshafen');
  await table(page).waitFor();
  const all = await page.locator('.compare-table tbody tr').count();
  await page.getByLabel('nur Unterschiede').check();
  await page.waitForURL(/diff=1/);
  const diff = await page.locator('.compare-table tbody tr').count();
  assert.ok(diff < all, `${diff} < ${all}`);
  assert.equal(await page.locator('.compare-table tbody tr:not(.differs)').count(), 0);
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('diff='));
  assert.equal(await page.locator('.compare-table tbody tr').count(), all);
  await page.goForward();
  await page.waitForURL(/diff=1/);
  assert.equal(await page.locator('.compare-table tbody tr').count(), diff);
  await page.context().close();
});

test('adding from the profile, removing, unknown ids and more than four give notices, not crashes', async () => {
  const page = await app.open('/entity/bonn');
  await page.getByRole('link', { name: 'Vergleichen mit …' }).click();
  await page.waitForURL(/\/compare\?ids=bonn/);
  await page.getByLabel('Eintrag hinzufügen').selectOption('koeln');
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await page.waitForURL(/ids=bonn(%2C|,)koeln/);
  assert.deepEqual(await columns(page), ['Bonn', 'Köln']);
  await page.getByRole('button', { name: 'Entfernen: Bonn' }).click();
  await page.waitForURL(/ids=koeln$/);
  await page.goto(`${app.base}/compare?ids=darmstadt,atlantis,hamburg,koeln,bonn,essen`);
  await table(page).waitFor();
  const notices = await page.getByRole('status').allTextContents();
  assert.ok(notices.some((n) => /gibt es nicht: atlantis/.test(n)), notices.join(' | '));
  assert.ok(notices.some((n) => /weggelassen: essen/.test(n)), notices.join(' | '));
  assert.deepEqual(await columns(page), ['Darmstadt', 'Hamburg', 'Köln', 'Bonn']);
  await page.context().close();
});

test('axe finds no WCAG 2 A/AA violations on compare; no page-level horizontal scroll at 360 px', async () => {
  for (const lang of ['de', 'en']) {
    const page = await openCompare('/compare?ids=darmstadt,hamburg,heidelberg', { lang });
    await table(page).waitFor();
    assert.deepEqual(await axe(page), [], lang);
    await page.context().close();
  }
  const page = await openCompare('/compare?ids=darmstadt,hamburg', { width: 360, height: 740 });
  await table(page).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  // The table is swiped sideways; the row labels stay in view while the values move.
  const row = page.locator('.compare-table tbody tr', { has: page.locator('th', { hasText: /^Organisationsform/ }) });
  const [label, value] = [row.locator('th'), row.locator('td').first()];
  const before = [await label.boundingBox(), await value.boundingBox()];
  await page.locator('.compare .table-wrap').evaluate((w) => { w.scrollLeft = 150; });
  const after = [await label.boundingBox(), await value.boundingBox()];
  assert.equal(after[0].x, before[0].x, 'the label stays');
  assert.ok(after[1].x < before[1].x - 100, 'the values move');
  const lines = await label.evaluate((th) => {
    const range = document.createRange();
    range.selectNodeContents(th);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(lines, 1, 'the longest label is not broken');
  await page.context().close();
});

test('picks from the explorer, the map list and a profile fill a tray that opens the comparison', async () => {
  const page = await app.open('/explore', { width: 360, height: 740 });
  const tray = page.locator('.picks-tray');
  await page.locator('.explore-table tbody tr').first().waitFor();
  assert.equal(await tray.isVisible(), false, 'no tray without picks');
  await page.getByRole('checkbox', { name: 'Darmstadt zum Vergleich wählen' }).check();
  await tray.waitFor();
  assert.match(await tray.textContent(), /Wählen Sie mindestens zwei Einträge/);
  assert.equal(await tray.getByRole('link', { name: /Vergleichen/ }).count(), 0, 'no link with one pick');
  // The map's list alternative.
  await page.getByRole('navigation').getByRole('link', { name: 'Karte' }).click();
  await page.locator('.map-list summary').click();
  await page.locator('.map-list').getByRole('checkbox', { name: 'Hamburg zum Vergleich wählen' }).check();
  assert.equal(await page.locator('.map-list').getByRole('checkbox', { name: 'Darmstadt zum Vergleich wählen' }).isChecked(), true);
  // A profile; the picks survive a reload.
  await page.goto(`${app.base}/entity/heidelberg`);
  await page.getByRole('checkbox', { name: 'Heidelberg zum Vergleich wählen' }).check();
  await page.reload();
  await tray.waitFor();
  assert.deepEqual(await tray.locator('li a').allTextContents(), ['Darmstadt', 'Hamburg', 'Heidelberg']);
  // Remove one from the tray, add two more: the fifth is refused with a message.
  await tray.getByRole('button', { name: 'Hamburg aus dem Vergleich nehmen' }).click();
  await page.goto(`${app.base}/explore`);
  // The table comes in pages: each entity is found by the search first.
  const search = page.getByLabel('Suche in Name, Amt, Personen und Kontext');
  for (const name of ['Düsseldorf', 'Kaiserslautern']) {
    await search.fill(name);
    await page.getByRole('checkbox', { name: `${name} zum Vergleich wählen` }).check();
  }
  await search.fill('Hamburg');
  const fifth = page.getByRole('checkbox', { name: 'Hamburg zum Vergleich wählen' });
  await fifth.click();
  await tray.getByText('Höchstens vier Einträge').waitFor();
  assert.equal(await fifth.isChecked(), false, 'a refused pick stays unticked');
  // No horizontal scroll at 360 px with the tray shown.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await tray.getByRole('link', { name: 'Vergleichen (4)' }).click();
  await page.waitForURL(/\/compare\?ids=darmstadt%2Cheidelberg%2Cduesseldorf%2Ckaiserslautern|\/compare\?ids=darmstadt,heidelberg,duesseldorf,kaiserslautern/);
  await page.locator('.compare-table').waitFor();
  assert.deepEqual(await page.locator('.compare-table thead th a').allTextContents(), ['Darmstadt', 'Heidelberg', 'Düsseldorf', 'Kaiserslautern']);
  assert.equal(await tray.isVisible(), false, 'the tray is not shown on the compare page');
  await page.context().close();
});
