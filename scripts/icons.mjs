// Renders the app icons (PNG) from public/favicon.svg in Debian's Chromium; the PNGs are
// committed. Regenerate with `node scripts/icons.mjs`.
//   icon-192.png, icon-512.png   the favicon as is (rounded square)
//   icon-maskable-512.png        full-bleed background, the marks inside the central 80 % safe zone
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const favicon = fs.readFileSync(path.join(root, 'public/favicon.svg'), 'utf8');
const inner = favicon.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect width="32" height="32"[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#17456b"/><g transform="translate(4.8 4.8) scale(0.7)">${inner}</g></svg>`;

const browser = await launch();
const page = await browser.newPage();
for (const [name, svg, size] of [
  ['icon-192.png', favicon, 192],
  ['icon-512.png', favicon, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: path.join(root, 'public/icons', name), omitBackground: true });
  console.log(`icons: ${name}`);
}
await browser.close();
