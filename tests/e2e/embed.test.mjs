// Embedding: docs/embed-example.html as the host page, the map embedded with ?embed=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { useApp } from './harness.mjs';

const app = useApp();
const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/embed-example.html');

test('the embed example: no site navigation inside, a link back, and the iframe fits the reported height', async () => {
  const context = await app.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  // The example as published, plus a recorder of what the host receives.
  const recorder = `<script>window.heights = []; addEventListener('message', (e) => e.data?.type === 'cdo-atlas:height' && window.heights.push(e.data.height));</script>`;
  const host = fs
    .readFileSync(example, 'utf8')
    .replaceAll('ATLAS_ORIGIN', app.base)
    .replace('loading="lazy"', '')
    .replace('<body>', `<body>${recorder}`);
  await page.setContent(host);
  const frame = page.frameLocator('#cdo-atlas');
  await frame.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(await frame.locator('.site-header').count(), 0, 'no site header');
  assert.equal(await frame.locator('.site-footer').count(), 0, 'no site footer');
  const back = frame.getByRole('link', { name: 'cdo-atlas ↗' });
  assert.equal(await back.getAttribute('href'), '/map');
  assert.equal(await back.getAttribute('target'), '_blank');

  // The host applied the last reported height to the iframe.
  const fitted = async () => {
    await page.waitForFunction(() => window.heights.length > 0);
    return page.evaluate(() => [window.heights.at(-1), document.getElementById('cdo-atlas').getBoundingClientRect().height]);
  };
  await page.waitForTimeout(300);
  const [reported, applied] = await fitted();
  assert.ok(reported > 300, `reported ${reported}`);
  assert.equal(Math.round(applied), reported);

  // Opening the list below the map makes the page taller: a new height is posted and applied.
  await frame.locator('.map-list summary').click();
  await page.waitForFunction((h) => window.heights.at(-1) > h, reported);
  const [taller, appliedTaller] = await fitted();
  assert.ok(taller > reported);
  assert.equal(Math.round(appliedTaller), taller);

  // Links inside stay embedded.
  await frame.locator('.map-list a', { hasText: 'Darmstadt' }).click();
  await frame.getByRole('heading', { level: 1, name: 'Darmstadt' }).waitFor();
  assert.equal(await frame.locator('.site-header').count(), 0);
  assert.equal(await frame.getByRole('link', { name: 'cdo-atlas ↗' }).getAttribute('href'), '/entity/darmstadt');
  await context.close();
});

test('without an iframe or without embed=1 nothing is posted and the site frame is there', async () => {
  const page = await app.open('/map?embed=1');
  await page.locator('svg[data-testid=map] .marks > *').first().waitFor();
  assert.equal(await page.locator('.site-header').count(), 0, 'embed=1 alone already drops the frame');
  assert.deepEqual(page.errors, []);
  await page.goto(app.base + '/map');
  await page.locator('.site-header').waitFor();
  await page.context().close();
});

test('an embed in English: /en/ in the iframe address, kept by its links and its link out', async () => {
  const page = await app.open('/en/explore?embed=1');
  await page.getByRole('heading', { level: 1, name: /^Explorer: filter and sort/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('.embed-bar a').getAttribute('href'), '/en/explore');
  assert.ok((await page.locator('.explore-table tbody a[href^="/en/entity/"]').count()) > 0, 'row links in English');
  await page.context().close();
});
