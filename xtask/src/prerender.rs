//! `prerender <dist> [<path>…]` (issue #24): every page of the app rendered natively from the
//! app's own views (`cdo_atlas::prerender`) over the committed dataset, written as
//! `<dist>/<path>/index.html` into the build's `index.html` (its head, CSS, loader and CSP), with
//! the page's own head (`head.rs`: title, description, canonical, alternates, cards; JSON-LD on
//! the about page, `schema_org.rs`). Without paths: every page, every entity and the not-found
//! page, in both languages, and `sitemap.xml` and `robots.txt` for them. `/` is `index.html`
//! itself, and the not-found page is also `404.html`: what a static host serves for any other
//! address, and the service worker offline (the app then draws the address's page).
//!
//! Absolute addresses (canonical, alternates, cards, sitemap) start with `CDO_ORIGIN`; without
//! it, with the local serve address, and the report says so.
//!
//! The rendered frame's top-level elements carry `data-prerendered`: the app, drawn beside them,
//! removes them once its first page has settled (`cdo_atlas::takeover`).

use std::path::Path;
use std::time::Instant;

use cdo_atlas::paths::{self, Page, Route};
use cdo_atlas::Start;
use cdo_text::Lang;

use crate::head::{self, Alternates, PageHead};

/// The page at `route` in each language; `None` for a route that shows no page of its own (not
/// found), which has no canonical address and is not in the sitemap.
fn alternates(route: &str) -> Option<Alternates> {
    if Route::of(route) == Route::NotFound {
        return None;
    }
    let path = paths::split_lang(route).1;
    Some(Alternates(
        Lang::ALL
            .into_iter()
            .map(|lang| (lang, paths::in_lang(path.to_owned(), lang)))
            .collect(),
    ))
}

/// The address the not-found page is rendered at (no route has it).
const NOT_FOUND: &str = "/404";

pub fn run(dist: &Path, only: &[String], origin: Option<&str>) -> Result<String, String> {
    let started = Instant::now();
    let (origin, warning) = head::origin(origin)?;
    let origin = origin.as_str();
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

    let mut report = warning.map(|w| format!("{w}\n")).unwrap_or_default();
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
        let alternates = alternates(route);
        let (Some(title), Some(description)) = (&page.head.title, &page.head.description) else {
            failed += 1;
            report.push_str(&format!(
                "FAILED {route}: the page gave no title or description (head::use_head)\n"
            ));
            continue;
        };
        let json_ld = match Route::of(route) {
            Route::Page(Page::About) => {
                let url = paths::absolute(origin, route);
                let url_of = |f| paths::absolute(origin, &paths::data_file(f));
                let value = crate::schema_org::dataset(&data.dataset, start.lang, &url, url_of)?;
                Some(head::json_ld(&value))
            }
            _ => None,
        };
        let head = PageHead {
            lang: start.lang,
            title,
            description,
            alternates: alternates.as_ref(),
            json_ld: json_ld.as_deref(),
        };
        let html = head::into_shell(&shell, route, &page.body, origin, &head)?;
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
    if only.is_empty() {
        let pages: Vec<Alternates> = routes
            .iter()
            .filter(|r| paths::split_lang(r).0 == Lang::default())
            .filter_map(|r| alternates(r))
            .collect();
        let sitemap = head::sitemap(origin, &pages, data.dataset.as_of);
        std::fs::write(dist.join("sitemap.xml"), sitemap).map_err(|e| e.to_string())?;
        std::fs::write(dist.join("robots.txt"), head::robots(origin)).map_err(|e| e.to_string())?;
        report.push_str(&format!(
            "sitemap.xml ({} addresses), robots.txt, for {origin}\n",
            pages.iter().map(|p| p.0.len()).sum::<usize>()
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
