// End-to-end tests of the atlas at a date (issue #23): `at` on the map and in the explorer, the
// time control ("Stand" / "As of") by keyboard, play and reduced motion, history, the notice.
import fs from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp, axe, DATASET } from './harness.mjs';

const app = useApp();
const TODAY = Number(DATASET.as_of.slice(0, 4));
const at = (page) => new URL(page.url()).searchParams.get('at');
const row = (page, name) => page.locator('.explore-table tbody tr', { has: page.getByRole('link', { name, exact: true }) });
const listItem = (page, id) => page.locator(`.map-list li[data-id=${id}]`);
const slider = (page) => page.locator('#time-year');

async function openMap(path, options) {
  const page = await app.open(path, options);
  await page.locator('svg[data-testid=map] .marker').first().waitFor();
  // The list alternative is drawn once opened.
  assert.equal(await page.locator('.map-list li').count(), 0, 'not drawn while folded');
  await page.locator('.map-list summary').click();
  await page.locator('.map-list li').first().waitFor();
  return page;
}

test('the Saarland at 2019: a CDO from the private sector (title, holder) on the map and in the explorer; abolished today', async () => {
  const map = await openMap('/map?at=2019');
  const saar = await listItem(map, 'saarland').textContent();
  assert.match(saar, /Bevollmächtigter für Innovation und Strategie \(CDO\)/);
  assert.match(saar, /Ammar Alkassar/);
  assert.doesNotMatch(saar, /abgeschafft/);
  assert.match(await map.locator('.marker[data-id=saarland]').getAttribute('aria-label'), /^Saarland — Regierung.*\(Landesebene\) \(im Jahr davor geändert\)$/);
  assert.equal(await slider(map).inputValue(), '2019');
  await map.context().close();

  const explorer = await app.open('/explore?at=2019&q=saarland');
  await row(explorer, 'Saarland').waitFor();
  const text = await row(explorer, 'Saarland').textContent();
  assert.match(text, /Ammar Alkassar/);
  assert.match(text, /Herkunft: Privatwirtschaft/);
  await explorer.context().close();

  for (const path of ['/explore?q=saarland', `/explore?q=saarland&at=${TODAY}`]) {
    const page = await app.open(path);
    await row(page, 'Saarland').waitFor();
    const now = await row(page, 'Saarland').textContent();
    assert.match(now, /abgeschafft/, path);
    assert.doesNotMatch(now, /Ammar Alkassar/, path);
    await page.context().close();
  }
  const today = await openMap('/map');
  assert.match(await listItem(today, 'saarland').textContent(), /abgeschafft/);
  assert.match(await today.locator('.marker[data-id=saarland]').getAttribute('aria-label'), /abgeschafft/);
  await today.context().close();
});

test('Düsseldorf at 2018: an internal CDO, in both languages', async () => {
  const de = await openMap('/map?at=2018');
  assert.match(await listItem(de, 'duesseldorf').textContent(), /CDO aus der Verwaltung|intern/i);
  assert.match(await listItem(de, 'duesseldorf').textContent(), /Peter Adelskamp/);
  assert.match(await de.locator('.time-status').textContent(), /^2018: \d+ von 94 mit Stelle$/);
  await de.context().close();
  const en = await openMap('/map?at=2018', { lang: 'en' });
  assert.match(await listItem(en, 'duesseldorf').textContent(), /internal/i);
  assert.match(await en.locator('.time-status').textContent(), /^2018: \d+ of 94 with a post$/);
  assert.ok(await en.getByRole('group', { name: 'As of' }).isVisible());
  await en.context().close();
});

test('the counts add up: models, no post yet and abolished are every entity in the legend', async () => {
  const page = await openMap('/map?at=2012');
  const counts = await page.locator('.legend-count').allTextContents();
  assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), DATASET.entities.length);
  assert.ok(await page.locator('.legend-item', { hasText: 'noch keine Stelle' }).count(), 'no post yet has its own entry');
  const status = await page.locator('.time-status').textContent();
  const [, withPost] = status.match(/^2012: (\d+) von/);
  const noPost = Number(await page.locator('.legend-item', { hasText: 'noch keine Stelle' }).locator('.legend-count').textContent());
  assert.equal(Number(withPost) + noPost, DATASET.entities.length);
  await page.context().close();
});

