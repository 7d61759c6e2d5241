// End-to-end tests of the explorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, axe, DATASET } from './harness.mjs';

const app = useApp();
const rows = (page) => page.locator('.explore-table tbody tr');
const names = (page) => page.locator('.explore-table tbody th').allTextContents();

async function openExplorer(path = '/explore', options) {
  const page = await app.open(path, options);
  await rows(page).first().waitFor();
  return page;
}

test('the explorer lists every entity, reachable from the navigation', async () => {
  const page = await app.open('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Explorer' }).click();
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), DATASET.entities.length);
  assert.match(await page.locator('.count').textContent(), new RegExp(`^${DATASET.entities.length} Treffer`));
  await page.context().close();
});

test('filter + sort + search, kept in the URL across reload, back and forward', async () => {
  const page = await openExplorer();
  await page.locator('.facet', { hasText: 'Organisationsform' }).getByLabel(/^CDO-Stelle/).check();
  await page.waitForURL(/form=cdo_post/);
  assert.equal(await rows(page).count(), 9);
  await page.getByRole('button', { name: 'Einwohner' }).click();
  await page.waitForURL(/sort=population/);
  await page.getByRole('button', { name: /Einwohner/ }).click();
  await page.waitForURL(/sort=-population/);
  assert.equal((await names(page))[0], 'Hamburg', 'largest CDO-post city first');
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
  assert.equal((await names(page))[0], 'Ludwigsburg', 'smallest first');
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
  assert.equal(await rows(page).count(), DATASET.entities.length);
  await page.context().close();
});

test('garbage explorer parameters degrade with a notice', async () => {
  const page = await openExplorer('/explore?sort=colour&land=DE-XX&from=abc');
  assert.match(await page.getByRole('status').first().textContent(), /ignoriert: land, from, sort/);
  assert.equal(await rows(page).count(), DATASET.entities.length);
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
