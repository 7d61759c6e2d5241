// Trunk's post_build hook (Trunk.toml): finishes the staging dir of a build, in this order —
//   1. the loader for the wasm that scripts/wasm.mjs (the pre_build hook) built, as its manifest
//      names it, with integrity on every piece of code in a release build (scripts/loader.mjs);
//   2. release only: a strict Content-Security-Policy <meta> goes first into <head>, allowing
//      exactly the inline scripts by their sha256 hashes (scripts/csp.mjs);
//   3. release only: every page pre-rendered into a copy of that index.html (scripts/prerender.mjs);
//   4. the service worker with the precache list of the finished files (scripts/precache.mjs);
//   5. release only: brotli siblings of the hashed wasm, js and css (scripts/compress.mjs).
// Development builds get neither the CSP (trunk serve injects a live-reload script), nor the
// pre-rendered pages (the app draws each page itself), nor a caching worker.
import path from 'node:path';

import { writeLoader } from './loader.mjs';
import { harden } from './csp.mjs';
import { prerender } from './prerender.mjs';
import { writeWorker } from './precache.mjs';
import { precompress } from './compress.mjs';
import { PipelineError } from './wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('scripts/postbuild.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');
const release = process.env.TRUNK_PROFILE === 'release';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
try {
  console.log(writeLoader(dir, { release, publicUrl }));
} catch (e) {
  if (!(e instanceof PipelineError)) throw e;
  console.error(`loader: ${e.message}`);
  process.exit(1);
}
if (release) console.log(harden(dir));
if (release) console.log(prerender(path.resolve(dir)));
console.log(writeWorker(dir, { release, publicUrl }));
if (release) console.log(precompress(dir));
