// Issue #24, items 3–4: every pre-rendered page reads in full without JavaScript, in German and
// English, every link leads somewhere, and the controls that need the app say so instead of
// doing nothing. A browser context with JavaScript off reads `dist/` as `xtask prerender` left it
// (build, then `cargo run -p xtask --features prerender --profile prerender -- prerender dist`).
//
// What each page must show is checked against the data and the text table, not against the
// page itself: the texts come from crates/text/src/strings.rs, the entities from the dataset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { launch } from './browser.mjs';
import { serveDist, DIST } from './static-server.mjs';

const DATASET = JSON.parse(fs.readFileSync(`${DIST}/data/cdo-atlas.json`, 'utf8'));
const IDS = DATASET.entities.map((e) => e.id).sort();
const PAGE_SIZE = 25; // cdo_model::explore::PAGE_SIZE
const LANGS = ['de', 'en'];

/** The fixed UI strings of one language (`DE`, `EN` in crates/text/src/strings.rs). */
function stringTable(name) {
  const src = fs.readFileSync(new URL('../../crates/text/src/strings.rs', import.meta.url), 'utf8');
  const start = src.indexOf(`pub const ${name}: Strings = Strings {`);
  assert.ok(start > 0, `strings.rs has ${name}`);
  const body = src.slice(start, src.indexOf('\n};', start));
  const entries = [...body.matchAll(/^\s+([a-z_0-9]+): "((?:[^"\\]|\\.)*)",$/gm)];
  return Object.fromEntries(entries.map(([, key, value]) => [key, value.replace(/\\(.)/g, '$1')]));
}
const S = { de: stringTable('DE'), en: stringTable('EN') };

/** `path` (German, the root's) in `lang`, as `paths::in_lang` builds it. */
const inLang = (path, lang) => (lang === 'de' ? path : `/${lang}${path}`);

let server;
let base;
let browser;
before(async () => {
  ({ server, url: base } = await serveDist());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** A page with JavaScript off at `path`; `page.csp` collects what the CSP refused. */
async function open(path) {
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.csp = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) page.csp.push(m.text());
  });
  const response = await page.goto(base + path);
  assert.equal(response.status(), 200, path);
  return page;
}

/** The file a site path is served from, if the build has one (`dist/<path>/index.html`). */
function servedFile(path) {
  if (path === '/') return `${DIST}/index.html`;
  const file = `${DIST}${decodeURIComponent(path)}`;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  const page = `${file.replace(/\/$/, '')}/index.html`;
  return fs.existsSync(page) ? page : null;
}

/** What every page without JavaScript must be: its language, its heading, the notice, every
 * control that needs the app disabled and described by it, no CSP refusal, and every link
 * leading to a page or file of the build or a place on the page. */
