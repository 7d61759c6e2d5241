// Trunk's pre_build hook (Trunk.toml): builds the app's wasm and its JS glue into the staging dir.
// It replaces Trunk's own Rust pipeline (index.html marks that link `data-trunk-skip`) because
// code splitting needs a step between `cargo build` and `wasm-bindgen`, where Trunk 0.21 has no
// hook (trunk-rs/trunk#1022). See ARCHITECTURE.md, "Code splitting".
//
//   development  cargo build → wasm-bindgen                     (one module)
//   release      cargo rustc --release --features split, linked with relocations
//                → wasm-split (main module + one per split point + shared chunks + __wasm_split.js)
//                → wasm-bindgen on the main module → wasm-opt -Oz on every module
//
// Every output is named with one hash over all of them (`cdo-atlas-<hash>.js`, …): the glue and
// __wasm_split.js import each other, so per-file content hashes would be circular. Any change
// renames every file, which is what cache busting needs. __wasm_split.js fetches each module
// with its sha384 integrity. The loader that starts it all is written into index.html by the
// post_build hook (scripts/postbuild.mjs → scripts/loader.mjs).
//
// Beside the files it writes the build's manifest, target/wasm-pipeline/<profile>/manifest.json
// (`manifestPath`; not shipped): the glue, the main module and __wasm_split.js, and for each page
// split off its module and the shared chunks it needs, each with its name and integrity. The
// loader and the size report (scripts/size-report.mjs) read it instead of the generated code.
//
// It checks its assumptions and fails with what to do: the tools are the pinned versions
// (scripts/tools.mjs), each module declares the wasm features wasm-opt is to allow (`optimize`),
// the generated JS has the shape it patches and reads (`GENERATED`).
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { toolProblems } from './tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'cdo-atlas';
const TARGET = 'wasm32-unknown-unknown';
// wasm-opt allows the wasm features a module declares in its target_features section, which
// rust-lld writes from the features rustc compiled for (its defaults for the target:
// `rustc --print cfg --target wasm32-unknown-unknown`) and wasm-split-cli and wasm-bindgen keep.
// So the list derives itself: a newer rustc's new default features reach wasm-opt with the
// module, and `optimize` checks that each module declares its features before wasm-opt runs. This
// list is for a feature a module uses without declaring it; none does (the six flags it held
// changed no byte of the build, binaryen 132 and rustc 1.95).
const WASM_OPT_FEATURES = [];

// What the pipeline expects of the JS that wasm-bindgen and wasm-split-cli generate, in one place:
// the text it patches, and the shape it reads __wasm_split.js by. Written for the pinned versions
// (checked before the build, scripts/tools.mjs). An upgrade that moves any of it fails the build
// naming the entry; adapt the entry to the new output in target/wasm-pipeline/<profile>/split/ and
// bindgen/.
const GENERATED = {
  // wasm-bindgen's glue: the main module's default URL, `new URL('cdo-atlas_bg.wasm', import.meta.url)`.
  glueFetchesMain: `'${NAME}_bg.wasm'`,
  // The glue's import statement of __wasm_split.js. Only it: the import object's keys are the
  // module names inside the wasm, which stay.
  glueImportsSplit: `from "./__wasm_split.js"`,
  // wasm-split-cli's __wasm_split.js: its import of the glue,
  splitImportsGlue: `from "./${NAME}.js"`,
  // how it fetches each module (the only place a module's name appears),
  splitFetches: (file) => `fetch(new URL("./${file}", import.meta.url))`,
  anyFetch: /fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g,
  // and its loaders, one per shared chunk and one per page, each the fetch of one module and the
  // list of chunk loaders it waits for:
  //   const __chunk_5 = makeLoad(() => { …fetch… }\n, []);
  //   export const __wasm_split_load_map = wrapAsyncCb(makeLoad(() => { …fetch… }\n, [__chunk_5, __chunk_9]));
  chunkLoader: /^const (__chunk_\d+) = makeLoad\(/gm,
  pageLoader: /^export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(/gm,
  waitsFor: /\n, \[([\w, ]*)\]\)\)?;/,
};

/** Where the build of a profile writes its manifest. */
export const manifestPath = (release) => path.join(root, 'target', 'wasm-pipeline', release ? 'release' : 'debug', 'manifest.json');

