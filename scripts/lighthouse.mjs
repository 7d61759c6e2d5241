// Lighthouse 12.2.3 (pinned: 13 needs a newer Node) against the release build served on
// 127.0.0.1, in Debian's Chromium, mobile with simulated throttling (Lighthouse's defaults).
// Budgets: performance ≥ 0.95, LCP ≤ 2.5 s, accessibility 1.0, best practices 1.0.
// Prints a table, writes target/lighthouse/<page>.json, exits 1 if a budget is missed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { serveDist } from '../tests/e2e/static-server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target/lighthouse');
fs.mkdirSync(out, { recursive: true });
const PAGES = [
  ['overview', '/'],
  ['map', '/map'],
  ['explorer', '/explore'],
  ['profile', '/entity/darmstadt'],
  ['compare', '/compare?ids=darmstadt,hamburg'],
];
const BUDGET = { performance: 0.95, accessibility: 1, 'best-practices': 1, lcpMs: 2500 };

const { server, url } = await serveDist();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
let failed = 0;
const rows = [];
try {
  for (const [name, route] of PAGES) {
    const result = await lighthouse(`${url}${route}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result.lhr;
    fs.writeFileSync(path.join(out, `${name}.json`), result.report);
    const score = (c) => lhr.categories[c].score;
    const lcp = lhr.audits['largest-contentful-paint'].numericValue;
    const row = {
      name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      lcp,
    };
    const misses = [];
    for (const c of ['performance', 'accessibility', 'best-practices']) if (!(row[c] >= BUDGET[c])) misses.push(c);
    if (!(lcp <= BUDGET.lcpMs)) misses.push('lcp');
    for (const c of ['accessibility', 'best-practices']) {
      if (row[c] < 1) {
        const bad = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && lhr.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0));
        row[`${c} issues`] = bad.map((a) => a.id).join(', ');
      }
    }
    row.misses = misses;
    failed += misses.length ? 1 : 0;
    rows.push(row);
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log('page        perf   a11y   best   LCP        status');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(11)} ${r.performance.toFixed(2)}   ${r.accessibility.toFixed(2)}   ${r['best-practices'].toFixed(2)}   ${(r.lcp / 1000).toFixed(2).padStart(5)} s    ${r.misses.length ? `OVER (${r.misses.join(', ')})` : 'OK'}`,
  );
  for (const k of ['accessibility issues', 'best-practices issues']) if (r[k]) console.log(`            ${k}: ${r[k]}`);
}
console.log(`budgets: performance ≥ ${BUDGET.performance}, LCP ≤ ${BUDGET.lcpMs / 1000} s, accessibility ${BUDGET.accessibility}, best practices ${BUDGET['best-practices']}`);
console.log(`lighthouse: ${rows.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
