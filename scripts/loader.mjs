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
  const integrity = (f) => (release ? ` integrity="${integrityOf.get(f)}"` : '');
  const fetchOptions = release ? `, { integrity: '${integrityOf.get(wasm)}' }` : '';
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
