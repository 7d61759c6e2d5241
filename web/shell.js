// Inlined into <body> by Trunk (index.html), after the shell's templates (web/shell.html, written
// by scripts/shell.mjs): shows the frame and heading the app will draw for this address, so a
// first visit reads the page's name and introduction while the wasm is still on its way. The app
// removes every [data-shell] element as it mounts (src/main.rs). The language is chosen as the app
// chooses it (src/i18n.rs): the path's (`/en/…`), else the older form's `lang=`, else the
// remembered one, else German.
// Embedded pages (`embed=1`) have no frame: nothing is shown.
(() => {
  const query = new URLSearchParams(location.search);
  if (query.getAll('embed').includes('1')) return;
  const full = location.pathname.length > 1 ? location.pathname.replace(/\/$/, '') : '/';
  const english = /^\/en(\/|$)/.test(full);
  // The page's path without its language: `/en/map` → `/map`, `/en` → `/`.
  const path = english ? full.slice(3) || '/' : full;
  let lang = english ? 'en' : query.get('lang');
  if (lang !== 'de' && lang !== 'en') {
    try {
      lang = localStorage.getItem('cdo-atlas.lang');
    } catch {
      lang = null;
    }
  }
  if (lang !== 'en') lang = 'de';
  const templates = [...document.querySelectorAll('template[data-shell-lang]')].filter(
    (t) => t.dataset.shellLang === lang,
  );
  const frame = templates.find((t) => t.hasAttribute('data-shell-frame'));
  if (!frame) return;
  const shell = frame.content.cloneNode(true);
  const page = templates.find((t) => t.dataset.shellPage === path);
  if (page) shell.querySelector('main').append(page.content.cloneNode(true));
  for (const a of shell.querySelectorAll('nav a')) {
    const target = new URL(a.getAttribute('href'), location.href).pathname.replace(/(.)\/$/, '$1');
    if (target === (lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path)) a.setAttribute('aria-current', 'page');
  }
  // The language switch: this page in the other language (as `paths::switch_lang`).
  const other = lang === 'en' ? path : path === '/' ? '/en/' : `/en${path}`;
  for (const a of shell.querySelectorAll('a.lang-switch')) a.setAttribute('href', other + location.search + location.hash);
  const dark = document.documentElement.dataset.theme === 'dark';
  for (const b of shell.querySelectorAll('.theme-switch')) b.setAttribute('aria-pressed', String(dark));
  // The switches work once the app runs; until then they say that they do not.
  for (const b of shell.querySelectorAll('button')) b.disabled = true;
  for (const el of shell.children) el.setAttribute('data-shell', '');
  document.documentElement.lang = lang;
  document.currentScript.before(shell);
})();