test('the slider by keyboard rewrites `at` and the rows; one key, one history entry; back and forward restore', async () => {
  const page = await app.open('/explore?at=2019&q=saarland');
  await row(page, 'Saarland').waitFor();
  const entries = await page.evaluate(() => history.length);
  await slider(page).focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL((u) => u.searchParams.get('at') === '2018');
  // The Saarland's post began in August 2018: on 1 January 2018 it had none.
  await row(page, 'Saarland').filter({ hasText: 'noch keine Stelle' }).waitFor();
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one entry');
  await page.keyboard.press('End');
  await page.waitForURL((u) => !u.searchParams.has('at'));
  await row(page, 'Saarland').filter({ hasText: 'abgeschafft' }).waitFor();
  await page.keyboard.press('Home');
  await page.waitForURL((u) => u.searchParams.get('at') !== null && Number(u.searchParams.get('at')) < 2015);
  assert.equal(await slider(page).inputValue(), at(page));
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('at'));
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('at') === '2018');
  assert.equal(await slider(page).inputValue(), '2018');
  await page.goForward();
  await page.waitForURL((u) => !u.searchParams.has('at'));
  await row(page, 'Saarland').filter({ hasText: 'abgeschafft' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('dragging the slider leaves one history entry', async () => {
  const page = await openMap('/map');
  const entries = await page.evaluate(() => history.length);
  // Opening the list (openMap) may have scrolled the slider away.
  await slider(page).scrollIntoViewIfNeeded();
  const box = await slider(page).boundingBox();
  await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  await page.mouse.down();
  for (const f of [0.8, 0.6, 0.4, 0.3]) await page.mouse.move(box.x + box.width * f, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  assert.ok(at(page), 'a date in the address');
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  assert.equal(await slider(page).inputValue(), at(page));
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('at'));
  await page.context().close();
});

test('`at` that is no date, or outside the data, shows today with the notice', async () => {
  for (const [path, lang, notice] of [
    ['/map?at=garbage', 'de', /Ungültige Kartenangaben.*at/],
    ['/explore?at=1850', 'de', /at/],
    ['/map?at=2019-13', 'en', /Invalid map settings.*at/],
  ]) {
    const page = await app.open(path, { lang });
    await page.locator('.notice[role=status]').first().waitFor();
    assert.match(await page.locator('.notice[role=status]').first().textContent(), notice, path);
    assert.equal(await slider(page).inputValue(), String(TODAY), path);
    await page.context().close();
  }
});

test('play steps through the years and stops when the window loses focus; reduced motion steps without transitions', async () => {
  const page = await openMap('/map?at=2016');
  const play = page.getByRole('button', { name: 'Abspielen' });
  await play.click();
  await page.waitForURL((u) => u.searchParams.get('at') === '2017', { timeout: 4000 });
  assert.equal(await page.getByRole('button', { name: 'Anhalten' }).getAttribute('aria-pressed'), 'true');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  const stopped = at(page);
  await page.waitForTimeout(2600);
  assert.ok(Number(at(page)) - Number(stopped) <= 1, `stopped near ${stopped}, at ${at(page)}`);
  assert.equal(await play.getAttribute('aria-pressed'), 'false');
  const duration = () => page.locator('.marker .mk').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.notEqual(await duration(), '0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
  await play.click();
  await page.waitForURL((u) => u.searchParams.get('at') !== stopped, { timeout: 4000 });
  await page.getByRole('button', { name: 'Anhalten' }).click();
  await page.context().close();
});

test('the map at a date rings the year\'s changes and lists them with links', async () => {
  const page = await openMap('/map?at=2023');
  const saar = page.locator('.marker[data-id=saarland]');
  assert.match(await saar.getAttribute('aria-label'), /im Jahr davor geändert/);
  assert.equal(await saar.locator('.changed-ring').count(), 1);
  const change = page.locator('.map-changes a', { hasText: 'Saarland' });
  assert.match(await change.textContent(), /→ abgeschafft/);
  assert.match(await change.getAttribute('href'), /\/entity\/saarland$/);
  await page.context().close();
});

test('a year of many changes lists its first twelve; the rest is folded and drawn when opened', async () => {
  // An index in which 20 entries' posts all began in 2020 (one period each, no holders): on 1
  // January 2020, so the changes of the map at 2020 (the year up to its first day).
  const index = JSON.parse(fs.readFileSync(new URL('../../dist/data/cdo-atlas.index.json', import.meta.url), 'utf8'));
  const c = index.columns;
  for (let i = 0; i < 20; i++) c.periods[i] = ['2020', null, c.title[i], c.origin[i], c.form[i], 0];
  const context = await app.newContext();
  const page = await context.newPage();
  await page.route('**/data/cdo-atlas.index.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) }));
  await page.goto(app.base + '/map?at=2020');
  const section = page.locator('.map-changes');
  await section.locator('li').first().waitFor();
  assert.equal(await page.locator('.map-changes > ul > li').count(), 12, 'the first twelve');
  const more = section.locator('details.map-changes-more');
  const rest = Number(/^(\d+) weitere Änderungen$/.exec(await more.locator('summary').textContent())?.[1]);
  assert.ok(rest >= 8, `the rest named with its count: ${rest}`);
  assert.equal(await more.locator('li').count(), 0, 'not drawn while folded');
  await more.locator('summary').click();
  await more.locator('li').first().waitFor();
  assert.equal(await more.locator('li').count(), rest);
  assert.equal(await section.locator('a[href*="/entity/"]').count(), 12 + rest);
  await context.close();
});

test('axe clean at a date in light and dark; no horizontal scroll at 360 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await app.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    for (const path of ['/map?at=2019', '/explore?at=2012']) {
      await page.goto(app.base + path);
      await page.locator('#time-year').waitFor();
      assert.deepEqual(await axe(page), [], `${path} ${colorScheme}`);
    }
    await context.close();
  }
  for (const path of ['/map?at=2019', '/explore?at=2019']) {
    const page = await app.open(path, { width: 360, height: 740 });
    await page.locator('#time-year').waitFor();
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${path}: ${scroll} > ${client}`);
    await page.context().close();
  }
});
