// Renders the site image of the link previews (Open Graph, Twitter: `xtask prerender` names it
// in every page's head) in Debian's Chromium, as scripts/icons.mjs renders the icons; the PNG is
// committed. Regenerate with `node scripts/og-image.mjs`.
//   public/icons/og.png   1200×630: the site's name and German tagline beside the Länder
//                         outlines (public/data/laender.json, with its credit), the favicon's
//                         three marker shapes set on it as decoration: no entity's place, no
//                         claim from the data. Among the icons: a name without a hash
//                         (scripts/hashed.mjs).
// Its text alternative is `cdo_text::describe::site_image`: change both together.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [WIDTH, HEIGHT] = [1200, 630];

// The tagline as the site writes it (the German string table), not a copy of it.
const strings = fs.readFileSync(path.join(root, 'crates/text/src/strings.rs'), 'utf8');
const tagline = strings.match(/^\s*tagline: "([^"]+)",$/m)?.[1];
if (!tagline) throw new Error('og-image: no German `tagline` in crates/text/src/strings.rs');
const [question, rest] = tagline.split('? ');

const outlines = JSON.parse(fs.readFileSync(path.join(root, 'public/data/laender.json'), 'utf8'));
const paths = outlines.laender.map((l) => `<path d="${l.path}"/>`).join('');
// Decorative marks in map units, spread over the country: the favicon's shapes.
const mark = (x, y, shape) =>
  ({
    circle: `<circle cx="${x}" cy="${y}" r="190" fill="#fff"/>`,
    square: `<rect x="${x - 170}" y="${y - 170}" width="340" height="340" fill="#f2c14e"/>`,
    triangle: `<path d="M${x - 210} ${y + 180}l210-360 210 360z" fill="#9fd3c7"/>`,
  })[shape];
const marks = [
  [3900, 1900, 'circle'],
  [5600, 3900, 'square'],
  [1500, 4700, 'triangle'],
  [3300, 5200, 'square'],
  [5200, 6200, 'circle'],
  [2400, 8200, 'circle'],
  [4700, 8600, 'triangle'],
]
  .map(([x, y, s]) => mark(x, y, s))
  .join('');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = `<!doctype html><html lang="de"><style>
  html, body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
  body { background: #17456b; color: #fff; font-family: "DejaVu Sans", system-ui, sans-serif; display: flex; align-items: center; }
  .text { flex: 1; padding: 0 0 0 80px; }
  .name { font-size: 92px; font-weight: 700; letter-spacing: -1px; margin: 0 0 28px; }
  .question { font-size: 46px; font-weight: 700; margin: 0 0 16px; color: #f2c14e; line-height: 1.15; }
  .rest { font-size: 34px; margin: 0; line-height: 1.3; color: #e8f0f7; }
  svg { height: 570px; margin: 0 70px 0 0; }
  .credit { position: absolute; right: 24px; bottom: 12px; font-size: 15px; color: #b9cde0; }
</style><div class="text"><p class="name">cdo-atlas</p><p class="question">${escape(question)}?</p><p class="rest">${escape(rest)}</p></div>
<svg viewBox="0 0 ${outlines.width} ${outlines.height}"><g fill="#2a5f8c" stroke="#8fb6da" stroke-width="28" stroke-linejoin="round">${paths}</g>${marks}</svg>
<p class="credit">Karte: ${escape(outlines.attribution)}</p></html>`;

const browser = await launch();
const page = await browser.newPage();
await page.setViewportSize({ width: WIDTH, height: HEIGHT });
await page.setContent(html);
const out = path.join(root, 'public/icons/og.png');
await page.screenshot({ path: out });
await browser.close();
console.log(`og-image: ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
