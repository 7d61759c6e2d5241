// The versions the build's tools are pinned to, read in one place for scripts/setup.sh (which
// installs them) and scripts/wasm.mjs (which checks them, `toolProblems`, before it builds: a
// stale tool otherwise shows as a cryptic error deep in the build). Each pin lives in the
// file its own tool reads, or in scripts/tools.env where no tool reads one:
//   rust-toolchain.toml rustc (a release), with the targets and components the build needs
//   scripts/tools.env   trunk, wasm-split-cli
//   Cargo.toml          wasm-bindgen: the CLI must be exactly the version of the crate pinned with `=`
//   package.json        binaryen, which brings wasm-opt
//
//   node scripts/tools.mjs --env      the pins as KEY='value' lines (scripts/setup.sh evals them)
//   node scripts/tools.mjs --browser  Debian's Chromium against playwright-core and the major the
//                                     tests last passed with: printed, warned about, recorded in
//                                     target/test-logs/browser.txt (scripts/setup.sh --test)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
  if (!/^\d+$/.test(env.CHROMIUM_MAJOR ?? '')) throw new Error(`scripts/tools.env: expected CHROMIUM_MAJOR=<major>, found ${env.CHROMIUM_MAJOR ?? 'nothing'}`);
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
    CHROMIUM_MAJOR: env.CHROMIUM_MAJOR,
  };
}

/** What `cmd args` prints, trimmed; null when it is missing or fails. */
function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The file `cmd` runs as, the first on PATH; null when none is. */
function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * The tools scripts/wasm.mjs runs, against their pins: one line per mismatch, each saying what to
 * do; none when all match. rustc and wasm-bindgen always; wasm-split-cli and wasm-opt for a
 * release build, the only one that runs them.
 */
export function toolProblems({ release }) {
  const pin = pins();
  const problems = [];
  const setup = 'run scripts/setup.sh, which installs the pinned versions';

  const rustc = output('rustc', ['--version']);
  if (rustc?.split(' ')[1] !== pin.RUST_TOOLCHAIN) {
    const cause = process.env.RUSTUP_TOOLCHAIN
      ? `RUSTUP_TOOLCHAIN=${process.env.RUSTUP_TOOLCHAIN} overrides the file: unset it`
      : setup;
    problems.push(`rustc is ${rustc ?? 'missing'}; rust-toolchain.toml pins ${pin.RUST_TOOLCHAIN}: ${cause}`);
  }

  // The CLI reads the schema the crate wrote into the wasm: any other version fails on it.
  const bindgen = output('wasm-bindgen', ['--version']);
  if (bindgen !== `wasm-bindgen ${pin.WASM_BINDGEN_VERSION}`) {
    problems.push(
      `wasm-bindgen (${onPath('wasm-bindgen') ?? 'not on PATH'}) is ${bindgen ?? 'missing'}; Cargo.toml pins the crate ` +
        `to =${pin.WASM_BINDGEN_VERSION} and the CLI must be that version exactly: ${setup} ` +
        `(cargo install wasm-bindgen-cli --version ${pin.WASM_BINDGEN_VERSION} --force)`,
    );
  }
  if (!release) return problems;

  // No --version: cargo's list of what it installed says which one is there, if the wasm-split-cli
  // on PATH is the one cargo installed.
  const found = onPath('wasm-split-cli');
  const cargoBin = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin');
  const installed = output('cargo', ['install', '--list'])?.match(/^wasm_split_cli_support v(\S+):$/m)?.[1];
  const install = `cargo install wasm_split_cli_support --version ${pin.WASM_SPLIT_VERSION} --features build-binary --force`;
  if (!found) {
    problems.push(`wasm-split-cli is not on PATH: ${setup} (${install})`);
  } else if (fs.realpathSync(path.dirname(found)) !== (fs.existsSync(cargoBin) ? fs.realpathSync(cargoBin) : cargoBin)) {
    problems.push(`wasm-split-cli on PATH is ${found}, not the one cargo installs into ${cargoBin}, so its version cannot be told: remove it, or put ${cargoBin} first on PATH`);
  } else if (installed !== pin.WASM_SPLIT_VERSION) {
    problems.push(
      `wasm-split-cli is wasm_split_cli_support ${installed ? `v${installed}` : 'of a version cargo does not list'}; ` +
        `scripts/tools.env pins ${pin.WASM_SPLIT_VERSION}: ${setup} (${install})`,
    );
  }

  // "wasm-opt version 132 (version_132)": binaryen's npm package 132.x.y.
  const opt = output('wasm-opt', ['--version']);
  const major = pin.BINARYEN_VERSION.split('.')[0];
  if (opt?.match(/^wasm-opt version (\d+)\b/)?.[1] !== major) {
    problems.push(
      `wasm-opt (${onPath('wasm-opt') ?? 'not on PATH'}) is ${opt ?? 'missing'}; package.json pins binaryen ` +
        `${pin.BINARYEN_VERSION} (wasm-opt version ${major}): put node_modules/.bin first on PATH ` +
        '(export PATH="$PWD/node_modules/.bin:$PATH"), and run scripts/setup.sh if node_modules is stale',
    );
  }
  return problems;
}

