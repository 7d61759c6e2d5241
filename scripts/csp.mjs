// The release build's Content-Security-Policy, applied to a built index.html (by
// scripts/postbuild.mjs) and verified by tests/e2e/security.test.mjs.
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

/** Puts the CSP meta tag first into `<dir>/index.html`'s head, allowing its inline scripts by hash. */
export function harden(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  if (html.includes('http-equiv=Content-Security-Policy')) throw new Error('index.html already has a CSP');
  const hashes = inlineScriptHashes(html);
  const meta = `<meta http-equiv=Content-Security-Policy content="${policyString(hashes)}">`;
  const charset = html.match(/<meta charset=["']?utf-8["']?>/i);
  if (!charset) throw new Error('no <meta charset> to put the CSP after');
  html = html.replace(charset[0], `${charset[0]}${meta}`);
  fs.writeFileSync(file, html);
  return `csp: ${hashes.length} inline script(s) allowed by hash`;
}
