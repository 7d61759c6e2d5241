// Writes the service worker into a build: `web/sw.js` with BUILD (a hash of every file's content),
// PRECACHE (every file's URL but the downloads offered for reuse, below) and HASHED (which of
// them are named by their content's hash, the rule of scripts/hashed.mjs) filled in. Called by
// the post_build hook (scripts/postbuild.mjs) on the staging dir; `node scripts/precache.mjs
// <dir>` re-runs it on a finished release build (the update e2e test does). A development build
// gets PRECACHE = null: a worker that caches nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { HASHED } from './hashed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The files offered for reuse only (the about page's downloads, written by `xtask data`: the
// CSVs, the data package, the schema, the changelog, the catalogue record) are not precached: a
// first visit would fetch ~45 KB more for the few readers who want them, and a copy kept by the
// build would go stale when the data is replaced without one (README, "Deploying"). The worker
// fetches them from the network when asked for. The app's own data is precached.
const APP_DATA = new Set(['data/cdo-atlas.json', 'data/cdo-atlas.index.json', 'data/laender.json']);
// Of the pre-rendered pages (scripts/prerender.mjs) only the overview and the fallback: offline,
// the worker answers any other navigation with the fallback (404.html), on which the app draws
// the address's page itself, from the precached code and data; a page opened online is kept as
// it is opened (web/sw.js, `navigation`). Precaching all of them (200 pages, ~300 KB gzip) would
// double a first visit's background download. What only crawlers and link previews read is left
// out too.
const APP_PAGES = new Set(['index.html', '404.html']);
const NOT_FOR_THE_APP = new Set(['sitemap.xml', 'robots.txt', 'icons/og.png']);
const precached = (f) =>
  (!f.startsWith('data/') || APP_DATA.has(f)) && (!f.endsWith('.html') || APP_PAGES.has(f)) && !NOT_FOR_THE_APP.has(f);

function files(d, prefix = '') {
  return fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    // The worker itself, and the brotli siblings (the server picks them; the cache stores
    // what the browser decoded, under the plain name).
    .filter((f) => f !== 'sw.js' && !f.endsWith('.br'))
    .filter(precached)
    .sort();
}

/** Writes `<dir>/sw.js`; returns a one-line summary. */
export function writeWorker(dir, { release, publicUrl = '/' }) {
  const base = publicUrl.replace(/\/?$/, '/');
  const list = files(dir);
  const digest = crypto.createHash('sha256');
  for (const f of list) digest.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f)));
  const build = digest.digest('hex').slice(0, 16);
  const urls = list.map((f) => `${base}${f}`);
  // Its comments are for us, not for every reader's download: whole comment lines are left out
  // (the worker has no template literal or string spanning lines that could hold one).
  const template = fs
    .readFileSync(path.join(root, 'web/sw.js'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
  // Each placeholder once; one that is missing means the template changed shape: fail the build.
  const fill = (text, [from, to]) => {
    if (text.split(from).length !== 2) throw new Error(`web/sw.js: expected ${from} once`);
    return text.replace(from, () => to);
  };
  const out = [
    ["'__BUILD__'", JSON.stringify(release ? build : 'dev')],
    ['__PRECACHE__', release ? JSON.stringify(urls, null, 2) : 'null'],
    ['__HASHED__', String(HASHED)],
  ].reduce(fill, template);
  fs.writeFileSync(path.join(dir, 'sw.js'), out);
  return `precache: ${release ? `${urls.length} files, build ${build}` : 'development build, no precache'}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/precache.mjs <release build dir>');
  console.log(writeWorker(dir, { release: true }));
}
