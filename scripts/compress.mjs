// Brotli (quality 11) siblings for the build's hashed assets — `name.wasm.br` next to
// `name.wasm` — written once at build time, as static hosts expect them (nginx `brotli_static`,
// Caddy `precompressed`, most CDNs); `tests/e2e/static-server.mjs` serves them the same way.
// Only files whose name carries their content hash: the dataset and index.html change without a
// build, and a stale compressed sibling would serve old content. Run by the post_build hook on
// release builds (scripts/postbuild.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { isHashed } from './hashed.mjs';

// Which names carry their hash: scripts/hashed.mjs (Trunk's hashes may have fewer than 16 digits:
// a stylesheet named `style-37c16fe15b404a4.css` once went out uncompressed).
const compressed = (f) => isHashed(f) && /\.(wasm|js|css)$/.test(f);

/** Writes `<file>.br` for every hashed wasm, js and css file in `dir`; returns a summary. */
export function precompress(dir) {
  const names = fs.readdirSync(dir).filter(compressed);
  let before = 0;
  let after = 0;
  for (const name of names) {
    const body = fs.readFileSync(path.join(dir, name));
    const br = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    fs.writeFileSync(path.join(dir, `${name}.br`), br);
    before += body.length;
    after += br.length;
  }
  return `brotli: ${names.length} files, ${(before / 1000).toFixed(1)} → ${(after / 1000).toFixed(1)} KB`;
}