async function checkPage(page, lang, h1) {
  const s = S[lang];
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.deepEqual(await page.locator('main h1').allInnerTexts(), [h1]);
  assert.equal((await page.locator('main[data-prerendered]').count()), 1, 'the pre-rendered page');
  // The notice, once, shown only without JavaScript.
  const notice = page.locator('#needs-app');
  assert.equal(await notice.innerText(), s.needs_app);
  assert.ok(await notice.isVisible());
  // Every control on the page is disabled (a group on the map: aria-disabled) and points at the
  // notice, itself or through its disabled fieldset.
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, [role=button]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden], #start-failed'))
      .map((el) => {
        const fieldset = el.closest('fieldset[disabled]');
        const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).includes('needs-app')
          || (fieldset?.getAttribute('aria-describedby') ?? '').split(/\s+/).includes('needs-app');
        const off = el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';
        return { what: el.outerHTML.slice(0, 80), described, off };
      }),
  );
  assert.ok(controls.length >= 1, 'at least the theme switch');
  for (const c of controls) assert.ok(c.off && c.described, `needs the app, but is not said so: ${c.what}`);
  // Disabled controls look it (style.css, `scripting: none`).
  assert.equal(await page.locator('.theme-switch').evaluate((el) => getComputedStyle(el).opacity), '0.6');
  // Links: to a file of the build, or to an element of this page.
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
  );
  for (const href of links) {
    if (/^https?:\/\//.test(href) || href.startsWith('mailto:')) continue;
    if (href.startsWith('#')) {
      assert.equal(await page.locator(`[id="${href.slice(1)}"]`).count(), 1, `${href} on the page`);
      continue;
    }
    const path = href.split(/[?#]/)[0];
    assert.ok(servedFile(path), `${href}: no page or file in dist/`);
  }
  assert.deepEqual(page.csp, [], 'nothing refused by the CSP');
}

/** Each page kind: its path (German), heading and what it must show besides its heading. */
const KINDS = [
  {
    kind: 'overview',
    path: '/',
    h1: (s) => s.overview_title,
    async content(page) {
      // Every entity, each linked to its profile.
      const cards = await page.locator('.cards .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(cards.length, IDS.length);
      // The bars: as wide as their counts say (classes, not the CSP-refused style attribute).
      const bars = await page.locator('.bar-row').evaluateAll((rows) =>
        rows.map((row) => ({
          n: Number(row.querySelector('.bar-value').textContent),
          fill: parseFloat(getComputedStyle(row.querySelector('.bar-fill')).width),
          track: row.querySelector('.bar-track').getBoundingClientRect().width,
        })),
      );
      assert.ok(bars.length >= 5, `${bars.length} bars`);
      const max = Math.max(...bars.map((b) => b.n));
      for (const b of bars) {
        assert.ok(b.fill > 0, 'a bar has its width');
        const expected = Math.max(Math.floor((b.n * 100) / max), 1) / 100 * b.track;
        assert.ok(Math.abs(b.fill - Math.max(expected, 2)) <= 1, `${b.n} of ${max}: ${b.fill}px, not ${expected}px`);
      }
      // The timeline's marks link to profiles too.
      assert.ok((await page.locator('svg.timeline a[href*="/entity/"]').count()) > 0);
    },
  },
  {
    kind: 'map',
    path: '/map',
    h1: (s) => s.map_title,
    async content(page) {
      const map = page.locator('svg[data-testid=map]');
      assert.equal(await map.locator('path.land').count(), 16, 'the Länder outlines');
      // Every entity is on the map: a marker (a link to its profile) or in a group.
      const markers = await map.locator('a.marker').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const grouped = await map.locator('g.cluster > text:not(.mk-label)').evaluateAll((ts) => ts.map((t) => Number(t.textContent)));
      assert.equal(markers.length + grouped.reduce((a, b) => a + b, 0), IDS.length);
      assert.ok(markers.every((href) => /\/entity\/[a-z0-9-]+$/.test(href)));
      assert.ok((await map.locator('.mk-label').count()) > 0, 'labels');
      // The legend counts every entity; the first axis is the chosen one.
      const counts = await page.locator('.legend-list .legend-count').allInnerTexts();
      assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), IDS.length);
      const axes = await page.locator('input[name=map-axis]').evaluateAll((is) => is.map((i) => i.checked));
      assert.deepEqual(axes, [true, ...axes.slice(1).map(() => false)]);
      // The list alternative has every entity.
      assert.equal(await page.locator('.map-list li a[href*="/entity/"]').count(), IDS.length);
    },
  },
  {
    kind: 'explorer',
    path: '/explore',
    h1: (s) => s.explore_title,
    async content(page, lang) {
      const rows = page.locator('.explore-table tbody tr');
      assert.equal(await rows.count(), Math.min(PAGE_SIZE, IDS.length));
      assert.equal(await rows.locator('th a[href*="/entity/"]').count(), Math.min(PAGE_SIZE, IDS.length));
      assert.ok((await page.locator('.facet input[type=checkbox]').count()) > 10, 'the facets');
      // The pager does not turn: the notice names the page with every entry.
      const rest = page.locator('.explore-main .notice');
      assert.equal(await rest.locator('a').getAttribute('href'), inLang('/', lang));
      assert.ok((await rest.innerText()).startsWith(S[lang].needs_app_rows));
    },
  },
  {
    kind: 'compare',
    path: '/compare',
    h1: (s) => s.compare_title,
    async content(page, lang) {
      assert.equal(await page.locator('section.compare p.lead').nth(1).innerText(), S[lang].compare_empty);
      assert.equal(await page.locator('#compare-add option').count(), IDS.length);
    },
  },
  {
    kind: 'series',
    path: '/series',
    h1: (s) => s.series_title,
    async content(page) {
      const questions = await page.locator('section.question').count();
      assert.ok(questions >= 1);
      // The questions, then "Was ist daraus geworden?" (issue #23), each in the contents.
      assert.equal(await page.locator('nav.toc a').count(), questions + 1);
      assert.equal(await page.locator('section.then-now [data-testid=became]').count(), await page.locator('section.question').first().locator('li.answer').count());
      assert.ok((await page.locator('.answer h3 a[href*="/entity/"]').count()) >= questions);
    },
  },
  {
    kind: 'report',
    path: '/report',
    h1: (s) => s.report_title,
    async content(page) {
      assert.equal(await page.locator('.report-form fieldset').count(), 4);
      assert.equal(await page.locator('.report-form fieldset:disabled').count(), 4);
      assert.ok(await page.locator('.report-form button[type=submit]').isDisabled());
    },
  },
  {
    kind: 'about',
    path: '/about',
    h1: (s) => s.about_title,
    async content(page) {
      assert.ok((await page.locator('main a[href*="/entity/"]').count()) >= 5, 'the five examples');
      assert.ok((await page.locator('main a[href^="/data/"]').count()) >= 3, 'the files for reuse');
    },
  },
  {
    kind: 'profile',
    path: '/entity/darmstadt',
    h1: () => 'Darmstadt',
    async content(page) {
      const entity = DATASET.entities.find((e) => e.id === 'darmstadt');
      assert.ok((await page.locator('section[aria-labelledby=holders-title] li').count()) >= 1, 'the holders');
      const sources = await page.locator('ol.sources li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(sources.length, entity.sources.length);
      assert.ok(sources.every((href) => /^https?:\/\//.test(href)));
      assert.ok((await page.locator('.citation').innerText()).includes('Darmstadt'));
    },
  },
  {
    kind: 'not-found',
    path: '/404',
    h1: (s) => s.not_found_title,
    async content(page, lang) {
      assert.equal(await page.locator('main a', { hasText: S[lang].profile_back }).getAttribute('href'), inLang('/', lang));
    },
  },
];

for (const kind of KINDS) {
  for (const lang of LANGS) {
    test(`without JavaScript: the ${kind.kind} page reads in full (${lang})`, async () => {
      const path = inLang(kind.path, lang);
      const page = await open(path);
      try {
        await checkPage(page, lang, kind.h1(S[lang]));
        await kind.content(page, lang);
        // The language link leads to the same page in the other language.
        const other = lang === 'de' ? 'en' : 'de';
        await Promise.all([page.waitForURL((u) => u.pathname !== path), page.locator('a.lang-switch').click()]);
        assert.equal(new URL(page.url()).pathname, inLang(kind.path, other));
        assert.equal(await page.locator('html').getAttribute('lang'), other);
        assert.deepEqual(await page.locator('main h1').allInnerTexts(), [kind.h1(S[other])]);
      } finally {
        await page.context().close();
      }
    });
  }
}

for (const lang of LANGS) {
  test(`without JavaScript: the navigation leads to every page, an entity link to its profile (${lang})`, async () => {
    const page = await open(inLang('/about', lang));
    try {
      const nav = KINDS.filter((k) => !['profile', 'not-found'].includes(k.kind));
      for (const kind of nav) {
        const link = page.locator('nav .nav a', { hasText: new RegExp(`^${S[lang][`nav_${kind.kind === 'explorer' ? 'explore' : kind.kind}`]}$`) });
        await Promise.all([page.waitForLoadState('load'), link.click()]);
        assert.equal(new URL(page.url()).pathname, inLang(kind.path, lang));
        assert.deepEqual(await page.locator('main h1').allInnerTexts(), [kind.h1(S[lang])], kind.kind);
        assert.equal(await page.locator('nav .nav a[aria-current=page]').innerText(), await link.innerText());
      }
      // From the explorer (the last page visited but one is fine: go there), a row's name.
      await page.goto(base + inLang('/explore', lang));
      const row = page.locator('.explore-table tbody th a').first();
      const name = await row.innerText();
      await Promise.all([page.waitForURL(/\/entity\//), row.click()]);
      assert.deepEqual(await page.locator('main h1').allInnerTexts(), [name]);
      assert.ok((await page.locator('ol.sources li').count()) >= 1, 'the profile in full');
    } finally {
      await page.context().close();
    }
  });
}

test('without JavaScript: every entity has a profile page in both languages, linked from the overview', async () => {
  for (const lang of LANGS) {
    const page = await open(inLang('/', lang));
    try {
      const linked = await page.locator('.cards .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(linked.sort(), IDS.map((id) => inLang(`/entity/${id}`, lang)).sort());
      for (const href of linked) assert.ok(servedFile(href), `${href} is pre-rendered`);
    } finally {
      await page.context().close();
    }
  }
});