/**
 * What each page needs, read from the __wasm_split.js wasm-split-cli wrote (it alone knows which
 * code each page reaches): `[{ page, module, chunks }]` in the file's order, `chunks` those its
 * loader waits for (and theirs). Every module wasm-split-cli wrote must be fetched by one loader
 * read here, and every chunk waited for must be one of them; anything else fails the build.
 */
export function splitPages(js, modules) {
  const fail = (what) =>
    new PipelineError(
      `__wasm_split.js: ${what}. scripts/wasm.mjs learns from it which modules each page needs, by the ` +
        'shapes of GENERATED (scripts/wasm.mjs), written for the pinned wasm-split-cli (scripts/tools.env): ' +
        'adapt them to target/wasm-pipeline/release/split/__wasm_split.js',
    );
  const starts = [
    ...[...js.matchAll(GENERATED.chunkLoader)].map((m) => ({ at: m.index, chunk: m[1] })),
    ...[...js.matchAll(GENERATED.pageLoader)].map((m) => ({ at: m.index, page: m[1] })),
  ].sort((a, b) => a.at - b.at);
  const loaders = starts.map((start, i) => {
    const text = js.slice(start.at, starts[i + 1]?.at ?? js.length);
    const name = start.chunk ?? `__wasm_split_load_${start.page}`;
    const fetched = [...text.matchAll(GENERATED.anyFetch)].map((m) => m[1]);
    if (fetched.length !== 1) {
      throw fail(`expected ${name} to fetch one module, as ${GENERATED.splitFetches('<module>.wasm')}; it fetches ${fetched.length}`);
    }
    const waits = text.match(GENERATED.waitsFor);
    if (!waits) throw fail(`expected ${name}'s makeLoad(…) to end with the chunks it waits for, "\\n, [__chunk_<n>, …])"`);
    return { ...start, name, file: fetched[0], waitsFor: waits[1].split(',').map((d) => d.trim()).filter(Boolean) };
  });
  const pages = loaders.filter((l) => l.page);
  if (pages.length === 0) throw fail('expected a loader per page, "export const __wasm_split_load_<page> = wrapAsyncCb(makeLoad(", and found none');
  const read = loaders.map((l) => l.file);
  const besides = (list, others) => list.filter((f) => !others.includes(f)).join(', ');
  const outside = besides([...js.matchAll(GENERATED.anyFetch)].map((m) => m[1]), read);
  if (outside) throw fail(`it fetches ${outside} outside the chunk and page loaders GENERATED describes`);
  const unfetched = besides(modules, read);
  if (unfetched) throw fail(`wasm-split-cli wrote ${unfetched}, which no loader fetches`);
  const unwritten = besides(read, modules);
  if (unwritten) throw fail(`its loaders fetch ${unwritten}, which wasm-split-cli did not write`);
  const chunks = new Map(loaders.filter((l) => l.chunk).map((l) => [l.chunk, l]));
  const needs = (loader, seen = new Set()) => {
    for (const d of loader.waitsFor) {
      if (!chunks.has(d)) throw fail(`${loader.name} waits for ${d}, which is not a chunk loader ("const ${d} = makeLoad(")`);
      if (!seen.has(d)) needs(chunks.get(d), seen.add(d));
    }
    return seen;
  };
  return pages.map((p) => ({ page: p.page, module: p.file, chunks: [...needs(p)].map((d) => chunks.get(d).file) }));
}

// CDO_WASM_PROFILE=1 keeps function names (wasm-bindgen --keep-debug, wasm-opt -g): a release
// build to read CPU profiles and `node scripts/wasm-sizes.mjs` of — never one to ship.
const PROFILE = process.env.CDO_WASM_PROFILE === '1';

/** The subresource-integrity value of `bytes`. */
export const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/** A broken assumption of the pipeline: its message says what to do, and is all that is printed. */
export class PipelineError extends Error {}

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

/** The unsigned LEB128 number at `at` in `bytes`, and where the next value starts. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** A length-prefixed UTF-8 name at `at`, and where the next value starts. */
function name(bytes, at) {
  const [length, from] = leb(bytes, at);
  return [bytes.subarray(from, from + length).toString('utf8'), from + length];
}

/**
 * The sections of a wasm module, in order: `{ id, name, start, body, end }` (`name` for a custom
 * section, id 0; `body` where its contents start after the name; `start`/`end` the whole section).
 */
export function* sections(bytes) {
  let at = 8; // magic and version
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    const [size, from] = leb(bytes, at + 1);
    const end = from + size;
    const [custom, body] = id === 0 ? name(bytes, from) : [null, from];
    yield { id, name: custom, start, body, end };
    at = end;
  }
}

