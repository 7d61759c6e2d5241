// The wasm pipeline's own checks (scripts/wasm.mjs), on the release build the e2e layer runs
// after: its manifest describes dist/ as the shipped __wasm_split.js fetches it, and what it
// assumes of the generated JS and of each module fails the build, saying what to change, once it
// no longer holds. No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readManifest, splitModules } from '../../scripts/loader.mjs';
import { declaredFeatures, manifestPath, optimize, PipelineError, sections, splitPages } from '../../scripts/wasm.mjs';
import { DIST } from './static-server.mjs';

// What wasm-split-cli wrote for the last release build, before any patch.
const SPLIT = path.join(path.dirname(manifestPath(true)), 'split');
// The split points the source declares (src/on_demand.rs: `wasm_split(<page>, fallible)`).
const ON_DEMAND = fs.readFileSync(new URL('../../src/on_demand.rs', import.meta.url), 'utf8');
const PAGES = [...ON_DEMAND.matchAll(/wasm_split\((\w+), fallible\)/g)].map((m) => m[1]).sort();

test("the manifest names dist/'s files, and each page's module and chunks as the shipped __wasm_split.js fetches them", () => {
  const manifest = readManifest(DIST, { release: true });
  assert.ok(manifest.splitLoader, 'a release build has __wasm_split.js');
  const loader = fs.readFileSync(path.join(DIST, manifest.splitLoader.file), 'utf8');
  assert.ok(PAGES.length >= 4, PAGES.join(' '));
  assert.deepEqual(manifest.pages.map((p) => p.page).sort(), PAGES);
  for (const { page, module, chunks } of manifest.pages) {
    for (const { file, integrity } of [module, ...chunks]) {
      assert.ok(loader.includes(`fetch(new URL("./${file}", import.meta.url), { integrity: "${integrity}" })`), `${page}: ${file}`);
    }
  }
  // The size report's view of it.
  assert.deepEqual(
    splitModules(DIST).map((m) => m.page),
    manifest.pages.map((p) => p.page),
  );
});

test('the manifest must describe the build it is read against', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cdo-manifest-'));
  try {
    const { wasm, pages } = readManifest(DIST, { release: true });
    for (const f of fs.readdirSync(DIST).filter((f) => /\.(js|wasm)$/.test(f))) fs.copyFileSync(path.join(DIST, f), path.join(copy, f));
    fs.appendFileSync(path.join(copy, wasm.file), ' ');
    assert.throws(() => readManifest(copy, { release: true }), (e) => e instanceof PipelineError && e.message.includes(`its ${wasm.file} differs`));
    fs.copyFileSync(path.join(DIST, wasm.file), path.join(copy, wasm.file));
    fs.rmSync(path.join(copy, pages[0].chunks[0].file));
    assert.throws(() => readManifest(copy, { release: true }), (e) => e instanceof PipelineError && e.message.includes(`its ${pages[0].chunks[0].file} is missing`));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('__wasm_split.js is read by its shape, and a change of shape fails, naming it', () => {
  const js = fs.readFileSync(path.join(SPLIT, '__wasm_split.js'), 'utf8');
  const modules = fs.readdirSync(SPLIT).filter((f) => f.endsWith('.wasm') && f !== 'cdo-atlas.wasm');
  const pages = splitPages(js, modules);
  assert.equal(pages.length, PAGES.length);
  assert.deepEqual(new Set(pages.flatMap((p) => [p.module, ...p.chunks])), new Set(modules), 'every module is some page’s');
  const fails = (edit, message) =>
    assert.throws(() => splitPages(edit(js), modules), (e) => e instanceof PipelineError && message.test(e.message), String(message));
  fails((t) => t.replace(/^const (__chunk_\d+) = makeLoad\(/gm, 'const $1 = makeLoader('), /fetches chunk_\d+\.wasm.* outside the chunk and page loaders/);
  fails((t) => t.replace(/\n, \[/g, ', ['), /to end with the chunks it waits for/);
  fails((t) => t.replace(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g, "new URL('./$1', import.meta.url)"), /to fetch one module/);
  fails((t) => t.replace(/export const __wasm_split_load_compare[\s\S]*$/, ''), /wrote (\w+\.wasm, )*split_compare\.wasm(, \w+\.wasm)*, which no loader fetches/);
  fails((t) => t.replace(/\[__chunk_(\d+)/, '[__chunk_99'), /waits for __chunk_99, which is not a chunk loader/);
  // Page loaders renamed: the last chunk loader seems to fetch them all.
  fails((t) => t.replace(/^export const __wasm_split_load_/gm, 'export const load_'), /to fetch one module, as .*; it fetches ([2-9]|[1-9]\d+)\b/);
});

test('each module declares the wasm features wasm-opt is to allow; one that does not fails before wasm-opt runs', () => {
  const { wasm, pages } = readManifest(DIST, { release: true });
  for (const { file } of [wasm, ...pages.flatMap((p) => [p.module, ...p.chunks])]) {
    const features = declaredFeatures(fs.readFileSync(path.join(DIST, file)));
    assert.ok(features?.includes('bulk-memory'), `${file}: ${features}`);
  }
  // The smallest module without its target_features section.
  const bytes = fs.readFileSync(path.join(DIST, pages.flatMap((p) => p.chunks).map((c) => c.file).sort()[0]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdo-features-'));
  try {
    const file = path.join(dir, 'module.wasm');
    fs.writeFileSync(file, withoutSection(bytes, 'target_features'));
    assert.equal(declaredFeatures(fs.readFileSync(file)), null);
    assert.throws(() => optimize(file), (e) => e instanceof PipelineError && /declares no wasm features.*WASM_OPT_FEATURES/s.test(e.message));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** `bytes`, a wasm module, without its custom section `name`. */
function withoutSection(bytes, name) {
  const kept = [...sections(bytes)].filter((s) => s.name !== name).map((s) => bytes.subarray(s.start, s.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept]);
}
