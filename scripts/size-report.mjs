// Size report of the release build in dist/: gzip -9 size of wasm, js, css, html and dataset,
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KB = 1000;
const STRICT = process.env.SIZE_STRICT === '1';
const FIRST_VISIT_BUDGET = 200 * KB;

const ROWS = [
  { name: 'wasm', match: (f) => f.endsWith('.wasm'), budget: 130 * KB, limit: 355 * KB },
  { name: 'js', match: (f) => f.endsWith('.js'), budget: 15 * KB, limit: 15 * KB },
  { name: 'css', match: (f) => f.endsWith('.css'), budget: 10 * KB, limit: 10 * KB },
  { name: 'html', match: (f) => f === 'index.html', budget: 5 * KB, limit: 5 * KB },
  { name: 'dataset', match: (f) => f === path.join('data', 'cdo-atlas.json'), budget: 40 * KB, limit: 40 * KB },
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
const all = files(dist);
const report = [];
let failed = false;
const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
const brotli = (f) => {
  const sibling = path.join(dist, `${f}.br`);
  if (fs.existsSync(sibling)) return fs.statSync(sibling).size;
  const body = fs.readFileSync(path.join(dist, f));
  return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
};
console.log('size (gzip -9)   raw         gzip        br          budget      limit       status');
for (const row of ROWS) {
  const matched = all.filter(row.match);
  const raw = matched.reduce((a, f) => a + fs.statSync(path.join(dist, f)).size, 0);
  const gzip = matched.reduce((a, f) => a + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  const br = matched.reduce((a, f) => a + brotli(f), 0);
  const status = gzip > row.limit ? 'FAIL' : gzip > row.budget ? `OVER budget by ${fmt(gzip - row.budget)}` : 'OK';
  failed ||= gzip > (STRICT ? row.budget : row.limit) || matched.length === 0;
  report.push({ name: row.name, files: matched, raw, gzip, br, budget: row.budget, limit: row.limit, status });
  console.log(`${row.name.padEnd(16)} ${fmt(raw).padEnd(11)} ${fmt(gzip).padEnd(11)} ${fmt(br).padEnd(11)} ${fmt(row.budget).padEnd(11)} ${fmt(row.limit).padEnd(11)} ${matched.length ? status : 'MISSING'}`);
}
const firstVisit = report.reduce((a, r) => a + r.gzip, 0);
const firstVisitBr = report.reduce((a, r) => a + r.br, 0);
const firstOver = firstVisit > FIRST_VISIT_BUDGET;
console.log(`${'first visit'.padEnd(16)} ${''.padEnd(11)} ${fmt(firstVisit).padEnd(11)} ${fmt(firstVisitBr).padEnd(11)} ${fmt(FIRST_VISIT_BUDGET).padEnd(11)} ${''.padEnd(11)} ${firstOver ? `OVER budget by ${fmt(firstVisit - FIRST_VISIT_BUDGET)}` : 'OK'}`);
if (STRICT && firstOver) failed = true;
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'size-report.json'), JSON.stringify({ rows: report, firstVisit, firstVisitBr }, null, 2));
const within = (r) => r.gzip <= (STRICT ? r.budget : r.limit);
const checks = report.length + (STRICT ? 1 : 0);
const passed = report.filter(within).length + (STRICT && !firstOver ? 1 : 0);
console.log(`size: ${passed} passed, ${checks - passed} failed${STRICT ? ' (budgets)' : ''}`);
process.exit(failed ? 1 : 0);
