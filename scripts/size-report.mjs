// Size report of the release build in dist/: gzip -9 size of wasm, js, css, html and data,
// against budgets. Prints a table, writes target/size-report.json, exits 1 when a hard limit
// is exceeded. The budgets are gzip; the `br` column is what a host serving the build's brotli
// siblings sends (scripts/compress.mjs; the data files as brotli 11 on the fly), for reference.
//
// Two numbers per row: `budget` is the goal the issues set (reported as OK / OVER), `limit` is
// the regression guard that fails the run. They differ only where the goal is not reached yet;
// the gap is reported, never hidden. With SIZE_STRICT=1 (`make gates`) the budgets fail the run,
// including the first visit's total (≤ 200 KB).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { HASH } from './hashed.mjs';
import { splitModules } from './loader.mjs';
import { PipelineError } from './wasm.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KB = 1000;
const STRICT = process.env.SIZE_STRICT === '1';
const FIRST_VISIT_BUDGET = 200 * KB;

// The main wasm module is what every first visit loads; the modules split off at the split points
// of src/on_demand.rs (scripts/wasm.mjs) load when their page is first shown.
const MAIN_WASM = new RegExp(`^cdo-atlas-${HASH}_bg\\.wasm$`);
const ROWS = [
  // 264 → 276 KB: periods in the data model (schema 2.0 and the 1.x reader beside it, last-confirmed
  // dates, earlier periods on the profile) +6.1 KB; the about page's cities not covered yet and
  // Destatis' notice, the report form's prefill, the update link, the model 'Amt oder
  // Fachbereich' +3.9 KB (docs/PERFORMANCE.md, "Periods"). 276 → 281 KB: the explorer that fits
  // the screen (last-confirmed column, grouped header, cards), the language in the path, the
  // construction without browser reads and the shared address-state hook +5.8 KB
  // (docs/PERFORMANCE.md, "The explorer, the language in the path"); the open data +6.6 KB; then
  // the about page as a module of its own −13.1 KB: 276 KB again (the same section).
  // 276 → 287 KB: the atlas at a date (issue #23) in the lists the main module draws: the index's
  // periods read and their days (+2.6 KB of code), the explorer's rows, counts and sort at a
  // date, the parts' slot (`on_demand::part`), the strings; its views that reading does not
  // need (year chart, time control, timeline, download writer) load on demand (docs/PERFORMANCE.md,
  // "The atlas at a date: measured"). 287 → 288 KB: a first visit to the overview takes the
  // pre-rendered year chart as it is (`takeover::adoptable`, its key, +0.9 KB): that visit loads
  // 15 KB less (not the chart's module) and its main thread is back to before issue #23 (the same
  // document, "The first load after the atlas at a date").
  { name: 'wasm (main)', match: (f) => MAIN_WASM.test(f), budget: 130 * KB, limit: 288 * KB },
  // No goal of its own: a regression guard over all of them together. 130 → 148 KB: the about
  // page's module (with the open data's downloads and changelog) +17.7 KB, taken from the main
  // module (docs/PERFORMANCE.md, "The explorer, the language in the path").
  // 148 → 218 KB (issue #23): the map, compare and the series at a date, and the four parts of
  // main-module pages split off with the chunks they share (the same section).
  { name: 'wasm (on demand)', match: (f) => f.endsWith('.wasm') && !MAIN_WASM.test(f), budget: 130 * KB, limit: 218 * KB, onDemand: true },
  // Limit 15 → 17 KB (issue #23): `__wasm_split.js` loads each module and chunk with its
  // integrity hash (incompressible); 4 more modules, 16 more chunks.
  { name: 'js', match: (f) => f.endsWith('.js'), budget: 15 * KB, limit: 17 * KB },
  { name: 'css', match: (f) => f.endsWith('.css'), budget: 10 * KB, limit: 10 * KB },
  // Every page is pre-rendered (issue #24): a first visit loads its landing page's HTML (counted
  // per landing below), with the page's content where a 4.3 KB shell had its heading. The map's
  // carries its SVG (outlines, markers, labels, legend).
  // Limit 12 → 13 KB: the models year by year (issue #23), chart and table, in the page.
  { name: 'html (overview)', match: (f) => f === 'index.html', budget: 12 * KB, limit: 13 * KB, landing: true },
  { name: 'html (map)', match: (f) => f === path.join('map', 'index.html'), budget: 45 * KB, limit: 45 * KB, landing: true },
  // Every page reads the dataset's index; profile, compare and the series also the dataset itself,
  // which grows with the data (94 entities with their histories and sources: 84 KB).
  { name: 'dataset index', match: (f) => f === path.join('data', 'cdo-atlas.index.json'), budget: 40 * KB, limit: 40 * KB },
  { name: 'dataset', match: (f) => f === path.join('data', 'cdo-atlas.json'), budget: 40 * KB, limit: 120 * KB, onDemand: true, pages: ['/compare', '/entity/…', '/series'] },
  { name: 'geometry', match: (f) => f === path.join('data', 'laender.json'), budget: 40 * KB, limit: 40 * KB },
];

function files(dir, base = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name), path.join(base, d.name)) : [path.join(base, d.name)],
  );
}

