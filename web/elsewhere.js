// Inlined into <head> by Trunk (index.html), so it runs before the first paint. A pre-rendered
// page (`xtask prerender`) names the address it was rendered for in <html data-page>. Where the
// address asks for something else — a path served the fallback page (404.html: a new entry, or
// any address offline), or a query holding a view's state (`/explore?model=…`, `?lang=en`) —
// the page's own content is not what the reader asked for: `data-elsewhere` hides it
// (style.css) until the app, which draws the address's page, takes over (src/takeover.rs).
// Without JavaScript nothing is hidden: the page reads as rendered.
(() => {
  const root = document.documentElement;
  const page = root.dataset.page;
  if (page === undefined) return;
  const path = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : '/';
  if (path !== page || location.search.length > 1) root.dataset.elsewhere = '';
})();
