// The app's loader, written into a built index.html by the post_build hook (scripts/postbuild.mjs)
// for the files scripts/wasm.mjs put into the staging dir. It replaces the loader Trunk writes for
// its own Rust pipeline, and does what we had to patch into Trunk's before:
//   - the wasm download starts as the head is parsed: a `<link rel=preload>` at the top of the
//     head, which the loader's own fetch takes over (request, not script, order: the loader is a
//     module script and runs only after the deferred scripts before it have arrived);
//   - the wasm is fetched with its sha384 integrity, which Chromium checks when the fetch takes
//     the preloaded response (it ignores an integrity on a fetch preload, crbug.com/981419, so
//     the preload carries none); the glue and __wasm_split.js are module-preloaded with theirs,
//     so the browser checks every piece of code it runs;
//   - a page whose code is a module of its own (src/on_demand.rs) fetches that module itself,
//     after its heading has been painted (see ARCHITECTURE.md, "Code splitting");
//   - integrity: release only; a development build loads the same files without integrity (they change
//     with every rebuild, and `trunk serve` adds its live-reload script anyway).
import fs from 'node:fs';
import path from 'node:path';

import { HASH } from './hashed.mjs';
import { sri } from './wasm.mjs';

const SPLIT_LOADER = new RegExp(`^__wasm_split-${HASH}\\.js$`);
const sriOf = (file) => sri(fs.readFileSync(file));

/** Inserts the loader at the end of `<dir>/index.html`'s head; returns a one-line summary. */
export function writeLoader(dir, { release, publicUrl = '/' }) {
  const base = publicUrl.replace(/\/?$/, '/');
  const names = fs.readdirSync(dir);
  const find = (re, what) => {
    const found = names.filter((f) => re.test(f));
    if (found.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${found.length}`);
    return found[0];
  };
  const glue = find(new RegExp(`^cdo-atlas-${HASH}\\.js$`), 'JS glue');
  const wasm = find(new RegExp(`^cdo-atlas-${HASH}_bg\\.wasm$`), 'main wasm module');
  const split = names.filter((f) => SPLIT_LOADER.test(f));
  const integrity = (f) => (release ? ` integrity="${sriOf(path.join(dir, f))}"` : '');
  const fetchOptions = release ? `, { integrity: '${sriOf(path.join(dir, wasm))}' }` : '';
  const preload = `<link rel="preload" as="fetch" crossorigin href="${base}${wasm}">`;
  const tags = [
    ...[glue, ...split].map((f) => `<link rel="modulepreload" href="${base}${f}"${integrity(f)}>`),
    '<script type="module">',
    'try {',
    `const wasm = fetch('${base}${wasm}'${fetchOptions});`,
    `const { default: init } = await import('${base}${glue}');`,
    'await init({ module_or_path: wasm });',
    // The app did not arrive or start: say so (index.html's #start-failed) instead of a blank
    // page, and keep the error for the console.
    '} catch (e) {',
    "const failed = document.getElementById('start-failed');",
    'if (failed) {',
    'failed.hidden = false;',
    "document.getElementById('start-retry').addEventListener('click', () => location.reload());",
    '}',
    'throw e;',
    '}',
    '</script>',
  ].join('\n');
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  // Trunk leaves the skipped Rust link (index.html) in place.
  const skipped = html.match(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/);
  if (!skipped) throw new Error('index.html has no <link data-trunk rel=rust data-trunk-skip>');
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  // The preload goes first, ahead of the stylesheet and the scripts the preload scanner would
  // otherwise request before it.
  const first = html.match(/<meta charset=[^>]*>/i);
  if (!first) throw new Error('index.html has no <meta charset>');
  html = html
    .replace(skipped[0], '')
    .replace(first[0], `${first[0]}${preload}`)
    .replace('</head>', `${tags}\n</head>`);
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
    const m = body.match(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\), \{ integrity: "(sha384-[^"]+)" \}\)/);
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
