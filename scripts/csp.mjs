// The release build's Content-Security-Policy and the wasm's integrity check, applied to a built
// index.html (by scripts/postbuild.mjs) and verified by tests/e2e/security.test.mjs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The policy, without the inline loader's hash (added per build). No 'unsafe-inline' anywhere. */
export const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  // blob: only for the map's PNG export, which draws the map's own SVG (a Blob) onto a canvas.
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** sha256 source expressions of every inline script in `html`. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
}

export function policyString(hashes) {
  return Object.entries(POLICY)
    .map(([k, v]) => [k, k === 'script-src' ? [...v, ...hashes] : v])
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** Rewrites `<dir>/index.html`: wasm fetched with its integrity, then the CSP meta tag. */
export function harden(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  if (html.includes('http-equiv=Content-Security-Policy')) throw new Error('index.html already has a CSP');
  // Trunk's loader: init({ module_or_path: '/name_bg.wasm' }); the hash is on the preload link.
  const link = html.match(/<link[^>]*href=(["']?)(\/[^"' >]+_bg\.wasm)\1[^>]*>/);
  const integrity = link?.[0].match(/integrity=(["']?)(sha384-[A-Za-z0-9+/=]+)\1/)?.[2];
  if (!link || !integrity) throw new Error('no wasm preload link with integrity in index.html');
  const wasm = link[2];
  const loader = `module_or_path: '${wasm}'`;
  if (!html.includes(loader)) throw new Error(`the loader does not load ${wasm} as expected`);
  html = html.replace(loader, `module_or_path: wasmResponse`);
  // Start the wasm download before the JS glue is imported, not after: Trunk's static import
  // makes the module wait for the glue, so the two downloads ran one after the other.
  const staticImport = html.match(/import init, \* as bindings from '(\/[^']+\.js)';/);
  if (!staticImport) throw new Error('the loader does not import its JS glue as expected');
  html = html.replace(
    staticImport[0],
    `const wasmResponse = fetch('${wasm}', { integrity: '${integrity}' });\n` +
      `const bindings = await import('${staticImport[1]}');\nconst init = bindings.default;`,
  );
  // The preload would be a second, unchecked download of the same file.
  html = html.replace(link[0], '');
  const hashes = inlineScriptHashes(html);
  const meta = `<meta http-equiv=Content-Security-Policy content="${policyString(hashes)}">`;
  const charset = html.match(/<meta charset=["']?utf-8["']?>/i);
  if (!charset) throw new Error('no <meta charset> to put the CSP after');
  html = html.replace(charset[0], `${charset[0]}${meta}`);
  fs.writeFileSync(file, html);
  return `csp: ${hashes.length} inline script(s) allowed by hash; wasm fetched with ${integrity.slice(0, 14)}…`;
}
