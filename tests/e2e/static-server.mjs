// A minimal static file server for the built `dist/`, bound to 127.0.0.1 only, serving it as
// static hosts do: a directory's index.html, and for an unknown path without a file extension the
// fallback page (404.html, with 404) on which the app draws the address's page.
// Used by the end-to-end tests; as a process (the offline tests stop and restart it):
//   node tests/e2e/static-server.mjs [--port 8080] [--dir dist] [--fail /path]
// `--port 0` takes any free port; the line it prints once it listens ("serving <dir> at <url>")
// says which.
// `--fail` answers that path with HTTP 500 (a server that is up but cannot serve the dataset).
// `line` (scripts/slow-line.mjs) makes it a slow line: see `shapeLine`.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.webmanifest']);
const gzip = promisify(zlib.gzip);

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/**
 * Makes every response of `server` wait `latencyMs`, then share one line of `bytesPerSecond` with
 * all others (round robin, 1 KB at a time). Shaped here rather than by DevTools' network
 * emulation because that throttles only the page's own requests: a service worker's go past it
 * (measured: with the worker's precache allowed, the emulated line showed no difference, the
 * shaped one up to 1.4 s). `server.sentBytes` counts what the line has carried.
 */
function shapeLine(server, { latencyMs, bytesPerSecond }) {
  const TICK_MS = 10;
  const queue = [];
  server.sentBytes = 0; // what the line has carried, for reports
  const pump = setInterval(() => {
    let budget = (bytesPerSecond * TICK_MS) / 1000;
    while (budget > 0 && queue.length > 0) {
      const r = queue.shift();
      const n = Math.min(1024, budget, r.body.length - r.sent);
      if (!r.res.destroyed) r.write(r.body.subarray(r.sent, r.sent + n));
      r.sent += n;
      server.sentBytes += n;
      budget -= n;
      if (r.sent < r.body.length && !r.res.destroyed) queue.push(r);
      else r.end();
    }
  }, TICK_MS).unref();
  server.on('close', () => clearInterval(pump));
  server.prependListener('request', (req, res) => {
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.end = (body) => {
      setTimeout(() => queue.push({ res, body: Buffer.from(body ?? ''), sent: 0, write, end }), latencyMs);
      return res;
    };
  });
}

/**
 * Starts the server on 127.0.0.1 (port 0 = any free port); resolves to { server, url }.
 * `line: { latencyMs, bytesPerSecond }` shapes every response as a slow line would.
 */
export async function serveDist({ root = DIST, port = 0, fail = [], line = null } = {}) {
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    if (fail.includes(pathname)) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    const safe = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = path.join(root, safe);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let status = 200;
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) file = path.join(file, 'index.html');
    } catch {
      // The fallback as static hosts serve it: 404.html with 404 (a release build's not-found
      // page, on which the app draws the address's page), else the app's index.html.
      if (path.extname(safe) === '') {
        file = path.join(root, '404.html');
        status = 404;
        if (!(await fs.stat(file).catch(() => null))) [file, status] = [path.join(root, 'index.html'), 200];
      }
    }
    try {
      let body = await fs.readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
      const accepts = req.headers['accept-encoding'] ?? '';
      // Compressed like a real host would: the build's brotli sibling where there is one
      // (scripts/compress.mjs), else gzip on the fly.
      const br = /\bbr\b/.test(accepts) ? await fs.readFile(`${file}.br`).catch(() => null) : null;
      if (br) {
        body = br;
        headers['content-encoding'] = 'br';
      } else if (COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(accepts)) {
        body = await gzip(body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(status, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  if (line) shapeLine(server, line);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, dir: { type: 'string', default: DIST }, fail: { type: 'string', multiple: true, default: [] } },
  });
  const root = path.resolve(values.dir);
  const { url } = await serveDist({ root, port: Number(values.port), fail: values.fail });
  console.log(`serving ${root} at ${url}`);
}