if (!fs.existsSync(dist)) {
  console.error('size: dist/ is missing — run `trunk build --release` first');
  process.exit(1);
}
// The page modules and the chunks each needs, from the build's manifest (scripts/wasm.mjs),
// checked to describe this dist/.
let split;
try {
  split = splitModules(dist);
} catch (e) {
  if (!(e instanceof PipelineError)) throw e;
  console.error(`size: ${e.message}`);
  process.exit(1);
}
const all = files(dist);
const report = [];
let failed = false;
const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
const brotli = (f) => {
  const sibling = path.join(dist, `${f}.br`);
  if (fs.existsSync(sibling)) return fs.statSync(sibling).size;
  const body = fs.readFileSync(path.join(dist, f));
  return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
};
console.log('size (gzip -9)        raw         gzip        br          budget      limit       status');
for (const row of ROWS) {
  const matched = all.filter(row.match);
  const raw = matched.reduce((a, f) => a + fs.statSync(path.join(dist, f)).size, 0);
  const gzip = matched.reduce((a, f) => a + gz(f), 0);
  const br = matched.reduce((a, f) => a + brotli(f), 0);
  const status = gzip > row.limit ? 'FAIL' : gzip > row.budget ? `OVER budget by ${fmt(gzip - row.budget)}` : 'OK';
  failed ||= gzip > (STRICT ? row.budget : row.limit) || matched.length === 0;
  report.push({ name: row.name, onDemand: !!row.onDemand, files: matched, raw, gzip, br, budget: row.budget, limit: row.limit, status });
  console.log(`${row.name.padEnd(21)} ${fmt(raw).padEnd(11)} ${fmt(gzip).padEnd(11)} ${fmt(br).padEnd(11)} ${fmt(row.budget).padEnd(11)} ${fmt(row.limit).padEnd(11)} ${matched.length ? status : 'MISSING'}`);
}
// A first visit loads everything but the on-demand modules, plus those of the page it lands on
// (with the chunks it shares with other pages, as the manifest lists them): reported for every
// such page, judged by the heaviest.
const common = report.filter((r) => !r.onDemand && !ROWS.find((x) => x.name === r.name).landing);
const commonGzip = common.reduce((a, r) => a + r.gzip, 0);
const commonBr = common.reduce((a, r) => a + r.br, 0);
// Rows that only some pages load (`pages`) count for those.
const extra = (page) => report.filter((r) => ROWS.find((x) => x.name === r.name).pages?.includes(page)).flatMap((r) => r.files);
// Parts of pages in the main module that are split off too (src/on_demand.rs, `part`): loaded
// by the landings that show them; the download's writer on a click, by none; the year chart by
// none either (a first visit to the overview shows the pre-rendered one, src/takeover.rs `adoptable`).
const PARTS = { years_chart: [], time_control: ['/explore'], timeline: ['/entity/…'], download: [] };
const partFiles = (page) => split.filter((m) => PARTS[m.page]?.includes(page)).flatMap((m) => m.files.map(([f]) => f));
const landings = [
  { page: '(others)', files: [] },
  { page: '/explore', files: [] },
  { page: '/entity/…', files: [] },
  ...split.filter((m) => !(m.page in PARTS)).map((m) => ({ page: `/${m.page}`, files: m.files.map(([f]) => f) })),
].map((v) => ({ ...v, files: [...new Set([...v.files, ...partFiles(v.page)])] }));
// The landing page's own HTML (the pre-rendered page; a profile's, Darmstadt's).
const html = (page) => (page === '(others)' ? 'index.html' : page === '/entity/…' ? path.join('entity', 'darmstadt', 'index.html') : path.join(page.slice(1), 'index.html'));
const visits = landings.map((v) => ({ ...v, files: [...v.files, ...extra(v.page), html(v.page)] })).map((v) => ({
  ...v,
  gzip: commonGzip + v.files.reduce((a, f) => a + gz(f), 0),
  br: commonBr + v.files.reduce((a, f) => a + brotli(f), 0),
}));
for (const v of visits) {
  const over = v.gzip > FIRST_VISIT_BUDGET;
  console.log(`${`first visit ${v.page}`.padEnd(21)} ${''.padEnd(11)} ${fmt(v.gzip).padEnd(11)} ${fmt(v.br).padEnd(11)} ${fmt(FIRST_VISIT_BUDGET).padEnd(11)} ${''.padEnd(11)} ${over ? `OVER budget by ${fmt(v.gzip - FIRST_VISIT_BUDGET)}` : 'OK'}`);
}
const heaviest = visits.reduce((a, v) => (v.gzip > a.gzip ? v : a));
const firstVisit = heaviest.gzip;
const firstVisitBr = heaviest.br;
const firstOver = firstVisit > FIRST_VISIT_BUDGET;
if (STRICT && firstOver) failed = true;
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'size-report.json'), JSON.stringify({ rows: report, visits, firstVisit, firstVisitBr }, null, 2));
const within = (r) => r.gzip <= (STRICT ? r.budget : r.limit);
const checks = report.length + (STRICT ? 1 : 0);
const passed = report.filter(within).length + (STRICT && !firstOver ? 1 : 0);
console.log(`size: ${passed} passed, ${checks - passed} failed${STRICT ? ' (budgets)' : ''}`);
process.exit(failed ? 1 : 0);
