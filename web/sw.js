// cdo-atlas service worker. This file is a template: `scripts/precache.mjs` (a Trunk post_build
// hook) writes it into the build with BUILD, PRECACHE and HASHED filled in. Hand-written rather than
// Workbox: the strategies below are four small functions, and there is no runtime to self-host.
//
//   precache     every file of the release build but the downloads offered for reuse (CSVs,
//                data package, …: scripts/precache.mjs), under a cache named after the build
//                (what the page has loaded already is taken from the HTTP cache, see `precache`)
//   navigations  network first (3 s), keeping each page opened; offline, the page kept, else the
//                fallback page (404.html, precached), on which the app draws the address's page
//   data         the dataset and its index: stale-while-revalidate; pages are told when a refresh
//                failed or brought news
//   the rest     cache first (hashed file names), network for anything not precached
//
// A development build gets PRECACHE = null: the worker then caches nothing and intercepts nothing
// (no fetch handler), and clears what an earlier release build left — harmless to live reload.
const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;

const PREFIX = 'cdo-atlas-';
const CACHE = `${PREFIX}${BUILD}`;
// What a static host serves for an address with no page of its own: the not-found page, on which
// the app draws the address's page (scripts/prerender.mjs).
const FALLBACK = '/404.html';
const DATA = ['/data/cdo-atlas.index.json', '/data/cdo-atlas.json'];
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  if (!PRECACHE) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map((url) => precache(cache, url)))));
});

// A file whose name carries its content's hash (Trunk's `filehash`, scripts/wasm.mjs) cannot be
// stale: it is taken from the HTTP cache where the page has already loaded it (the main wasm,
// its glue, the stylesheet…), not downloaded a second time. Everything else (index.html, the
// data, icons, the manifest) is checked with the server first (`no-cache`: a copy the page has
// just loaded costs a 304 where the host sends validators), so the precache never takes a stale
// copy. Which names are hashed is defined once, in scripts/hashed.mjs; `scripts/precache.mjs`
// writes that pattern in here.
const HASHED = __HASHED__;

async function precache(cache, url) {
  if (HASHED.test(url)) {
    const kept = await fetch(url, { cache: 'force-cache' });
    if (kept.ok) return cache.put(url, kept);
  }
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
  return cache.put(url, response);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && (key !== CACHE || !PRECACHE)) await caches.delete(key);
      }
      if (PRECACHE) await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

if (PRECACHE) {
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) return;
    if (request.mode === 'navigate') {
      event.respondWith(navigation(request, event));
    } else if (DATA.includes(url.pathname)) {
      event.respondWith(staleWhileRevalidate(request, event));
    } else {
      event.respondWith(cacheFirst(request));
    }
  });
}

async function navigation(request, event) {
  const path = new URL(request.url).pathname;
  // A page by its path: the query holds a view's state, which the app reads, not the page.
  const kept = () => caches.match(path, { cacheName: CACHE, ignoreSearch: true });
  const fallback = () => caches.match(FALLBACK, { cacheName: CACHE });
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) {
      // Kept for the next time this page is opened offline (this build's cache only).
      if (!response.redirected) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(path, copy)).catch(() => {}));
      }
      return response;
    }
    // The fallback page, which a host answers with 404, draws the address's page in the app; a
    // server error page is worse than the kept or fallback page.
    if (response.status === 404) return response;
    return (await kept()) ?? (await fallback()) ?? response;
  } catch {
    return (await kept()) ?? (await fallback()) ?? Response.error();
  }
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  const cached = await cache.match(path);
  const refresh = (async () => {
    let response;
    try {
      response = await fetch(request, { cache: 'no-cache' });
    } catch (error) {
      if (cached) await tell(event, 'dataset-stale', 'offline');
      throw error;
    }
    try {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const fresh = await response.clone().text();
      const old = cached ? await cached.clone().text() : null;
      await cache.put(path, response.clone());
      if (old !== null && old !== fresh) await tell(event, 'dataset-updated');
      return response;
    } catch (error) {
      if (cached) await tell(event, 'dataset-stale', 'failed');
      throw error;
    }
  })();
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

/** Posts `type` to the page that made the request (the app shows a notice). */
async function tell(event, type, reason) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  const targets = client ? [client] : await self.clients.matchAll({ type: 'window' });
  for (const c of targets) c.postMessage({ type, reason });
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