/**
 * The features a wasm module declares in its target_features custom section (`+name` entries),
 * or null when it has none.
 */
export function declaredFeatures(bytes) {
  for (const section of sections(bytes)) {
    if (section.name !== 'target_features') continue;
    const features = [];
    let [count, at] = leb(bytes, section.body);
    for (; count > 0; count--) {
      const prefix = String.fromCharCode(bytes[at]);
      let feature;
      [feature, at] = name(bytes, at + 1);
      if (prefix === '+' || prefix === '=') features.push(feature);
    }
    return features;
  }
  return null;
}

/** wasm-opt -Oz on `file`, in place; a module it rejects fails the build saying what to change. */
export function optimize(file) {
  const module = path.basename(file);
  const features = declaredFeatures(fs.readFileSync(file));
  if (!features?.length) {
    throw new PipelineError(
      `${module} declares no wasm features (no target_features section), so wasm-opt would allow only ` +
        "binaryen's defaults and reject or mangle what rustc used. rust-lld writes that section and " +
        'wasm-split-cli and wasm-bindgen have kept it: if one of them no longer does, list the features ' +
        `\`rustc --print cfg --target ${TARGET}\` prints, as wasm-opt's --enable-<feature> flags, in ` +
        'WASM_OPT_FEATURES (scripts/wasm.mjs)',
    );
  }
  const args = ['-Oz', ...(PROFILE ? ['-g', '--strip-dwarf'] : []), ...WASM_OPT_FEATURES, `--output=${file}`, file];
  // Its warnings pass through; a rejection can be megabytes of validator errors, summed up.
  const result = spawnSync('wasm-opt', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  if (result.status === 0) {
    process.stderr.write(result.stderr);
    return;
  }
  const said = result.stderr.split('\n').filter((line) => line && !line.startsWith('warning: '));
  const excerpt = said.slice(0, 3).map((line) => `    ${line.slice(0, 240)}`).join('\n');
  // The validator names the flag a feature needs: "memory.copy operations require bulk memory
  // operations [--enable-bulk-memory-opt]".
  const flags = [...new Set([...result.stderr.matchAll(/\[(--enable-[\w-]+)\]/g)].map((m) => m[1]))];
  if (flags.length === 0) {
    throw new PipelineError(
      `wasm-opt failed on ${module}. If it could not read an instruction, the module uses a wasm feature ` +
        'binaryen does not know (it ignores unknown names in target_features): a newer rustc ' +
        '(rust-toolchain.toml) may have made one a default; update binaryen (package.json). ' +
        `wasm-opt said (${said.length} lines; the first):\n${excerpt}`,
    );
  }
  throw new PipelineError(
    `wasm-opt rejected ${module}: it uses wasm features wasm-opt was not allowed, ${flags.join(' ')}. ` +
      `The module declares ${features.join(', ')} (its target_features section). A newer rustc ` +
      '(rust-toolchain.toml) or wasm-bindgen can emit a feature by default without declaring it: add ' +
      "the flags above to WASM_OPT_FEATURES in scripts/wasm.mjs. Should wasm-opt name no flag for a feature, " +
      `binaryen (package.json) is too old for it. wasm-opt said (${said.length} lines; the first):\n${excerpt}`,
  );
}

/** Builds into `outDir` (a fresh staging dir); returns the names of the files written. */
export function buildWasm(outDir, { release }) {
  const problems = toolProblems({ release });
  if (problems.length) {
    throw new PipelineError(`the build's tools are not the pinned ones:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const work = path.dirname(manifestPath(release));
  fs.rmSync(work, { recursive: true, force: true });
  const split = path.join(work, 'split');
  const bindgen = path.join(work, 'bindgen');
  fs.mkdirSync(split, { recursive: true });
  fs.mkdirSync(bindgen, { recursive: true });

  const cargoArgs = ['--target', TARGET, '--bin', NAME, '--locked'];
  if (release) {
    // Only the final link needs relocations (wasm-split reads them): `cargo rustc` passes the
    // flag to this crate alone, so the dependencies' build cache is shared with other builds.
    run('cargo', ['rustc', ...cargoArgs, '--release', '--features', 'split', '--', '-C', 'link-args=--emit-relocs']);
  } else {
    run('cargo', ['build', ...cargoArgs]);
  }
  const built = path.join(root, 'target', TARGET, release ? 'release' : 'debug', `${NAME}.wasm`);

  let main = built;
  let modules = [];
  let pages = [];
  if (release) {
    run('wasm-split-cli', [built, split, '--out-name', NAME]);
    main = path.join(split, `${NAME}.wasm`);
    modules = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
    pages = splitPages(fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8'), modules);
  }
  run('wasm-bindgen', ['--target=web', ...(release ? ['--keep-lld-exports'] : []), ...(PROFILE ? ['--keep-debug'] : []), `--out-dir=${bindgen}`, `--out-name=${NAME}`, '--no-typescript', main]);
  for (const f of modules) fs.copyFileSync(path.join(split, f), path.join(bindgen, f));
  if (release) {
    fs.copyFileSync(path.join(split, '__wasm_split.js'), path.join(bindgen, '__wasm_split.js'));
    for (const f of [`${NAME}_bg.wasm`, ...modules]) optimize(path.join(bindgen, f));
  }

  // One hash over every output, then the renames and the references between the files.
  const outputs = fs.readdirSync(bindgen).filter((f) => /\.(js|wasm)$/.test(f)).sort();
  const digest = crypto.createHash('sha256');
  for (const f of outputs) digest.update(`${f}\0`).update(fs.readFileSync(path.join(bindgen, f)));
  const hash = digest.digest('hex').slice(0, 16);
  const hashed = (f) => f.replace(/(_bg)?\.(js|wasm)$/, `-${hash}$1.$2`);

  fs.mkdirSync(outDir, { recursive: true });
  const read = (f) => fs.readFileSync(path.join(bindgen, f));
  for (const f of outputs.filter((f) => f.endsWith('.wasm'))) fs.writeFileSync(path.join(outDir, hashed(f)), read(f));
  // Replaces every occurrence of what GENERATED expects; none means the generated code changed
  // shape: fail the build, naming the entry.
  const patch = (text, file, key, to, arg) => {
    const from = arg === undefined ? GENERATED[key] : GENERATED[key](arg);
    if (!text.includes(from)) {
      throw new PipelineError(
        `${file}: expected ${from} (GENERATED.${key}, scripts/wasm.mjs), written for the pinned ` +
          `wasm-bindgen and wasm-split-cli: adapt it to target/wasm-pipeline/${release ? 'release' : 'debug'}/bindgen/${file}`,
      );
    }
    return text.split(from).join(to);
  };
  let glue = read(`${NAME}.js`).toString();
  glue = patch(glue, `${NAME}.js`, 'glueFetchesMain', `'${hashed(`${NAME}_bg.wasm`)}'`);
  let loader = null;
  if (release) {
    glue = patch(glue, `${NAME}.js`, 'glueImportsSplit', `from "./${hashed('__wasm_split.js')}"`);
    loader = read('__wasm_split.js').toString();
    loader = patch(loader, '__wasm_split.js', 'splitImportsGlue', `from "./${hashed(`${NAME}.js`)}"`);
    for (const f of modules) {
      const fetched = `fetch(new URL("./${hashed(f)}", import.meta.url), { integrity: "${sri(read(f))}" })`;
      loader = patch(loader, '__wasm_split.js', 'splitFetches', fetched, f);
    }
    fs.writeFileSync(path.join(outDir, hashed('__wasm_split.js')), loader);
  }
  fs.writeFileSync(path.join(outDir, hashed(`${NAME}.js`)), glue);

  const wasm = (f) => ({ file: hashed(f), integrity: sri(read(f)) });
  const manifest = {
    glue: { file: hashed(`${NAME}.js`), integrity: sri(glue) },
    wasm: wasm(`${NAME}_bg.wasm`),
    splitLoader: loader && { file: hashed('__wasm_split.js'), integrity: sri(loader) },
    pages: pages.map(({ page, module, chunks }) => ({ page, module: wasm(module), chunks: chunks.map(wasm) })),
  };
  fs.writeFileSync(manifestPath(release), `${JSON.stringify(manifest, null, 2)}\n`);
  return outputs.map(hashed).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: node scripts/wasm.mjs <out dir> (or as a Trunk hook)');
  const release = process.env.TRUNK_PROFILE ? process.env.TRUNK_PROFILE === 'release' : process.argv.includes('--release');
  try {
    console.log(`wasm: ${buildWasm(dir, { release }).join(', ')}`);
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    console.error(`wasm: ${e.message}`);
    process.exit(1);
  }
}
