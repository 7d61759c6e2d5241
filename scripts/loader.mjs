// The app's loader, written into a built index.html by the post_build hook (scripts/postbuild.mjs)
// for the files scripts/wasm.mjs put into the staging dir. It replaces the loader Trunk writes for
// its own Rust pipeline, and does what we had to patch into Trunk's before:
//   - every page is pre-rendered (scripts/prerender.mjs) and reads without the app, so nothing of
//     the app is asked for before the page's first paint: the loader waits for it, then asks for
//     the main wasm, its glue and __wasm_split.js, and the dataset's index (which every page
//     reads) at once. What a first visit reads first does not share the line with 350 KB of code
//     (docs/PERFORMANCE.md, "Pre-rendering: measured"); Lighthouse counts every request that
//     starts before the largest paint into its time;
//   - the wasm is fetched with its sha384 integrity; the glue and __wasm_split.js are
//     module-preloaded with theirs before they are imported, so the browser checks every piece
//     of code it runs;
//   - a page whose code is a module of its own (src/on_demand.rs) fetches that module itself,
//     after its heading has been painted (see ARCHITECTURE.md, "Code splitting");
//   - integrity: release only; a development build loads the same files without integrity (they change
//     with every rebuild, and `trunk serve` adds its live-reload script anyway).
// Which files those are, and their integrity, it takes from the build's manifest (scripts/wasm.mjs),
// after checking that they are in the build, unchanged.
import fs from 'node:fs';
import path from 'node:path';

import { manifestPath, PipelineError, sri } from './wasm.mjs';

/**
 * The manifest scripts/wasm.mjs wrote for the last build of the profile, checked against the
 * build in `dir`: every file it names is there, with the integrity it recorded.
 */
export function readManifest(dir, { release }) {
  const file = manifestPath(release);
  const rebuild = `build again (trunk build${release ? ' --release' : ''})`;
  if (!fs.existsSync(file)) throw new PipelineError(`${path.relative(process.cwd(), file)} is missing (scripts/wasm.mjs writes it): ${rebuild}`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = [manifest.glue, manifest.wasm, manifest.splitLoader, ...manifest.pages.flatMap((p) => [p.module, ...p.chunks])];
  for (const { file: name, integrity } of entries.filter(Boolean)) {
    const there = path.join(dir, name);
    const what = !fs.existsSync(there) ? 'is missing' : sri(fs.readFileSync(there)) !== integrity ? 'differs' : null;
    if (what) throw new PipelineError(`${dir} is not the build ${path.relative(process.cwd(), file)} describes: its ${name} ${what}; ${rebuild}`);
  }
  return manifest;
}

/** Inserts the loader at the end of `<dir>/index.html`'s head; returns a one-line summary. */
export function writeLoader(dir, { release, publicUrl = '/' }) {
  const base = publicUrl.replace(/\/?$/, '/');
  const manifest = readManifest(dir, { release });
  const { file: glue } = manifest.glue;
  const { file: wasm } = manifest.wasm;
  const split = manifest.splitLoader ? [manifest.splitLoader.file] : [];
  const integrityOf = new Map([manifest.glue, manifest.wasm, manifest.splitLoader].filter(Boolean).map((e) => [e.file, e.integrity]));
  const fetchOptions = release ? `, { integrity: '${integrityOf.get(wasm)}' }` : '';
  const sriOf = (f) => (release ? `, integrity: '${integrityOf.get(f)}'` : '');
  const tags = [
    '<script type="module">',
    'try {',
    // After the first paint: a frame, then a task (or a quarter second, where a background tab
    // draws no frames).
    'await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 250); });',
    "const ask = (attributes) => document.head.append(Object.assign(document.createElement('link'), attributes));",
    ...[glue, ...split].map((f) => `ask({ rel: 'modulepreload', href: '${base}${f}'${sriOf(f)} });`),
    // The app's own fetch of the index takes this response over (src/data.rs).
    `ask({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: '${base}data/cdo-atlas.index.json' });`,
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
  html = html.replace(skipped[0], '').replace('</head>', `${tags}\n</head>`);
  fs.writeFileSync(file, html);
  return `loader: ${glue}, ${wasm}${split.length ? `, ${split[0]}` : ''}${release ? ' (with integrity)' : ''}`;
}

/**
 * The split modules of the release build in `dir`, from its manifest: `[{ page, files: [[file,
 * integrity], …] }]`, the page's own module first, then the chunks it shares with other pages.
 * Empty for a build without split points.
 */
export function splitModules(dir) {
  return readManifest(dir, { release: true }).pages.map(({ page, module, chunks }) => ({
    page,
    files: [module, ...chunks].map(({ file, integrity }) => [file, integrity]),
  }));
}
