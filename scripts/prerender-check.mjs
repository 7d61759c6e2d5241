// Spike #24: the prerendered pages read without JavaScript, and the app takes over with it.
//   node scripts/prerender-check.mjs <dist> <shots dir>
// Without JavaScript: each page's title, h1, link count and a screenshot. With it: what the app
// shows after it has started, and the layout shifts Chromium reports meanwhile.
import { spawn } from 'node:child_process';
import { launch } from '../tests/e2e/browser.mjs';

const [dist = 'dist', shots = '/tmp'] = process.argv.slice(2);
const server = spawn('node', ['tests/e2e/static-server.mjs', '--port', '0', '--dir', dist]);
const url = await new Promise((resolve) =>
  server.stdout.on('data', (d) => {
    const m = /at (http:\S+)/.exec(String(d));
    if (m) resolve(m[1]);
  }),
);
const PAGES = ['/about', '/en/about', '/entity/darmstadt', '/en/entity/darmstadt', '/map', '/en/explore'];
const browser = await launch();
try {
  for (const js of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const p of PAGES) {
      if (js) {
        await page.addInitScript(() => {
          window.__shifts = 0;
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
      }
      await page.goto(url + p, { waitUntil: 'load' });
      if (js) await page.waitForSelector('html[data-settled]', { timeout: 15000 }).catch(() => {});
      const info = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        h1: document.querySelector('h1')?.textContent,
        links: document.querySelectorAll('main a[href]').length,
        text: document.querySelector('main')?.innerText.length,
        prerendered: document.querySelectorAll('[data-shell]').length,
        shifts: window.__shifts,
      }));
      console.log(js ? 'js  ' : 'nojs', p, JSON.stringify(info));
      const name = `${shots}/${js ? 'js' : 'nojs'}${p.replaceAll('/', '_')}.png`;
      await page.screenshot({ path: name, fullPage: false });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
