// The one definition of "a file named by its content's hash", for the build scripts, the tests
// and — written into the build's sw.js by scripts/precache.mjs — the service worker. A hashed
// file can never be stale: the worker takes it from the HTTP cache (web/sw.js, `precache`),
// scripts/compress.mjs gives it a brotli sibling.
//
// Two writers name files so, `<stem>-<hex>[_bg].<ext>`:
//   - Trunk (`filehash`: the stylesheet, register.js, the favicon) formats its 64-bit seahash
//     with `{:x}`, without leading zeros: 16 hex digits, fewer for about one file in 16
//     (`style-37c16fe15b404a4.css` has 15). Fewer than 12 takes five leading zero digits, about
//     one file in a million: such a file is then merely treated as unhashed (checked with the
//     server, one download more), never the other way round;
//   - scripts/wasm.mjs (the wasm, its glue, __wasm_split.js) writes the first 16 digits of a
//     sha256: always 16.
// The lower bound keeps names that only end in a number from counting as hashed:
// `icons/icon-192.png` must be checked with the server, not taken from a cache as never stale.
export const HASH = '[0-9a-f]{12,16}';

/** A URL or file name whose last segment carries its content's hash (`…-<hash>[_bg].<ext>`). */
export const HASHED = new RegExp(`-${HASH}(_bg)?\\.[a-z]+$`);

/** Whether `name` (a file name or URL path) is named by its content's hash. */
export const isHashed = (name) => HASHED.test(name);
