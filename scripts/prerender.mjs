// Every page of a release build pre-rendered into its staging dir (issue #24; ARCHITECTURE.md,
// "Pre-rendering"): `xtask prerender` renders the app's own views natively over the committed
// dataset, into copies of the finished index.html (after the loader and the CSP, before the
// service worker's file list and the brotli twins). Its native build (profile `prerender`) shares
// target/ with the rest of the workspace. The site's origin, for canonical and shared addresses,
// comes from CDO_ORIGIN (README, "Deploying").
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Renders every page into `dir`; returns the report's last line, throws if a page failed. */
export function prerender(dir) {
  const run = spawnSync(
    'cargo',
    ['run', '-q', '-p', 'xtask', '--features', 'prerender', '--profile', 'prerender', '--', 'prerender', dir],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`prerender failed (exit ${run.status}):\n${run.stdout ?? ''}`);
  // The report names every page; the build log gets its warnings (an unset CDO_ORIGIN) and
  // its totals.
  const lines = run.stdout.trim().split('\n');
  const said = [...lines.filter((l) => /^warning/i.test(l)), ...lines.slice(-2)];
  return said.map((l) => `prerender: ${l}`).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/prerender.mjs <release build dir>');
  console.log(prerender(path.resolve(dir)));
}
