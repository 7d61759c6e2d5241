// The main thread's work on a first load, for comparing builds: node scripts/first-load.mjs
// <path> <loads> <dist> [<dist>…] loads <path> from each build in turn (alternately, so that the
// machine's state falls on all alike), each in a fresh context with its service worker, and
// reads the page's main-thread tasks from a Chromium trace until the app has settled and
// WAIT ms (default 3000) after. Reported per build, medians:
//   - main-thread CPU: the tasks' thread time (ms), unthrottled;
//   - TBT at 4×: Σ max(0, 4·t − 50 ms) over the tasks' thread times t — the blocking time on
//     a phone four times slower, as Lighthouse simulates it, but from thread time, which the
//     host's load (steal) moves far less than the wall-clock durations Lighthouse reads
//     (docs/PERFORMANCE.md, "The first load after the atlas at a date").
// A measuring tool, no budgets: Lighthouse (`make gates`) is the gate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveDist } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const [pagePath, loads, ...dists] = process.argv.slice(2);
if (!pagePath || !Number(loads) || !dists.length) {
  console.error('usage: node scripts/first-load.mjs <path> <loads> <dist> [<dist>…]');
  process.exit(2);
}
const WAIT = Number(process.env.WAIT ?? 3000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const servers = await Promise.all(dists.map((d) => serveDist({ root: path.resolve(root, d) })));
const browser = await launch();
const results = dists.map(() => []);
for (let i = 0; i < Number(loads); i++) {
  for (const [k, { url }] of servers.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' });
    await page.goto(url + pagePath);
    await page.locator('html[data-settled]').waitFor({ state: 'attached', timeout: 30000 });
    await page.waitForTimeout(WAIT);
    await cdp.send('Tracing.end');
    await complete;
    // The renderer's main threads; the page's is the busiest.
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tdur !== undefined && mains.has(`${e.pid}:${e.tid}`));
    const busy = new Map();
    for (const t of tasks) busy.set(`${t.pid}:${t.tid}`, (busy.get(`${t.pid}:${t.tid}`) ?? 0) + t.tdur);
    const main = [...busy].sort((a, b) => b[1] - a[1])[0][0];
    const times = tasks.filter((t) => `${t.pid}:${t.tid}` === main).map((t) => t.tdur / 1000);
    results[k].push({
      cpu: times.reduce((a, t) => a + t, 0),
      tbt: times.reduce((a, t) => a + Math.max(0, 4 * t - 50), 0),
    });
    await context.close();
  }
}
await browser.close();
for (const s of servers) s.server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${pagePath}, ${loads} loads each`);
for (const [k, dist] of dists.entries()) {
  const r = results[k];
  console.log(`${dist.padEnd(28)} main-thread CPU ${median(r.map((x) => x.cpu)).toFixed(0).padStart(4)} ms   TBT at 4× ${median(r.map((x) => x.tbt)).toFixed(0).padStart(4)} ms   (each: ${r.map((x) => x.tbt.toFixed(0)).join(' ')})`);
}
