// The release build's security properties: a strict CSP that the app actually runs under,
// integrity on every asset (and enforced for the wasm), outbound links http(s) only with
// rel="noopener noreferrer".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { serveTampered, useApp, APP_H1 } from './harness.mjs';
import { DIST } from './static-server.mjs';
import { POLICY, inlineScriptHashes } from '../../scripts/csp.mjs';
import { HASH } from '../../scripts/hashed.mjs';

const app = useApp();
const html = fs.readFileSync(`${DIST}/index.html`, 'utf8');

function builtPolicy() {
  const meta = html.match(/<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]+)">/i);
  assert.ok(meta, 'index.html has a CSP meta tag');
  return Object.fromEntries(
    meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
}

test('the built index.html carries the strict CSP, allowing inline scripts only by hash', () => {
  const policy = builtPolicy();
  // Every directive of the policy as specified, nothing looser, nothing missing.
  assert.deepEqual(Object.keys(policy).sort(), Object.keys(POLICY).sort());
  for (const [name, values] of Object.entries(POLICY)) {
    const extra = policy[name].filter((v) => !values.includes(v));
    if (name === 'script-src') {
      assert.deepEqual(extra.sort(), inlineScriptHashes(html).sort(), 'only the inline loader, by its hash');
    } else {
      assert.deepEqual(extra, [], `${name} is not loosened`);
    }
  }
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    for (const [name, values] of Object.entries(policy)) assert.ok(!values.includes(loose), `${name} allows ${loose}`);
  }
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'self'"]);
  // The CSP must come before any script.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('every asset the page loads carries subresource integrity, the wasm included', () => {
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const assets = tags.filter((t) => /\bsrc=/.test(t) || /rel=["']?(stylesheet|icon|modulepreload|preload)\b/.test(t));
  // Nothing of the app is asked for before the pre-rendered page is painted: no preload in the
  // head (scripts/loader.mjs asks for the code and the index after the first paint).
  assert.deepEqual(assets.filter((t) => /rel=["']?(modulepreload|preload)\b/.test(t)), [], 'no preload before the first paint');
  assert.ok(assets.length >= 2, `found ${assets.length} asset tags`);
  for (const tag of assets) assert.match(tag, /integrity=["']?sha384-/, tag);
  // The loader's own requests: the wasm fetched with its integrity, the glue and the split
  // loader module-preloaded with theirs before they are imported. The data is not code: it
  // changes without a build (so no hash can be pinned), and the validator, not a checksum, is
  // what stands between it and the page; its preload may only ever be a fetch of the index.
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.match(loader, new RegExp(`fetch\\('/cdo-atlas-${HASH}_bg\\.wasm', \\{ integrity: 'sha384-[A-Za-z0-9+/=]+' \\}\\)`), 'the wasm with its integrity');
  const modules = [...loader.matchAll(/ask\(\{ rel: 'modulepreload', href: '([^']+)', integrity: 'sha384-[A-Za-z0-9+/=]+' \}\)/g)].map((m) => m[1]);
  assert.equal(modules.length, 2, 'the glue and the split loader, each with its integrity');
  assert.ok(loader.includes(`import('${modules[0]}')`), 'the glue imported is the one preloaded');
  const asked = [...loader.matchAll(/ask\(\{ rel: '(\w+)'/g)].map((m) => m[1]);
  assert.deepEqual(asked, ['modulepreload', 'modulepreload', 'preload']);
  assert.match(loader, /ask\(\{ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: '\/data\/cdo-atlas\.index\.json' \}\)/);
});

test('the app runs under the CSP without a single violation on any page', async () => {
  const context = await app.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const violations = [];
  const visit = async (path, ready) => {
    await page.goto(app.base + path);
    await page.locator(ready).first().waitFor();
    violations.push(...(await page.evaluate(() => window.cspViolations)));
  };
  await visit('/', '[data-testid=entity-list] > li');
  await visit('/explore', '.explore-table tbody tr');
  await visit('/compare?ids=darmstadt,hamburg', '.compare-table');
  await visit('/entity/darmstadt', APP_H1);
  await visit('/about', APP_H1);
  await visit('/map', 'svg[data-testid=map] .marks > *');
  // The tooltip is positioned through the CSSOM, labels carry font-size attributes.
  await page.locator('svg[data-testid=map] .marks a[data-id=hamburg]').hover();
  await page.locator('#map-tooltip').waitFor();
  assert.match(await page.locator('#map-tooltip').getAttribute('style'), /left: \d+px/);
  violations.push(...(await page.evaluate(() => window.cspViolations)));
  assert.deepEqual(violations, []);
  assert.deepEqual(errors.filter((e) => !e.includes('integrity` attribute is currently ignored')), []);
  await context.close();
});

test('a tampered wasm is refused (integrity), so a modified build never runs', async () => {
  // The app never takes over from the pre-rendered page here.
  const context = await app.newContext({ prerendered: true });
  const page = await context.newPage();
  const errors = [];
  const integrity = new Promise((resolve) => {
    const seen = (text) => {
      errors.push(text);
      if (/integrity/i.test(text)) resolve();
    };
    page.on('console', (m) => m.type() === 'error' && seen(m.text()));
    page.on('pageerror', (e) => seen(e.message));
  });
  await serveTampered(page, '**/*_bg.wasm');
  await page.goto(app.base + '/');
  // The loader's one attempt to start the app has ended: it shows this only once the wasm's
  // fetch or start has failed (scripts/loader.mjs), and nothing starts the app after it. The
  // reader is told, not left with a blank page.
  await page.getByRole('alert').filter({ hasText: 'cdo-atlas konnte nicht starten' }).waitFor();
  // Failed because of the integrity check, and not for another reason (Chromium reports it as
  // the check fails, before the fetch rejects).
  await Promise.race([
    integrity,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no integrity error: ${errors.join('\n')}`)), 5000).unref()),
  ]);
  assert.equal(await page.locator('.site-header:not([data-prerendered])').count(), 0, 'the app did not start');
  await context.close();
});

test('outbound links are http(s) only and carry rel="noopener noreferrer"', async () => {
  const page = await app.open('/entity/darmstadt');
  const checked = [];
  for (const path of ['/entity/darmstadt', '/entity/hamburg', '/compare?ids=darmstadt,hamburg', '/about']) {
    await page.goto(app.base + path);
    await page.locator(APP_H1).first().waitFor();
    await page.locator('html[data-settled]').waitFor({ state: 'attached' });
    // A profile's sources come with the dataset, which it asks for once its heading is painted.
    if (path.startsWith('/entity/')) await page.locator('.sources a').first().waitFor();
    const links = await page.$$eval('a[href]', (as) => as.map((a) => ({ href: a.getAttribute('href'), rel: a.rel })));
    for (const { href, rel } of links) {
      assert.ok(/^(\/|#|https?:\/\/)/.test(href), `${path}: ${href}`);
      if (/^https?:/.test(href)) {
        assert.ok(rel.split(/\s+/).includes('noopener') && rel.split(/\s+/).includes('noreferrer'), `${path}: ${href} rel="${rel}"`);
        checked.push(href);
      }
    }
  }
  assert.ok(checked.length >= 5, `checked ${checked.length} outbound links`);
  await page.context().close();
});
