// First visits on an emulated slow line, in a real browser: a cross-check of Lighthouse's
// simulated throttling (scripts/lighthouse.mjs), with the same conditions — 150 ms round trip,
// 1.6 Mbit/s down, 4× CPU slowdown. The line is shaped at the server (latency added per
// response, the bandwidth shared by all of them), not by DevTools' emulation, which leaves the
// service worker's requests unthrottled; and the worker is allowed, as for a real first visit,
// so that what it downloads competes with the page as it would.
// For each page: when its heading appears, when its own content does (the map's markers, the
// explorer's rows, …: pre-rendered, issue #24), and when the app has taken over (the page
// answers its controls), median of three cold loads. Budget: the content within 1.2 s; the
// hand-over is reported, not budgeted.
// Prints a table, exits 1 if a budget is missed.
import { launch } from '../tests/e2e/browser.mjs';
import { serveDist } from '../tests/e2e/static-server.mjs';

const PAGES = [
  ['overview', '/', '[data-testid=entity-list] > li'],
  ['map', '/map', 'svg[data-testid=map] .marks > *'],
  ['explorer', '/explore', '.explore-table tbody tr'],
  ['profile', '/entity/darmstadt', '.sources li'],
  ['compare', '/compare', 'main p.lead'],
  ['series', '/series', 'li.answer'],
  ['about', '/about', '.data-files li'],
];
const BUDGET_MS = 1200;
const ROUNDS = Number(process.env.ROUNDS ?? 3);

// `node scripts/slow-line.mjs [dir]`: another build than dist/ (for comparisons).
const root = process.argv[2] ? (await import('node:path')).resolve(process.argv[2]) : undefined;
const { server, url } = await serveDist({ root, line: { latencyMs: 150, bytesPerSecond: 1.6e6 / 8 } });
const browser = await launch();
const times = new Map(PAGES.map(([name]) => [name, []]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, path, content] of PAGES) {
      // A fresh context per load: nothing cached, no service worker yet.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const [start, sent] = [Date.now(), server.sentBytes];
      await page.goto(url + path, { waitUntil: 'commit' });
      await page.locator('main h1').first().waitFor({ timeout: 60000 });
      const heading = Date.now() - start;
      await page.locator(content).first().waitFor({ timeout: 60000 });
      const shown = Date.now() - start;
      const kb = Math.round((server.sentBytes - sent) / 1000);
      await page.waitForFunction(() => !document.querySelector('[data-prerendered]'), null, { timeout: 60000 });
      times.get(name).push({ heading, content: shown, app: Date.now() - start, kb });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = 0;
console.log(`page        heading ms (min–max)    content ms (min–max)    app ms (min–max)        sent by content  status   median of ${ROUNDS} cold loads`);
for (const [name] of PAGES) {
  const t = times.get(name);
  const col = (k) => `${median(t.map((x) => x[k]))} (${Math.min(...t.map((x) => x[k]))}–${Math.max(...t.map((x) => x[k]))})`.padEnd(23);
  const ok = median(t.map((x) => x.content)) <= BUDGET_MS;
  failed += ok ? 0 : 1;
  const sent = `${median(t.map((x) => x.kb))} kB`.padEnd(16);
  console.log(`${name.padEnd(11)} ${col('heading')} ${col('content')} ${col('app')} ${sent} ${ok ? 'OK' : 'OVER'}`);
}
console.log(`budget: the page's own content ≤ ${BUDGET_MS} ms (150 ms RTT, 1.6 Mbit/s, 4× CPU)`);
console.log(`slow-line: ${PAGES.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
