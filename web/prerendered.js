// Inlined into <head> by Trunk (index.html), so it runs before the first paint: what a
// pre-rendered page (`xtask prerender`) needs to show what the app will draw for this reader, so
// that nothing changes when the app takes over (src/takeover.rs). Without JavaScript nothing here
// runs, and the page reads as rendered.
(() => {
  const root = document.documentElement;
  const page = root.dataset.page;
  if (page === undefined) return;
  // The page names the address it was rendered for (<html data-page>). Where the address asks for
  // something else — a path served the fallback page (404.html: a new entry, or any address
  // offline), or a query holding a view's state (`/explore?model=…`, `?lang=en`) — the page's
  // content is not what the reader asked for: `data-elsewhere` hides it (style.css) until the app
  // draws the address's page.
  const path = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : '/';
  if (path !== page || location.search.length > 1) root.dataset.elsewhere = '';
  // The explorer's filters are folded on a phone (src/routes/explore/mod.rs, `narrow_screen`, the
  // same media query): folded here as the parser inserts them, before they are painted.
  if (matchMedia('(max-width: 48rem)').matches) {
    const fold = new MutationObserver(() => {
      for (const d of document.querySelectorAll('main[data-prerendered] details.facets-panel[open]')) d.open = false;
    });
    fold.observe(root, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => fold.disconnect(), { once: true });
  }
})();
