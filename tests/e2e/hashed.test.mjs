// Which files are named by their content's hash: one rule (scripts/hashed.mjs) for the build
// scripts, the tests and the service worker the build ships. No browser: the names, and the
// release build's sw.js evaluated in a bare context (here, beside the other tests of dist/,
// because the e2e layer runs after the release build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

import { HASHED, isHashed } from '../../scripts/hashed.mjs';
import { DIST } from './static-server.mjs';

// [name, hashed?] — what each writer produces and what must never count as hashed.
const NAMES = [
  // scripts/wasm.mjs: the first 16 digits of a sha256, always 16.
  ['/cdo-atlas-664631547a07b91b_bg.wasm', true],
  ['/cdo-atlas-064631547a07b91b.js', true],
  ['/__wasm_split-664631547a07b91b.js', true],
  ['/chunk_10-664631547a07b91b.wasm', true],
  ['/split_map-664631547a07b91b.wasm', true],
  // Trunk: a 64-bit hash without leading zeros, so 16 digits or fewer. A real 15-digit one.
  ['/style-37c16fe15b404a4.css', true],
  ['/favicon-2d1e9cd53ac6618.svg', true],
  ['/register-7013bfbbaa5f.js', true], // 12: four leading zeros
  // Fewer than 12 digits (five leading zeros, about one file in a million): treated as unhashed,
  // which costs a download, never staleness.
  ['/register-13bfbbaa5ff.js', false],
  // Not hashed: checked with the server before they are cached.
  ['/index.html', false],
  ['/sw.js', false],
  ['/manifest.webmanifest', false],
  ['/data/cdo-atlas.index.json', false],
  ['/data/cdo-atlas.json', false],
  ['/icons/icon-192.png', false],
  ['/icons/icon-maskable-512.png', false],
  ['/style-553b8181d53f6aac0.css', false], // 17 digits: no writer makes these
];

function assertRule(matches, label) {
  for (const [name, hashed] of NAMES) assert.equal(matches(name), hashed, `${label}: ${name}`);
}

test('a hashed name has 12 to 16 hex digits, as Trunk and scripts/wasm.mjs write them; icons and data are not hashed', () => {
  assertRule(isHashed, 'scripts/hashed.mjs');
});

test("the release build's service worker uses the same rule", () => {
  const worker = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  // Evaluated as the browser would, with a `self` that takes its listeners and does nothing.
  const self = { addEventListener() {}, location: { origin: 'http://127.0.0.1' } };
  const { HASHED: rule, PRECACHE: precache } = vm.runInNewContext(`${worker}\n;({ HASHED, PRECACHE })`, { self });
  assert.ok(Array.isArray(precache), 'a release build: PRECACHE is the list of files');
  assertRule((name) => rule.test(name), 'dist/sw.js');
  assert.equal(`${rule.source} ${rule.flags}`, `${HASHED.source} ${HASHED.flags}`, 'the pattern of scripts/hashed.mjs');
  // Every file the worker precaches is one or the other by name, as the build wrote it: the ones
  // Trunk and scripts/wasm.mjs named by their hash, and the few that keep their name.
  const unhashed = /^\/(index\.html|404\.html|manifest\.webmanifest|data\/[\w.-]+\.json|icons\/[\w-]+\.png)$/;
  for (const url of precache) {
    assert.notEqual(rule.test(url), unhashed.test(url), `${url}: hashed by the worker's rule, or one of the names that carry no hash`);
  }
});
