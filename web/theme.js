// Inlined into <head> by Trunk (index.html), so it runs before the first paint without a request
// of its own: the colour scheme — the reader's remembered choice
// (the app's header toggle writes `cdo-atlas.theme`), else the system's, as data-theme on <html>
// (style.css keys the dark palette on it), following the system while nothing is chosen.
(() => {
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let stored = null;
    try {
      stored = localStorage.getItem('cdo-atlas.theme');
    } catch {
      // Storage disabled: follow the system.
    }
    root.dataset.theme = stored === 'dark' || stored === 'light' ? stored : system.matches ? 'dark' : 'light';
  };
  apply();
  system.addEventListener('change', apply);
})();