/**
 * Debian's Chromium and ChromeDriver against the Chromium playwright-core was made for and the
 * major the tests last passed with (CHROMIUM_MAJOR): `{ versions, warnings }`, each warning
 * saying what to do. Nothing is downloaded; the versions are the installed packages'.
 */
export function browserCheck() {
  const pin = pins();
  const major = (version) => version?.match(/^(\d+)\./)?.[1] ?? null;
  // "156.0.8078.114-1~deb12u1"; `chromium --version` where dpkg does not know the package.
  const chromium = output('dpkg-query', ['-W', '-f=${Version}', 'chromium'])?.replace(/-[^-]*$/, '') ??
    output('chromium', ['--version'])?.match(/(\d+\.[\d.]+)/)?.[1] ?? null;
  const driver = output('chromedriver', ['--version'])?.match(/(\d+\.[\d.]+)/)?.[1] ?? null;
  const playwright = JSON.parse(read('node_modules/playwright-core/package.json')).version;
  const madeFor = JSON.parse(read('node_modules/playwright-core/browsers.json')).browsers.find((b) => b.name === 'chromium')?.browserVersion;
  const versions = { chromium, chromedriver: driver, 'playwright-core': playwright, 'playwright-core made for Chromium': madeFor, 'tests last passed with Chromium': pin.CHROMIUM_MAJOR };
  const warnings = [];
  if (!chromium) return { versions, warnings: ["Debian's chromium is not installed: scripts/setup.sh --test installs it"] };
  if (Number(major(chromium)) > Number(major(madeFor))) {
    warnings.push(
      `Debian's Chromium ${major(chromium)} is newer than the Chromium ${major(madeFor)} playwright-core ${playwright} ` +
        'was made for, and may speak a DevTools protocol it does not know: if browser tests fail, update ' +
        `playwright-core (package.json) to a release made for Chromium ${major(chromium)} or later`,
    );
  }
  if (major(chromium) !== pin.CHROMIUM_MAJOR) {
    warnings.push(
      `Debian's Chromium is ${major(chromium)}; \`make test\` last passed with ${pin.CHROMIUM_MAJOR} (CHROMIUM_MAJOR, ` +
        'scripts/tools.env). Tests of browser behaviour (preload and integrity handling in the split, app and ' +
        'security tests; installability in the offline tests) can change with the browser alone: if one fails ' +
        `without a code change, suspect the browser first. Once \`make test\` passes, set CHROMIUM_MAJOR=${major(chromium)}`,
    );
  }
  if (driver && major(driver) !== major(chromium)) {
    warnings.push(`chromedriver ${driver} is not Chromium ${chromium}'s: the wasm tests need the pair; install chromium and chromium-driver together`);
  }
  return { versions, warnings };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--env') {
    for (const [key, value] of Object.entries(pins())) {
      // Safe to eval: only version-like words and spaces.
      if (!/^[\w.\- ]*$/.test(value)) throw new Error(`${key}: unexpected characters in ${JSON.stringify(value)}`);
      console.log(`${key}='${value}'`);
    }
  } else if (process.argv[2] === '--browser') {
    const { versions, warnings } = browserCheck();
    const line = Object.entries(versions).map(([what, v]) => `${what} ${v ?? 'missing'}`).join(', ');
    console.log(`[setup] ${line}`);
    for (const w of warnings) console.error(`[setup] warning: ${w}`);
    const logs = path.join(root, 'target', 'test-logs');
    fs.mkdirSync(logs, { recursive: true });
    fs.writeFileSync(path.join(logs, 'browser.txt'), `${line}\n${warnings.map((w) => `warning: ${w}\n`).join('')}`);
  } else {
    throw new Error('usage: node scripts/tools.mjs --env | --browser');
  }
}
