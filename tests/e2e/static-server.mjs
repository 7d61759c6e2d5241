// A minimal static file server for the built `dist/`, bound to 127.0.0.1 only, with the SPA
// fallback the app's deep links need (unknown paths without a file extension get index.html).
// Used by the end-to-end tests; `node tests/e2e/static-server.mjs [port]` runs it by hand.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Starts the server on 127.0.0.1 (port 0 = any free port); resolves to { server, url }. */
export async function serveDist({ root = DIST, port = 0 } = {}) {
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const safe = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = path.join(root, safe);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) file = path.join(file, 'index.html');
    } catch {
      if (path.extname(safe) === '') file = path.join(root, 'index.html');
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveDist({ port: Number(process.argv[2] ?? 8080) });
  console.log(`serving ${DIST} at ${url}`);
}
