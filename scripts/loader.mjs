// The app's loader, written into a built index.html by the post_build hook (scripts/postbuild.mjs)
// for the files scripts/wasm.mjs put into the staging dir. It replaces the loader Trunk writes for
// its own Rust pipeline, and does what we had to patch into Trunk's before:
//   - the wasm download starts at once, next to the JS glue's, not after the glue is imported;
//   - the wasm is fetched with its sha384 integrity (a `<link rel=preload>`'s integrity, which is
//     all Trunk gives it, is ignored by Chromium for wasm), the glue and __wasm_split.js are
//     module-preloaded with theirs, so the browser checks every piece of code it runs;
//   - release only; a development build loads the same files without integrity (they change
//     with every rebuild, and `trunk serve` adds its live-reload script anyway).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;

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
  const split = names.filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  const integrity = (f) => (release ? ` integrity="${sri(path.join(dir, f))}"` : '');
  const fetchOptions = release ? `, { integrity: '${sri(path.join(dir, wasm))}' }` : '';
  const tags = [
    ...[glue, ...split].map((f) => `<link rel="modulepreload" href="${base}${f}"${integrity(f)}>`),
    '<script type="module">',
    `const wasm = fetch('${base}${wasm}'${fetchOptions});`,
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
