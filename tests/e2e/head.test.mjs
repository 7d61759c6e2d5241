// The pre-rendered pages' heads (issue #24 item 5; `xtask prerender`, xtask/src/head.rs): each
// page's own title and description, canonical and language alternates that point at each other,
// the link-preview cards with an image that loads, the about page's JSON-LD `Dataset` with files
// that load (and no CSP complaint about it), and sitemap.xml and robots.txt.
// Needs a release build with the prerender run into it (README, "Deploying").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useApp, DATASET } from './harness.mjs';
import { DIST } from './static-server.mjs';

const app = useApp();

// `/` is served index.html, the app's fallback for every address; its pre-rendered page is
// written beside it (xtask/src/prerender.rs) until the build puts it in place.
const HOME = fs.existsSync(`${DIST}/index.prerendered.html`) && !/rel="?canonical/.test(fs.readFileSync(`${DIST}/index.html`, 'utf8'))
  ? '/index.prerendered.html'
  : '/';
const served = (path) => (path === '/' ? HOME : path);

/** The head of the page at `path` as served (no script runs: what a crawler or a preview reads). */
async function head(path) {
  const context = await app.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(app.base + served(path));
  assert.equal(response.status(), 200, path);
  const read = await page.evaluate(() => {
    const attr = (selector, name) => document.head.querySelector(selector)?.getAttribute(name) ?? null;
    const meta = (key) => attr(`meta[name="${key}"], meta[property="${key}"]`, 'content');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      description: meta('description'),
      descriptions: document.head.querySelectorAll('meta[name="description"]').length,
      canonical: attr('link[rel="canonical"]', 'href'),
      alternates: Object.fromEntries(
        [...document.head.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]),
      ),
      og: Object.fromEntries(
        [...document.head.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [
          m.getAttribute('property') ?? m.getAttribute('name'),
          m.content,
        ]),
      ),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    };
  });
  await context.close();
  return read;
}

/** `url` (absolute, on whatever origin the build was given) fetched from the served dist. */
const fetchServed = (url) => fetch(app.base + new URL(url).pathname);

const PAGES = [
  ['overview', '/', '/en/'],
  ['profile', '/entity/darmstadt', '/en/entity/darmstadt'],
  ['about', '/about', '/en/about'],
];

for (const [name, de, en] of PAGES) {
  test(`${name}: own title and description, canonical and alternates pointing at each other`, async () => {
    const heads = { de: await head(de), en: await head(en) };
    for (const [lang, path] of [['de', de], ['en', en]]) {
      const h = heads[lang];
      assert.equal(h.lang, lang, path);
      assert.match(h.title, / – cdo-atlas$/, path);
      assert.equal(h.descriptions, 1, `${path}: one description, the page's own`);
      assert.ok(h.description && h.description.length > 50, `${path}: ${h.description}`);
      // Absolute, on one origin, at the page's own path.
      const canonical = new URL(h.canonical);
      assert.equal(canonical.pathname, path, `${path}: canonical ${h.canonical}`);
      assert.equal(h.og['og:url'], h.canonical, path);
      assert.deepEqual(Object.keys(h.alternates).sort(), ['de', 'en', 'x-default'], path);
      assert.equal(new URL(h.alternates.de).pathname, de, path);
      assert.equal(new URL(h.alternates.en).pathname, en, path);
      assert.equal(h.alternates['x-default'], h.alternates.de, path);
      assert.equal(h.alternates[lang], h.canonical, `${path}: its own alternate is its canonical`);
      assert.equal(h.og['og:locale'], lang === 'de' ? 'de_DE' : 'en_GB', path);
      assert.equal(h.og['twitter:card'], 'summary_large_image', path);
      assert.equal(h.og['og:title'], h.title, path);
      assert.equal(h.og['og:description'], h.description, path);
    }
    // Each language's page names the other as the other names it.
    assert.deepEqual(heads.de.alternates, heads.en.alternates);
    assert.notEqual(heads.de.description, heads.en.description, 'each language its own description');
    if (name === 'profile') {
      for (const h of Object.values(heads)) assert.match(h.description, /^Darmstadt \(/, h.description);
      assert.match(heads.de.title, /^Darmstadt – /);
      assert.match(heads.de.description, /CDO aus der Wissenschaft/);
      assert.match(heads.en.description, /CDO from academia/);
    }
    if (name === 'overview') {
      const cities = DATASET.entities.filter((e) => e.kind === 'city').length;
      assert.match(heads.de.description, new RegExp(`${cities} Städte`), heads.de.description);
      assert.match(heads.en.description, new RegExp(`${cities} cities`), heads.en.description);
    }
  });
}

test('the cards name a 1200×630 image that loads', async () => {
  for (const path of ['/', '/en/entity/darmstadt']) {
    const { og } = await head(path);
    assert.equal(og['og:image:width'], '1200');
    assert.equal(og['og:image:height'], '630');
    assert.ok(og['og:image:alt'], 'the image has a text alternative');
    assert.equal(og['twitter:image'], og['og:image']);
    const response = await fetchServed(og['og:image']);
    assert.equal(response.status, 200, og['og:image']);
    assert.match(response.headers.get('content-type'), /^image\/png/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630], 'the PNG is as large as the tags say');
  }
});

