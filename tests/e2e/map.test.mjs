// End-to-end tests of the map view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useApp, axe, settled, DATASET } from './harness.mjs';

const app = useApp();
const markers = (page) => page.locator('svg[data-testid=map] .marker');
/** The ids of the entities the map shows: each marker's, and every member of each group. */
const shownIds = (page) =>
  page.$$eval('svg[data-testid=map] .marker, svg[data-testid=map] .cluster', (marks) =>
    marks.flatMap((m) => (m.classList.contains('cluster') ? m.dataset.ids.split(' ') : [m.dataset.id])).sort(),
  );

async function openMap(path = '/map', options) {
  const page = await app.open(path, options);
  await markers(page).first().waitFor();
  return page;
}

test('the map is reachable from the navigation, with 16 Länder and every entity, as a named marker or in a named group', async () => {
  const page = await app.open('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Karte' }).click();
  await page.waitForURL(`${app.base}/map`);
  await markers(page).first().waitFor();
  assert.equal(await page.locator('svg[data-testid=map] path.land').count(), 16);
  assert.deepEqual(await shownIds(page), DATASET.entities.map((e) => e.id).sort());
  const labels = await page
    .locator('svg[data-testid=map] .marker, svg[data-testid=map] .cluster')
    .evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  for (const entity of DATASET.entities) {
    const named = labels.some((l) => l.startsWith(`${entity.name} — `) || (/^\d+ Einträge: /.test(l) && l.split(/: | – /)[1].split(', ').includes(entity.name)));
    assert.ok(named, `${entity.name} is named on the map`);
  }
  assert.ok(labels.includes('Darmstadt — CDO aus der Wissenschaft'));
  assert.match(await page.locator('.attribution').textContent(), /© GeoBasis-DE \/ BKG 2017/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('clicking Darmstadt opens its profile', async () => {
  const page = await openMap();
  await page.locator('.marker[data-id=darmstadt]').click();
  await page.waitForURL(`${app.base}/entity/darmstadt`);
  await page.getByRole('heading', { level: 1, name: 'Darmstadt' }).waitFor();
  await page.context().close();
});

test('zoom lives in the URL: it survives a reload, and back/forward restore it', async () => {
  const page = await openMap();
  const transform = () => page.locator('g.lands').getAttribute('transform');
  const initial = await transform();
  // The buttons are a group of their own name; the map's name is the map's alone.
  const zoomIn = page.getByRole('group', { name: 'Kartenausschnitt' }).getByRole('button', { name: 'Vergrößern' });
  assert.equal(await page.getByRole('group', { name: 'Karte Deutschlands mit den Ländern und allen Einträgen' }).count(), 1);
  await zoomIn.click();
  await zoomIn.click();
  await page.waitForURL(/z=2\.25/);
  const zoomed = await transform();
  assert.notEqual(zoomed, initial);
  await page.reload();
  await markers(page).first().waitFor();
  assert.equal(await transform(), zoomed, 'same view after reload');
  // Axis and legend changes are history entries.
  await page.getByRole('radio', { name: 'Herkunft', exact: true }).check();
  await page.waitForURL(/axis=origin/);
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('axis='));
  assert.equal(await page.getByRole('radio', { name: 'Modell', exact: true }).isChecked(), true);
  assert.equal(await transform(), zoomed);
  await page.goForward();
  await page.waitForURL(/axis=origin/);
  assert.equal(await page.getByRole('radio', { name: 'Herkunft', exact: true }).isChecked(), true);
  await page.context().close();
});

test('keyboard: Tab reaches a marker, its tooltip shows, Enter opens the profile', async () => {
  const page = await openMap();
  await page.locator('.map-frame').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(focused ?? '', / — /, 'a marker has focus');
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  const name = focused.split(' — ')[0];
  assert.match(await tooltip.textContent(), new RegExp(name));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/entity\//);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.context().close();
});

test('arrow keys pan and +/− zoom the map', async () => {
  const page = await openMap();
  await page.locator('.map-frame').focus();
  await page.keyboard.press('+');
  await page.waitForURL(/z=1\.5/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL((url) => url.searchParams.get('x') !== null && Number(url.searchParams.get('x')) < 3692);
  await page.keyboard.press('-');
  await page.waitForURL((url) => !url.search.includes('z='));
  await page.context().close();
});

test('the legend filters markers and shows counts; the filter is in the URL', async () => {
  const page = await openMap();
  const item = page.locator('.legend-item', { hasText: 'Dezernat oder Referat' });
  const departments = DATASET.entities.filter((e) => e.periods.at(-1).form === 'department').length;
  assert.match(await item.textContent(), new RegExp(`\\D${departments}$`));
  await item.click();
  await page.waitForURL(/hide=department/);
  assert.equal(await item.getAttribute('aria-pressed'), 'false');
  assert.equal((await shownIds(page)).length, DATASET.entities.length - departments);
  await page.reload();
  await markers(page).first().waitFor();
  assert.equal((await shownIds(page)).length, DATASET.entities.length - departments);
  await page.context().close();
});

test('search is umlaut-insensitive and centres the city', async () => {
  const page = await openMap();
  await page.getByLabel('Ort suchen').fill('duesseldorf');
  await page.getByText('Auf der Karte markiert: Düsseldorf').waitFor();
  await page.waitForURL(/z=3/);
  assert.equal(await page.locator('.marker.selected').getAttribute('data-id'), 'duesseldorf');
  await page.getByLabel('Ort suchen').fill('atlantis');
  await page.getByText('Kein Eintrag passt zu dieser Suche.').waitFor();
  await page.context().close();
});

test('garbage map parameters degrade to the default view with a notice', async () => {
  const page = await openMap('/map?z=abc&axis=colour&x=<script>');
  assert.match(await page.getByRole('status').first().textContent(), /ignoriert: z, x, axis/);
  assert.equal((await shownIds(page)).length, DATASET.entities.length);
  await page.context().close();
});

test('axe finds no WCAG 2 A/AA violations on the map', async () => {
  for (const lang of ['de', 'en']) {
    const page = await openMap('/map', { lang });
    assert.deepEqual(await axe(page), [], lang);
    await page.context().close();
  }
});

test('the map is usable at 360 px: no horizontal scrolling, markers tappable', async () => {
  const page = await openMap('/map', { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await page.locator('.marker[data-id=hamburg]').click();
  await page.waitForURL(/\/entity\/hamburg/);
  await page.context().close();
});

test('a phone shows the map on its first screen, its controls and legend after it; a wide screen puts them beside it', async () => {
  const boxes = async (width, height) => {
    const page = await openMap('/map', { width, height });
    const [frame, axis, legend] = await Promise.all(['.map-frame', 'fieldset.axis', '.legend'].map((s) => page.locator(s).boundingBox()));
    await page.context().close();
    return { frame, axis, legend };
  };
  const phone = await boxes(360, 740);
  const shown = (740 - phone.frame.y) / phone.frame.height;
  assert.ok(shown >= 0.75, `three quarters of the map on the first screen (${Math.round(shown * 100)}%, top at ${phone.frame.y}px)`);
  assert.ok(phone.axis.y >= phone.frame.y + phone.frame.height, 'the controls are below the map');
  assert.ok(phone.legend.y >= phone.axis.y + phone.axis.height, 'the legend is below the controls');
  const wide = await boxes(1280, 800);
  for (const [name, box] of [['controls', wide.axis], ['legend', wide.legend]]) {
    assert.ok(box.x >= wide.frame.x + wide.frame.width, `the ${name} are right of the map`);
    assert.ok(box.y < wide.frame.y + wide.frame.height / 2, `the ${name} are next to its upper half`);
  }
});

test('the map is drawn once, at its scale: no marker changes after it first appears', async () => {
  const context = await app.newContext({ viewport: { width: 1280, height: 900 } });
  // Every change to a mark of the app's once it is in the page (the frame measured after drawing
  // would redraw them all at the new scale); not the pre-rendered map's, as the page is parsed.
  await context.addInitScript(() => {
    window.markChanges = 0;
    new MutationObserver((records) => {
      window.markChanges += records.filter(
        (r) => r.target.closest?.('.marks') && r.target !== r.target.closest('.marks') && !r.target.closest('[data-prerendered]'),
      ).length;
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  const page = await context.newPage();
  await page.goto(`${app.base}/map`);
  await markers(page).first().waitFor();
  // Everything the map loads (its module, the index, the outlines) is in, drawn and laid out;
  // the frame's size observer has run.
  await settled(page);
  assert.equal(await page.evaluate(() => window.markChanges), 0);
  await context.close();
});

test('markers keep their size on screen when the frame changes width, with or without a window resize', async () => {
  const page = await openMap('/map', { width: 1280, height: 900 });
  // A city far from others: a marker at every width.
  const mark = '.marker[data-id=rostock] use';
  const before = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().width, mark);
  assert.ok(before > 4, `a visible marker (${before}px)`);
  const sameSize = () => page.waitForFunction(
    ([sel, w]) => Math.abs(document.querySelector(sel).getBoundingClientRect().width - w) < 0.5,
    [mark, before],
    { timeout: 5000 },
  );
  // The frame half as wide while the window stays as it is (as a scroll bar or the column beside
  // it can do): set through the CSSOM, which the CSP allows.
  await page.locator('.map-frame').evaluate((f) => { f.style.maxWidth = `${f.clientWidth / 2}px`; });
  await sameSize();
  // And a window resize.
  await page.locator('.map-frame').evaluate((f) => { f.style.maxWidth = ''; });
  await page.setViewportSize({ width: 420, height: 900 });
  await sameSize();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the map downloads as SVG and PNG with title, legend and the BKG attribution baked in', async () => {
  const page = await app.open('/map?axis=origin');
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.map-download').getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
  };
  const svg = await download('SVG');
  assert.equal(svg.name, 'cdo-atlas-karte-origin.svg');
  const text = svg.body.toString('utf8');
  assert.ok(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(text, /cdo-atlas — Karte der Modelle/);
  assert.match(text, /© GeoBasis-DE \/ BKG/);
  assert.match(text, /class="t-head">Herkunft<\/text>/, 'the legend names the axis');
  assert.match(text, /Wissenschaft \(\d+\)/, 'legend entries with counts');
  assert.match(text, /\.c0 \{ fill: rgb|\.c0 \{ fill: #/, 'marker colours inlined');
  assert.ok(!/var\(--/.test(text), 'every CSS variable resolved');
  // Well-formed, with the 16 Länder and a marker per entity.
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, lands: doc.querySelectorAll('path.land').length, marks: doc.querySelectorAll('.marks > *').length };
  }, text);
  assert.equal(parsed.error, null);
  assert.ok(parsed.lands >= 16);
  assert.equal(parsed.marks, await page.locator('svg[data-testid=map] .marks > *').count(), 'the marks the page shows');

  const png = await download('PNG');
  assert.equal(png.name, 'cdo-atlas-karte-origin.png');
  assert.equal(png.body.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.body.readUInt32BE(16), 1600, 'drawn at twice the SVG width');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the entity the map search found can be picked; its box and the list box stay in step', async () => {
  const page = await app.open('/map');
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  await page.locator('.map-list summary').click();
  await page.getByLabel('Ort suchen').fill('darmstadt');
  const boxes = page.getByRole('checkbox', { name: 'Darmstadt zum Vergleich wählen' });
  await page.locator('.map-search .pick').waitFor();
  assert.equal(await boxes.count(), 2, 'one by the search, one in the list');
  await boxes.first().check();
  assert.equal(await boxes.nth(1).isChecked(), true);
  await page.locator('.picks-tray').waitFor();
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('dense regions: no marker hides another on a phone or a wide screen; a moved marker points back to its place, a group opens by zooming in, and every entity can be reached', async () => {
  for (const [width, height] of [[360, 740], [1280, 900]]) {
    const page = await openMap('/map', { width, height });
    const discs = await page.$$eval('svg[data-testid=map] .marker .mk, svg[data-testid=map] .cluster circle', (shapes) =>
      shapes.map((u) => {
        const r = u.getBoundingClientRect();
        const group = u.closest('.cluster');
        const ids = group ? group.dataset.ids.split(' ') : [u.closest('.marker').dataset.id];
        return { ids, x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
      }),
    );
    const all = discs.flatMap((d) => d.ids).sort();
    assert.deepEqual(all, DATASET.entities.map((e) => e.id).sort(), `every entity once at ${width} px`);
    const frame = await page.locator('svg[data-testid=map]').boundingBox();
    for (const d of discs) {
      const inside = d.x - d.r >= frame.x - 0.5 && d.x + d.r <= frame.x + frame.width + 0.5 && d.y - d.r >= frame.y - 0.5 && d.y + d.r <= frame.y + frame.height + 0.5;
      assert.ok(inside, `${d.ids} lies outside the map at ${width} px`);
    }
    for (let a = 0; a < discs.length; a++) {
      for (let b = a + 1; b < discs.length; b++) {
        const [p, q] = [discs[a], discs[b]];
        const apart = Math.hypot(p.x - q.x, p.y - q.y) + 0.5 >= p.r + q.r;
        assert.ok(apart, `${p.ids} and ${q.ids} overlap at ${width} px`);
      }
    }
    // Each of these is under the pointer at its own shape, or at its group's.
    for (const id of ['essen', 'bochum', 'gelsenkirchen', 'herne', 'oberhausen', 'mannheim', 'ludwigshafen']) {
      const d = discs.find((x) => x.ids.includes(id));
      const selector = d.ids.length > 1 ? `.cluster[data-ids~="${id}"] circle` : `.marker[data-id=${id}] .mk`;
      const shape = page.locator(`svg[data-testid=map] ${selector}`);
      await shape.scrollIntoViewIfNeeded();
      const hit = await shape.evaluate((u) => {
        const r = u.getBoundingClientRect();
        const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return el?.closest('.marker')?.dataset.id ?? el?.closest('.cluster')?.dataset.ids;
      });
      assert.equal(hit, d.ids.length > 1 ? d.ids.join(' ') : id, `${id} at ${width} px`);
    }
    // A group opens by zooming in, with the keyboard as with the pointer.
    const group = page.locator('svg[data-testid=map] .cluster').first();
    if (await group.count()) {
      const before = discs.length;
      await group.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/z=2/);
      await page.waitForFunction((n) => document.querySelectorAll('svg[data-testid=map] .marker, svg[data-testid=map] .cluster').length !== n, before);
    }
    await page.context().close();
  }
});

test('the tooltip of a moved marker stands over the marker, not over its place', async () => {
  const page = await openMap('/map', { width: 1280, height: 900 });
  const moved = page.locator('svg[data-testid=map] .marker[data-dx]').first();
  await moved.focus();
  const tip = page.locator('#map-tooltip');
  await tip.waitFor();
  const [m, t] = [await moved.locator('.mk').boundingBox(), await tip.boundingBox()];
  assert.ok(Math.abs(t.x + t.width / 2 - (m.x + m.width / 2)) < 3, `tooltip centred over the marker (${t.x + t.width / 2} vs ${m.x + m.width / 2})`);
  assert.ok(t.y + t.height <= m.y, 'above it');
  await page.context().close();
});

test('the wheel zooms at the pointer, a drag pans, two fingers pinch; each view lands in the address', async () => {
  const context = await app.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.base}/map`);
  await markers(page).first().waitFor();
  await settled(page);
  const frame = await page.locator('.map-frame').boundingBox();
  // The map point (in the outlines' units) under a position on the screen.
  const mapPoint = (x, y) =>
    page.evaluate(([x, y]) => {
      const p = new DOMPoint(x, y).matrixTransform(document.querySelector('g.lands').getScreenCTM().inverse());
      return { x: p.x, y: p.y };
    }, [x, y]);
  const same = (a, b, what) => assert.ok(Math.hypot(a.x - b.x, a.y - b.y) < 2, `${what}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  const param = (key) => Number(new URL(page.url()).searchParams.get(key));
  // A spot in the north-west with no mark under it: a press on a marker is also a click on it.
  const spot = { x: frame.x + frame.width * 0.3, y: frame.y + frame.height * 0.15 };
  assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).closest('.marks'), [spot.x, spot.y]), null);

  const underWheel = await mapPoint(spot.x, spot.y);
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.wheel(0, -100);
  await page.waitForURL(/z=1\.25/);
  same(await mapPoint(spot.x, spot.y), underWheel, 'the point under the wheel stays under it');

  const [x, y] = [param('x'), param('y')];
  await page.mouse.down();
  await page.mouse.move(spot.x + 40, spot.y + 20, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL(() => param('x') !== x);
  assert.ok(param('x') < x && param('y') < y, 'dragged to the south-east, the view shows more of the north-west');
  same(await mapPoint(spot.x + 40, spot.y + 20), underWheel, 'the point grabbed follows the pointer');

  // Two fingers move apart to twice their distance: twice the zoom.
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const c = { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 };
  await touch('touchStart', [[c.x - 50, c.y], [c.x + 50, c.y]]);
  await touch('touchMove', [[c.x - 100, c.y], [c.x + 100, c.y]]);
  await touch('touchEnd', []);
  await page.waitForURL(/z=2\.5(&|$)/);
  assert.deepEqual(errors, []);
  await context.close();
});
