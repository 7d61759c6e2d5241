// The app's loader, written into a built index.html by the post_build hook (scripts/postbuild.mjs)
// for the files scripts/wasm.mjs put into the staging dir. It replaces the loader Trunk writes for
// its own Rust pipeline, and does what we had to patch into Trunk's before:
//   - the wasm download starts at once, next to the JS glue's, not after the glue is imported;
//   - the wasm is fetched with its sha384 integrity (a `<link rel=preload>`'s integrity, which is
//     all Trunk gives it, is ignored by Chromium for wasm), the glue and __wasm_split.js are
//     module-preloaded with theirs, so the browser checks every piece of code it runs;
//   - opening the map preloads its Länder outlines (PAGE_DATA below), as index.html preloads the
//     dataset for every page;
//   - opening a page whose code is a module of its own (src/on_demand.rs) fetches that module
//     and the chunks it needs alongside the main module, instead of after the main module has
//     started and asked for it; __wasm_split.js takes these responses (scripts/wasm.mjs);
//   - integrity: release only; a development build loads the same files without integrity (they change
//     with every rebuild, and `trunk serve` adds its live-reload script anyway).
import fs from 'node:fs';
import path from 'node:path';

import { PREFETCH_GLOBAL, sri } from './wasm.mjs';

const SPLIT_LOADER = /^__wasm_split-[0-9a-f]{16}\.js$/;
const sriOf = (file) => sri(fs.readFileSync(file));

// Data a page needs beyond the dataset (which index.html preloads for every page): requested by
// the loader as the page opens, so it downloads alongside the wasm instead of after it. The app's
// own fetch takes the preloaded response (src/data.rs).
const PAGE_DATA = { map: ['data/laender.json'] };

/** Inserts the loader at the end of `<dir>/index.html`'s head; returns a one-line summary. */
export function writeLoader(dir, { release, publicUrl = '/' }) {
  const base = publicUrl.replace(/\/?$/, '/');
  const names = fs.readdirSync(dir);
  const find = (re, what) => {
    const found = names.filter((f) => re.test(f));
    if (found.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${found.length}`);
    return found[0];
  };
  const glue = find(/^cdo-atlas-[0-9a-f]{16}\.js$/, 'JS glue');
  const wasm = find(/^cdo-atlas-[0-9a-f]{16}_bg\.wasm$/, 'main wasm module');
  const split = names.filter((f) => SPLIT_LOADER.test(f));
  const integrity = (f) => (release ? ` integrity="${sriOf(path.join(dir, f))}"` : '');
  const fetchOptions = release ? `, { integrity: '${sriOf(path.join(dir, wasm))}' }` : '';
  const prefetch = [
    `const page = location.pathname.slice(${JSON.stringify(base.length)}).split('/')[0];`,
    `for (const href of ${JSON.stringify(PAGE_DATA)}[page] ?? []) {`,
    `  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: ${JSON.stringify(base)} + href }));`,
    '}',
  ];
  if (split.length) {
    // Split points are named after their page's path (on_demand.rs): /map → module `map`.
    const modules = Object.fromEntries(splitModules(dir).map((m) => [m.page, m.files]));
    prefetch.push(
      `const modules = ${JSON.stringify(modules)};`,
      // Caught here too: a page left before its module is asked for must not log a rejection.
      `globalThis.${PREFETCH_GLOBAL} = Object.fromEntries((modules[page] ?? []).map(([f, integrity]) => {`,
      `  const started = fetch(${JSON.stringify(base)} + f, { integrity });`,
      '  started.catch(() => {});',
      '  return [f, started];',
      '}));',
    );
  }
  const tags = [
    ...[glue, ...split].map((f) => `<link rel="modulepreload" href="${base}${f}"${integrity(f)}>`),
    '<script type="module">',
    `const wasm = fetch('${base}${wasm}'${fetchOptions});`,
    ...prefetch,
    `const { default: init } = await import('${base}${glue}');`,
    'await init({ module_or_path: wasm });',
    '</script>',
  ].join('\n');
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  // Trunk leaves the skipped Rust link (index.html) in place.
  const skipped = html.match(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/);
  if (!skipped) throw new Error('index.html has no <link data-trunk rel=rust data-trunk-skip>');
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  html = html.replace(skipped[0], '').replace('</head>', `${tags}\n</head>`);
  fs.writeFileSync(file, html);
  return `loader: ${glue}, ${wasm}${split.length ? `, ${split[0]}` : ''}${release ? ' (with integrity)' : ''}`;
}

/**
 * The split modules of a release build in `dir`, as __wasm_split.js (scripts/wasm.mjs) loads them:
 * `[{ page, files: [[file, integrity], …] }]`, the page's own module first, then the chunks it
 * shares with other pages. Empty for a build without split points.
 */
export function splitModules(dir) {
  const loader = fs.readdirSync(dir).find((f) => SPLIT_LOADER.test(f));
  if (!loader) return [];
  const js = fs.readFileSync(path.join(dir, loader), 'utf8');
  const fetched = (body) => {
    const m = body.match(/prefetched\("([^"]+\.wasm)"\) \?\? fetch\([^)]*\)\, \{ integrity: "(sha384-[^"]+)" \}\)/);
    if (!m) throw new Error(`${loader}: a module without integrity`);
    return [m[1], m[2]];
  };
  const chunks = new Map(
    [...js.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)].map((m) => [m[1], fetched(m[2])]),
  );
  const pages = [...js.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g)];
  if (pages.length === 0) throw new Error(`${loader}: no split modules found — has its format changed?`);
  return pages.map((m) => ({
    page: m[1],
    files: [fetched(m[2]), ...m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunks.get(d))],
  }));
}
