//! `prerender <dist> [<path>…]` (issue #24): every page of the app rendered natively from the
//! app's own views (`cdo_atlas::prerender`) over the committed dataset, written as
//! `<dist>/<path>/index.html` into the build's `index.html` (its head, CSS, loader and CSP).
//! Without paths: every page, every entity and the not-found page, in both languages. `/` is
//! `index.html` itself, and the not-found page is also `404.html`: what a static host serves for
//! any other address, and the service worker offline (the app then draws the address's page).
//!
//! The rendered frame's top-level elements carry `data-prerendered`: the app, drawn beside them,
//! removes them once its first page has settled (`cdo_atlas::takeover`).

use std::path::Path;
use std::time::Instant;

use cdo_atlas::paths::{self, Page};
use cdo_atlas::Start;
use cdo_text::Lang;

/// The address the not-found page is rendered at (no route has it).
const NOT_FOUND: &str = "/404";

pub fn run(dist: &Path, only: &[String], origin: &str) -> Result<String, String> {
    let started = Instant::now();
    let shell = std::fs::read_to_string(dist.join("index.html")).map_err(|e| {
        format!(
            "{}: {e} (build first: trunk build --release)",
            dist.display()
        )
    })?;
    let text = std::fs::read_to_string(crate::dataset_path()).map_err(|e| e.to_string())?;
    let data = cdo_model::parse_dataset(&text, crate::today()).map_err(|e| format!("{e:?}"))?;
    // The index as the app reads it: the built one, which carries the files' sizes and the
    // changelog beside the lists.
    let index_file = dist.join("data/cdo-atlas.index.json");
    let index = std::fs::read_to_string(&index_file)
        .map_err(|e| format!("{}: {e}", index_file.display()))?;
    let index =
        cdo_model::parse_index(&index, crate::today()).map_err(|e| format!("index: {e:?}"))?;
    let outlines = std::fs::read_to_string(crate::geodata_path())
        .ok()
        .and_then(|t| cdo_model::geo::parse_outlines(&t));
    let parsed = started.elapsed();
    cdo_atlas::prerender::init();

    let routes: Vec<String> = if only.is_empty() {
        let mut routes = Vec::new();
        for lang in Lang::ALL {
            routes.extend(Page::NAV.iter().map(|p| p.href(lang)));
            routes.extend(
                data.dataset
                    .entities
                    .iter()
                    .map(|e| paths::entity(lang, &e.id)),
            );
            routes.push(paths::in_lang(NOT_FOUND.to_owned(), lang));
        }
        routes
    } else {
        only.to_vec()
    };

    let mut report = String::new();
    let mut failed = 0;
    for route in &routes {
        let start = Start {
            lang: paths::split_lang(route).0,
            origin: origin.to_owned(),
            ..Start::default()
        };
        let t = Instant::now();
        let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cdo_atlas::prerender::render(route, start.clone(), &data, &index, outlines.as_ref())
        }));
        let page = match page {
            Ok(page) => page,
            Err(e) => {
                failed += 1;
                let why = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                report.push_str(&format!("FAILED {route}: {why}\n"));
                continue;
            }
        };
        let html = into_shell(&shell, route, &page.body, page.title.as_deref(), start.lang)?;
        let file = dist.join(route.trim_start_matches('/')).join("index.html");
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(&file, &html).map_err(|e| e.to_string())?;
        if route == NOT_FOUND {
            std::fs::write(dist.join("404.html"), &html).map_err(|e| e.to_string())?;
        }
        report.push_str(&format!(
            "{route} → {} ({} bytes body, {:.1} ms)\n",
            file.strip_prefix(dist).unwrap_or(&file).display(),
            page.body.len(),
            t.elapsed().as_secs_f64() * 1000.0
        ));
    }
    report.push_str(&format!(
        "{} pages, {failed} failed; dataset parsed in {:.0} ms, all in {:.0} ms\n",
        routes.len(),
        parsed.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    ));
    if failed > 0 {
        return Err(report);
    }
    Ok(report)
}

/// The build's `index.html` with `body` at the end of its `<body>`, and the page's language and
/// title.
fn into_shell(
    shell: &str,
    route: &str,
    body: &str,
    title: Option<&str>,
    lang: Lang,
) -> Result<String, String> {
    let to = shell.rfind("</body>").ok_or("index.html has no </body>")?;
    if shell.contains("<main id=\"main\"") {
        return Err("index.html is already a pre-rendered page (build again first)".into());
    }
    // What the app removes once it takes over: the frame's top-level elements.
    let mut body = body.to_owned();
    for top in [
        "class=\"skip-link\"",
        "<header class=\"site-header\"",
        "<main id=\"main\"",
        "<footer class=\"site-footer\"",
        "<div class=\"embed-bar\"",
    ] {
        if let Some(at) = body.find(top) {
            let end = at + top.len();
            body.insert_str(end, " data-prerendered");
        }
    }
    // The page reads without JavaScript: index.html's notice that it does not goes (not the
    // page's own notices, which say which controls need the app).
    let mut before = shell[..to].to_owned();
    if let (Some(a), Some(b)) = (before.find("<noscript>"), before.find("</noscript>")) {
        before.replace_range(a..b + "</noscript>".len(), "");
    }
    let mut html = format!("{before}{body}{}", &shell[to..]);
    // The language, and the address the page was rendered for, without a trailing slash
    // (`web/prerendered.js` compares it with the one asked for).
    let page = match route.trim_end_matches('/') {
        "" => "/",
        path => path,
    };
    for quoted in ["<html lang=de>", "<html lang=\"de\">"] {
        html = html.replacen(
            quoted,
            &format!("<html lang={} data-page=\"{}\">", lang.code(), escape(page)),
            1,
        );
    }
    if let Some(title) = title {
        html = html.replacen(
            "<title>cdo-atlas</title>",
            &format!("<title>{}</title>", escape(title)),
            1,
        );
    }
    Ok(html)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}
