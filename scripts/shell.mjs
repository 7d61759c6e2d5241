// The shell: what a first visit shows before the wasm has arrived. It is what the app itself
// draws first on each page — skip link, header, the page's heading and introduction, footer —
// taken from the built app in Chromium (the data held back, so the page is as it is before
// the data comes) and written to web/shell.html as <template>s: one frame per language, one
// heading per page and language. index.html inlines them, web/shell.js shows the one for the
// opened address, and the app removes it as it mounts (src/main.rs). See ARCHITECTURE.md,
// "The shell".
//
//   node scripts/shell.mjs            (make shell: builds for release first, then rebuilds)
//
// tests/e2e/shell.test.mjs fails while web/shell.html is not what the app draws.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The pages with a heading of their own: Page::NAV in src/paths.rs. */
export const PAGES = ['/', '/map', '/explore', '/compare', '/series', '/report', '/about'];
export const LANGS = ['de', 'en'];
export const SHELL_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/shell.html');

/**
 * Runs in the page. Without an argument, after the app has drawn it: the frame and the page's
 * heading as HTML, with what depends on the reader's state rather than on the page left out
 * (web/shell.js sets the current page's link and the colour switch; the offline badge is the
 * app's alone). With `[lang, page]`: the shell's templates for them, written the same way —
 * attributes in order, no comments, since the release build minifies index.html —, so a test
 * can compare the two.
 */
export function capture(templates) {
  const write = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
    const inner = [...node.childNodes].map(write).join('');
    if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return inner;
    const tag = node.localName;
    const empty = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
    const attrs = [...node.attributes]
      .map((a) => `${a.name}="${a.value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
      .sort()
      .map((a) => ` ${a}`)
      .join('');
    return empty.includes(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`;
  };
  if (templates) {
    const [lang, page] = templates;
    const ts = [...document.querySelectorAll('template[data-shell-lang]')].filter((t) => t.dataset.shellLang === lang);
    const frame = ts.find((t) => t.hasAttribute('data-shell-frame'));
    const head = ts.find((t) => t.dataset.shellPage === page);
    return { frame: frame ? write(frame.content) : null, head: head ? write(head.content) : '' };
  }
  const clean = (el, deep = true) => {
    const c = el.cloneNode(deep);
    for (const a of c.querySelectorAll('[aria-current]')) a.removeAttribute('aria-current');
    for (const b of c.querySelectorAll('[aria-pressed]')) b.removeAttribute('aria-pressed');
    // The language switch links to the page shown, in the other language: web/shell.js sets it.
    for (const a of c.querySelectorAll('a.lang-switch')) a.removeAttribute('href');
    for (const b of c.querySelectorAll('.offline-badge')) b.remove();
    return c;
  };
  const one = (selector) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`the app drew no ${selector}`);
    return el;
  };
  const main = one('body > main#main');
  const footer = one('body > footer.site-footer');
  // The footer's last line (where the sources are) is there before the data; its "Stand" is not.
  const foot = clean(footer, false);
  foot.append(clean(footer.lastElementChild));
  const frame = [clean(one('body > a.skip-link')), clean(one('body > header.site-header')), clean(main, false), foot];
  let head = '';
  const page = main.querySelector(':scope > :has(> h1)');
  if (page) {
    const h1 = page.querySelector(':scope > h1');
    const c = clean(page, false);
    c.append(clean(h1));
    const lead = h1.nextElementSibling;
    if (lead?.matches('p.lead')) c.append(clean(lead));
    head = write(c);
  }
  return { frame: frame.map(write).join(''), head };
}

/** The address of `page` in `lang`, as the app links it. */
export const address = (page, lang) => (lang === 'de' ? page : `/${lang}${page}`);

/** Opens `page` in `lang` with the data held back and resolves to `capture()` once the app drew it. */
export async function captureLive(browser, base, page, lang) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  try {
    const tab = await context.newPage();
    // Never answered: the page stays as it is before the data.
    await tab.route(/\/data\//, () => {});
    await tab.goto(base + address(page, lang));
    // Every page draws its heading as the app mounts (one whose code loads on demand as well:
    // `on_demand.rs` draws it while the code comes).
    await tab.waitForFunction(() => !document.querySelector('[data-shell]') && document.querySelector('body > main#main'));
    return await tab.evaluate(capture);
  } finally {
    await context.close();
  }
}

async function main() {
  const { serveDist } = await import('../tests/e2e/static-server.mjs');
  const { launch } = await import('../tests/e2e/browser.mjs');
  const { server, url } = await serveDist();
  const browser = await launch();
  const parts = [
    '<!-- The shell (scripts/shell.mjs, `make shell`): generated from what the app draws first; do not edit. -->',
  ];
  try {
    for (const lang of LANGS) {
      let frame = null;
      for (const page of PAGES) {
        const got = await captureLive(browser, url, page, lang);
        frame ??= got.frame;
        if (!got.head) throw new Error(`${address(page, lang)}: no heading drawn`);
        parts.push(`<template data-shell-lang="${lang}" data-shell-page="${page}">${got.head}</template>`);
      }
      parts.splice(parts.length - PAGES.length, 0, `<template data-shell-lang="${lang}" data-shell-frame>${frame}</template>`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  fs.writeFileSync(SHELL_FILE, `${parts.join('\n')}\n`);
  console.log(`shell: ${SHELL_FILE} (${fs.statSync(SHELL_FILE).size} bytes)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