test('the about page describes the dataset as JSON-LD, with files that load', async () => {
  for (const path of ['/about', '/en/about']) {
    const { jsonLd, canonical } = await head(path);
    assert.equal(jsonLd.length, 1, path);
    const data = JSON.parse(jsonLd[0]);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'Dataset');
    assert.equal(data.url, canonical);
    assert.equal(data.dateModified, DATASET.as_of);
    assert.equal(data.version, DATASET.data_version);
    assert.equal(data.license, 'https://creativecommons.org/licenses/by/4.0/');
    assert.equal(data.isAccessibleForFree, true);
    const files = data.distribution.map((d) => new URL(d.contentUrl).pathname).sort();
    assert.deepEqual(files, ['/data/cdo-atlas.csv', '/data/cdo-atlas.json', '/data/cdo-atlas.sources.csv']);
    for (const d of data.distribution) {
      const response = await fetchServed(d.contentUrl);
      assert.equal(response.status, 200, d.contentUrl);
      assert.ok((await response.arrayBuffer()).byteLength > 0, d.contentUrl);
      assert.equal(d.encodingFormat, d.contentUrl.endsWith('.csv') ? 'text/csv' : 'application/json');
    }
  }
  // No other page carries it.
  assert.equal((await head('/entity/darmstadt')).jsonLd.length, 0);
});

test('the JSON-LD block runs under the CSP without a complaint', async () => {
  const page = await app.open('/about');
  const complaints = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) complaints.push(m.text());
  });
  await page.reload();
  await page.locator('main h1').first().waitFor();
  assert.equal(await page.locator('script[type="application/ld+json"]').count(), 1, 'the pre-rendered head is kept');
  assert.deepEqual(complaints, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('sitemap.xml lists every entity in both languages; robots.txt names it', async () => {
  const response = await fetch(`${app.base}/sitemap.xml`);
  assert.equal(response.status, 200);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  for (const e of DATASET.entities) {
    assert.ok(locs.includes(`/entity/${e.id}`), e.id);
    assert.ok(locs.includes(`/en/entity/${e.id}`), `en ${e.id}`);
  }
  for (const page of ['/', '/en/', '/map', '/en/map', '/about', '/en/about']) assert.ok(locs.includes(page), page);
  assert.ok(!locs.some((l) => l.includes('404')), 'no not-found page');
  assert.equal(new Set(locs).size, locs.length, 'each address once');
  assert.equal(xml.match(/<xhtml:link /g).length, 2 * locs.length, 'each with its two languages');
  assert.equal(xml.match(/<lastmod>/g).length, locs.length);
  assert.ok(xml.includes(`<lastmod>${DATASET.as_of}</lastmod>`));

  const robots = await (await fetch(`${app.base}/robots.txt`)).text();
  const sitemap = robots.match(/^Sitemap: (\S+)$/m);
  assert.ok(sitemap, robots);
  assert.equal(new URL(sitemap[1]).pathname, '/sitemap.xml');
  assert.match(robots, /^User-agent: \*$/m);
});
