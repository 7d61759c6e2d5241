// The versions the build's tools are pinned to, read in one place for scripts/setup.sh (which
// installs them) and scripts/wasm.mjs (which checks them before it builds). Each pin lives in the
// file its own tool reads, or in scripts/tools.env where no tool reads one:
//   rust-toolchain.toml rustc (a release), with the targets and components the build needs
//   scripts/tools.env   trunk, wasm-split-cli
//   Cargo.toml          wasm-bindgen: the CLI must be exactly the version of the crate pinned with `=`
//   package.json        binaryen, which brings wasm-opt
//
//   node scripts/tools.mjs --env    the pins as KEY='value' lines (scripts/setup.sh evals them)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const VERSION = /^\d+\.\d+\.\d+$/;

/** scripts/tools.env: `KEY=VALUE` lines, `#` comments and blank lines; anything else throws. */
function toolsEnv() {
  const env = {};
  read('scripts/tools.env').split('\n').forEach((line, i) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = line.match(/^([A-Z][A-Z0-9_]*)=(\S+)$/);
    if (!m) throw new Error(`scripts/tools.env:${i + 1}: expected KEY=VALUE (no spaces, no quotes), found ${JSON.stringify(line)}`);
    env[m[1]] = m[2];
  });
  return env;
}

/** rust-toolchain.toml: the channel, a release, and its target and component lists. */
function toolchainFile() {
  const text = read('rust-toolchain.toml');
  if (!/^\[toolchain\]$/m.test(text)) throw new Error('rust-toolchain.toml: expected a [toolchain] table');
  const value = (key) => text.match(new RegExp(`^${key} = (.*)$`, 'm'))?.[1];
  const channel = value('channel')?.match(/^"(\d+\.\d+\.\d+)"$/)?.[1];
  if (!channel) throw new Error('rust-toolchain.toml: expected channel = "<major.minor.patch>", a release, so that every machine builds with the same compiler');
  const list = (key) => {
    const items = value(key)?.match(/^\[((?:\s*"[\w-]+",?)*)\s*\]$/)?.[1];
    if (items === undefined) throw new Error(`rust-toolchain.toml: expected ${key} = ["…", …] on one line`);
    return [...items.matchAll(/"([\w-]+)"/g)].map((m) => m[1]);
  };
  return { channel, targets: list('targets'), components: list('components') };
}

/** Every pin, by the name scripts/setup.sh uses for it. */
export function pins() {
  const toolchain = toolchainFile();
  const env = toolsEnv();
  for (const key of ['TRUNK_VERSION', 'WASM_SPLIT_VERSION']) {
    if (!VERSION.test(env[key] ?? '')) throw new Error(`scripts/tools.env: expected ${key}=<major.minor.patch>, found ${env[key] ?? 'nothing'}`);
  }
  const bindgen = read('Cargo.toml').match(/^wasm-bindgen = "=(\d+\.\d+\.\d+)"$/m);
  if (!bindgen) throw new Error('Cargo.toml: expected a line wasm-bindgen = "=<version>" (pinned with `=`: the wasm-bindgen CLI must be the same version)');
  const binaryen = JSON.parse(read('package.json')).devDependencies?.binaryen;
  if (!VERSION.test(binaryen ?? '')) throw new Error(`package.json: expected devDependencies.binaryen to be an exact version, found ${binaryen}`);
  return {
    RUST_TOOLCHAIN: toolchain.channel,
    RUST_TARGETS: toolchain.targets.join(' '),
    RUST_COMPONENTS: toolchain.components.join(' '),
    TRUNK_VERSION: env.TRUNK_VERSION,
    WASM_SPLIT_VERSION: env.WASM_SPLIT_VERSION,
    WASM_BINDGEN_VERSION: bindgen[1],
    BINARYEN_VERSION: binaryen,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--env') throw new Error('usage: node scripts/tools.mjs --env');
  for (const [key, value] of Object.entries(pins())) {
    // Safe to eval: only version-like words and spaces.
    if (!/^[\w.\- ]*$/.test(value)) throw new Error(`${key}: unexpected characters in ${JSON.stringify(value)}`);
    console.log(`${key}='${value}'`);
  }
}
