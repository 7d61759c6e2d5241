// Deferred (index.html): runs once the document is parsed, before DOMContentLoaded; nothing
// here is needed for the first paint (the colour scheme is web/theme.js, inlined).

// Embedded (`?embed=1` inside another site's iframe): tell the host page our height whenever
// it changes, so the iframe can fit the content —
//   window.parent.postMessage({ type: 'cdo-atlas:height', height }, '*')
// (a height is nothing secret; the host checks event.origin). See docs/EMBED.md.
(() => {
  if (window.parent === window || new URLSearchParams(location.search).get('embed') !== '1') return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'cdo-atlas:height', height }, '*');
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    new ResizeObserver(post).observe(document.body);
    post();
  });
})();

// Then: registers the service worker once the app's first page has loaded, and relays what it
// reports to the app as window events plus a data attribute on <html> (the app may start after
// an event fired, so it also reads the flags):
//   cdo:update-ready  a new build is installed and waiting   (data-update="ready")
//   cdo:data-stale    the dataset could not be refreshed     (data-data="offline" or "failed")
//   cdo:data-updated  a newer dataset is in the cache        (data-data="updated")
// The app answers `cdo:update-apply` (the reader clicked "neu laden"): the waiting worker takes
// over and the page reloads once.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const root = document.documentElement;
  const signal = (name, attr, value) => {
    root.dataset[attr] = value;
    window.dispatchEvent(new Event(name));
  };
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'dataset-stale') signal('cdo:data-stale', 'data', event.data.reason);
    if (event.data?.type === 'dataset-updated') signal('cdo:data-updated', 'data', 'updated');
  });
  let applying = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first visit's worker also takes control (clients.claim); only an update reloads.
    if (applying) {
      applying = false;
      location.reload();
    }
  });
  // Not at `load`, which comes while the app's wasm is still downloading: the worker's install
  // downloads every file of the build, and on a slow line would share it with the page. The
  // app says when its first page has everything it asked for (src/settled.rs).
  const settled = new Promise((resolve) => {
    if (root.hasAttribute('data-settled')) resolve();
    else window.addEventListener('cdo:settled', resolve, { once: true });
  });
  // Then once the browser is idle: the hand-over to the app (src/takeover.rs) is a long task of
  // its own, and registering inside it made it longer (docs/PERFORMANCE.md).
  const idle = () => new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
  settled.then(idle).then(async () => {
    let registration;
    try {
      registration = await navigator.serviceWorker.register('/sw.js');
    } catch {
      return; // No offline support (private mode, blocked): the app works online as before.
    }
    if (!registration) return; // Blocked by the browser's settings (and by the e2e harness).
    const ready = () => signal('cdo:update-ready', 'update', 'ready');
    if (registration.waiting && navigator.serviceWorker.controller) ready();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) ready();
      });
    });
    window.addEventListener('cdo:update-apply', () => {
      if (!registration.waiting) return;
      applying = true;
      registration.waiting.postMessage({ type: 'skip-waiting' });
    });
  });
})();
