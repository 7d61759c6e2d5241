// Trunk's post_build hook (Trunk.toml): finishes the staging dir of a build, in this order —
//   1. release only: the inline loader fetches the wasm with its SRI hash (Trunk puts the hash
//      only on a <link rel=preload>, whose integrity Chromium ignores for wasm), and a strict
//      Content-Security-Policy <meta> goes first into <head>, allowing exactly the inline
//      loader by its sha256 hash (see scripts/csp.mjs);
//   2. the service worker with the precache list of the finished files (scripts/precache.mjs);
//   3. release only: brotli siblings of the hashed wasm, js and css (scripts/compress.mjs).
// Development builds get neither the CSP (trunk serve injects a live-reload script) nor a
// caching worker.
import { harden } from './csp.mjs';
import { writeWorker } from './precache.mjs';
import { precompress } from './compress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('scripts/postbuild.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');
const release = process.env.TRUNK_PROFILE === 'release';
if (release) console.log(harden(dir));
console.log(writeWorker(dir, { release, publicUrl: process.env.TRUNK_PUBLIC_URL ?? '/' }));
if (release) console.log(precompress(dir));
