//! A pre-rendered page's head (issue #24): the build's `index.html` around the rendered body,
//! with the page's own title and description (what the page gave `head::use_head`), its
//! canonical address and language alternates, the link-preview cards (Open Graph, Twitter) and,
//! on the about page, JSON-LD; and the site's `sitemap.xml` and `robots.txt`.
//!
//! Pure functions of their arguments (no IO, no app): `prerender.rs` works out the addresses
//! with the app's own `paths` and calls these. Everything from the data is escaped here; the
//! only markup written is this module's own.

use cdo_model::PartialDate;
use cdo_text::Lang;

/// The site image the cards show (`public/icons/og.png`, from `scripts/og-image.mjs`; among the
/// icons, whose names carry no hash: `scripts/hashed.mjs`).
pub const IMAGE: &str = "/icons/og.png";
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 630;

/// Where the site is served when `CDO_ORIGIN` is not set: the local address `serve.sh` uses.
/// Never a public domain we would be guessing.
pub const LOCAL_ORIGIN: &str = "http://127.0.0.1:8080";

/// The site's origin from `CDO_ORIGIN` (`https://host[:port]`, no path), and a warning when it
/// is not set and [`LOCAL_ORIGIN`] is used instead. An address that is not http(s) is an error:
/// it would end up in every canonical link.
pub fn origin(env: Option<&str>) -> Result<(String, Option<String>), String> {
    let Some(value) = env.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok((
            LOCAL_ORIGIN.to_owned(),
            Some(format!("warning: CDO_ORIGIN is not set: the canonical, alternate, card and sitemap addresses use {LOCAL_ORIGIN}; set it to the site's address (https://…) for a deployment")),
        ));
    };
    let value = value.trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| format!("CDO_ORIGIN {value:?} is not an http(s) address"))?;
    let bad = |c: char| c.is_whitespace() || c.is_control() || "/?#\"'<>\\".contains(c);
    if rest.is_empty() || rest.contains(bad) {
        return Err(format!(
            "CDO_ORIGIN {value:?} must be an origin only: scheme and host (and port), no path"
        ));
    }
    Ok((value.to_owned(), None))
}

/// A page in each language: its path per language, the first [`Lang::default`] (German, which
/// `x-default` names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternates(pub Vec<(Lang, String)>);

impl Alternates {
    fn path(&self, lang: Lang) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, p)| p.as_str())
    }
}

/// What the head of one page says.
pub struct PageHead<'a> {
    pub lang: Lang,
    /// The document's title ("Darmstadt – cdo-atlas").
    pub title: &'a str,
    pub description: &'a str,
    /// The page in each language; `None` for a page that has no address of its own (not found):
    /// no canonical, no alternates, no `og:url`.
    pub alternates: Option<&'a Alternates>,
    /// JSON-LD for the page, if any (already serialised, [`json_ld`]).
    pub json_ld: Option<&'a str>,
}

/// Text in an attribute value or an element: `&`, `<`, `>` and `"` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A JSON value as the content of `<script type="application/ld+json">`: every `<` written as
/// `\u003c` (it can stand only inside a JSON string, where that escape means the same), so no
/// `</script>` or `<!--` in the data can end or bend the element.
pub fn json_ld(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Open Graph's locale for a language.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de_DE",
        Lang::En => "en_GB",
    }
}

/// The tags a page's head gets, in one block.
pub fn tags(origin: &str, page: &PageHead) -> String {
    let mut out = String::new();
    let meta = |out: &mut String, key: &str, name: &str, content: &str| {
        out.push_str(&format!(
            "<meta {key}=\"{name}\" content=\"{}\">",
            escape(content)
        ));
    };
    let url = |path: &str| format!("{origin}{path}");
    meta(&mut out, "name", "description", page.description);
    let own = page.alternates.and_then(|a| Some((a, a.path(page.lang)?)));
    if let Some((alternates, path)) = own {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">",
            escape(&url(path))
        ));
        for (lang, path) in &alternates.0 {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                escape(&url(path))
            ));
        }
        if let Some(path) = alternates.path(Lang::default()) {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
                escape(&url(path))
            ));
        }
    }
    let alt = cdo_text::describe::site_image(page.lang);
    meta(&mut out, "property", "og:type", "website");
    meta(&mut out, "property", "og:site_name", "cdo-atlas");
    meta(&mut out, "property", "og:title", page.title);
    meta(&mut out, "property", "og:description", page.description);
    if let Some((_, path)) = own {
        meta(&mut out, "property", "og:url", &url(path));
    }
    meta(&mut out, "property", "og:image", &url(IMAGE));
    meta(&mut out, "property", "og:image:type", "image/png");
    meta(
        &mut out,
        "property",
        "og:image:width",
        &IMAGE_WIDTH.to_string(),
    );
    meta(
        &mut out,
        "property",
        "og:image:height",
        &IMAGE_HEIGHT.to_string(),
    );
    meta(&mut out, "property", "og:image:alt", &alt);
    meta(&mut out, "property", "og:locale", locale(page.lang));
    for lang in Lang::ALL.into_iter().filter(|l| *l != page.lang) {
        meta(&mut out, "property", "og:locale:alternate", locale(lang));
    }
    meta(&mut out, "name", "twitter:card", "summary_large_image");
    meta(&mut out, "name", "twitter:title", page.title);
    meta(&mut out, "name", "twitter:description", page.description);
    meta(&mut out, "name", "twitter:image", &url(IMAGE));
    meta(&mut out, "name", "twitter:image:alt", &alt);
    if let Some(json) = page.json_ld {
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(json);
        out.push_str("</script>");
    }
    out
}

/// Whether a `<meta …>` tag (its text from `<meta` to `>`) is one [`tags`] writes per page: the
/// description or a card's (`og:…`, `twitter:…`), quoted or not (Trunk's minifier drops quotes).
fn per_page(tag: &str) -> bool {
    let attrs = tag.replace(['"', '\''], "");
    attrs.contains("name=description")
        || attrs.contains("property=og:")
        || attrs.contains("name=twitter:")
}

/// The end of the tag that starts at `from` (the index after its `>`), quotes respected.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

/// The build's `index.html` with `body` at the end of its `<body>`, and the
/// page's language and head: the generic description and cards of `index.html` give way to
/// the page's [`tags`], written after the title.
pub fn into_shell(
    shell: &str,
    route: &str,
    body: &str,
    origin: &str,
    page: &PageHead,
) -> Result<String, String> {
    let to = shell.rfind("</body>").ok_or("index.html has no </body>")?;
    if shell.contains("<main id=\"main\"") {
        return Err("index.html is already a pre-rendered page (build again first)".into());
    }
    // What the app removes once it takes over (`cdo_atlas::takeover`): the frame's top-level
    // elements.
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
    let rendered_for = match route.trim_end_matches('/') {
        "" => "/",
        path => path,
    };
    for quoted in ["<html lang=de>", "<html lang=\"de\">"] {
        html = html.replacen(
            quoted,
            &format!(
                "<html lang={} data-page=\"{}\">",
                page.lang.code(),
                escape(rendered_for)
            ),
            1,
        );
    }
    // Only the head's tags: those before `</head>` (or `<body>`, where a minifier left it out).
    let head_end = |html: &str| {
        html.find("</head>")
            .or_else(|| html.find("<body"))
            .unwrap_or(html.len())
    };
    let mut at = 0;
    while let Some(found) = html[at..head_end(&html).max(at)].find("<meta") {
        let start = at + found;
        let end = tag_end(&html, start).ok_or("index.html: a <meta> tag does not end")?;
        if per_page(&html[start..end]) {
            html.replace_range(start..end, "");
            at = start;
        } else {
            at = end;
        }
    }
    let generic = "<title>cdo-atlas</title>";
    if !html.contains(generic) {
        return Err("index.html has no <title>cdo-atlas</title>".into());
    }
    let head = format!(
        "<title>{}</title>{}",
        escape(page.title),
        tags(origin, page)
    );
    Ok(html.replacen(generic, &head, 1))
}

/// `sitemap.xml`: every page in every language, each with its alternates (`xhtml:link`, as
/// search engines read language versions), all modified when the data was (`lastmod`).
pub fn sitemap(origin: &str, pages: &[Alternates], lastmod: PartialDate) -> String {
    let lastmod = PartialDate {
        approx: false,
        ..lastmod
    };
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages {
        for (_, path) in &page.0 {
            out.push_str(&format!(
                "<url><loc>{}</loc><lastmod>{lastmod}</lastmod>",
                escape(&format!("{origin}{path}"))
            ));
            for (lang, alt) in &page.0 {
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    lang.code(),
                    escape(&format!("{origin}{alt}"))
                ));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://example.org";

    fn alternates(de: &str, en: &str) -> Alternates {
        Alternates(vec![(Lang::De, de.to_owned()), (Lang::En, en.to_owned())])
    }

    fn page<'a>(lang: Lang, alternates: Option<&'a Alternates>) -> PageHead<'a> {
        PageHead {
            lang,
            title: "Köln & \"Bonn\" <b> – cdo-atlas",
            description: "A <script>alert(1)</script> & \"quoted\" description",
            alternates,
            json_ld: None,
        }
    }

    /// The `content`/`href` of the first tag that contains `key`, unescaped back.
    fn value(html: &str, key: &str) -> Option<String> {
        let at = html.find(key)?;
        let start = html[..at].rfind('<')?;
        let tag = &html[start..tag_end(html, start)?];
        let attr = if tag.contains("content=\"") {
            "content=\""
        } else {
            "href=\""
        };
        let from = tag.find(attr)? + attr.len();
        let to = from + tag[from..].find('"')?;
        Some(
            tag[from..to]
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&"),
        )
    }

    #[test]
    fn every_tag_is_there_and_escaped() {
        let alt = alternates("/entity/koeln", "/en/entity/koeln");
        let html = tags(ORIGIN, &page(Lang::De, Some(&alt)));
        for key in [
            "name=\"description\"",
            "rel=\"canonical\"",
            "hreflang=\"de\"",
            "hreflang=\"en\"",
            "hreflang=\"x-default\"",
            "property=\"og:title\"",
            "property=\"og:description\"",
            "property=\"og:url\"",
            "property=\"og:image\"",
            "property=\"og:image:width\"",
            "property=\"og:image:height\"",
            "property=\"og:image:alt\"",
            "property=\"og:locale\"",
            "property=\"og:locale:alternate\"",
            "name=\"twitter:card\"",
            "name=\"twitter:image\"",
        ] {
            assert!(html.contains(key), "{key} missing in {html}");
        }
        // Nothing of the text leaves its attribute.
        assert!(
            !html.contains("<script>alert") && !html.contains("<b>"),
            "{html}"
        );
        assert!(!html.contains("\"quoted\""), "{html}");
        assert_eq!(
            value(&html, "name=\"description\"").unwrap(),
            "A <script>alert(1)</script> & \"quoted\" description"
        );
        assert_eq!(
            value(&html, "og:title").unwrap(),
            "Köln & \"Bonn\" <b> – cdo-atlas"
        );
        assert_eq!(value(&html, "twitter:card").unwrap(), "summary_large_image");
        assert_eq!(
            value(&html, "\"og:image\"").unwrap(),
            "https://example.org/icons/og.png"
        );
        assert_eq!(value(&html, "og:image:width").unwrap(), "1200");
        assert_eq!(value(&html, "og:image:height").unwrap(), "630");
        assert_eq!(value(&html, "\"og:locale\"").unwrap(), "de_DE");
        assert_eq!(value(&html, "og:locale:alternate").unwrap(), "en_GB");
        assert!(!html.contains("ld+json"));
    }

    /// canonical, og:url and the alternates of the page at `lang` in `alt`.
    fn addresses(alt: &Alternates, lang: Lang) -> [String; 5] {
        let html = tags(ORIGIN, &page(lang, Some(alt)));
        [
            "rel=\"canonical\"",
            "og:url",
            "hreflang=\"de\"",
            "hreflang=\"en\"",
            "x-default",
        ]
        .map(|k| value(&html, k).unwrap())
    }

    #[test]
    fn canonical_and_alternates_point_at_each_other() {
        let home = alternates("/", "/en/");
        assert_eq!(
            addresses(&home, Lang::De),
            [
                "https://example.org/",
                "https://example.org/",
                "https://example.org/",
                "https://example.org/en/",
                "https://example.org/"
            ]
        );
        assert_eq!(
            addresses(&home, Lang::En),
            [
                "https://example.org/en/",
                "https://example.org/en/",
                "https://example.org/",
                "https://example.org/en/",
                "https://example.org/"
            ]
        );
        let entity = alternates("/entity/x", "/en/entity/x");
        let [canonical, url, de, en, default] = addresses(&entity, Lang::En);
        assert_eq!(canonical, "https://example.org/en/entity/x");
        assert_eq!(
            (url, de, en, default),
            (
                canonical.clone(),
                "https://example.org/entity/x".into(),
                canonical,
                "https://example.org/entity/x".into()
            )
        );
        // English is the other language's alternate locale.
        let html = tags(ORIGIN, &page(Lang::En, Some(&entity)));
        assert_eq!(value(&html, "\"og:locale\"").unwrap(), "en_GB");
        assert_eq!(value(&html, "og:locale:alternate").unwrap(), "de_DE");
    }

    #[test]
    fn a_page_without_an_address_has_no_canonical() {
        let html = tags(ORIGIN, &page(Lang::De, None));
        assert!(
            !html.contains("canonical") && !html.contains("hreflang") && !html.contains("og:url"),
            "{html}"
        );
        assert!(html.contains("og:image"));
    }

    #[test]
    fn json_ld_cannot_end_its_script() {
        let v = serde_json::json!({ "name": "</script><script>alert(1)</script><!--" });
        let text = json_ld(&v);
        assert!(!text.contains('<'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
        let html = tags(
            ORIGIN,
            &PageHead {
                json_ld: Some(&text),
                ..page(Lang::De, None)
            },
        );
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
    }

    const SHELL: &str = "<!doctype html><html lang=de><meta charset=utf-8><meta content=\"Generic > description\" name=description><meta content=#17456b name=theme-color><meta content=website property=og:type><meta content=\"cdo-atlas – x\" property=\"og:title\"><meta content=summary name=twitter:card><title>cdo-atlas</title><link href=/style.css rel=stylesheet></head><body><noscript>needs JS</noscript><div id=start-failed hidden></div></body></html>";

    #[test]
    fn the_shell_gets_the_page_and_its_head() {
        let alt = alternates("/map", "/en/map");
        let html = into_shell(
            SHELL,
            "/en/map/",
            "<main id=\"main\">Karte<noscript>the page's own</noscript></main>",
            ORIGIN,
            &page(Lang::En, Some(&alt)),
        )
        .unwrap();
        assert!(
            html.starts_with("<!doctype html><html lang=en data-page=\"/en/map\">"),
            "{html}"
        );
        // The generic ones are gone: one of each, the page's own.
        assert!(
            !html.contains("Generic") && !html.contains("content=summary "),
            "{html}"
        );
        assert_eq!(html.matches("og:type").count(), 1, "{html}");
        assert_eq!(html.matches("name=\"description\"").count(), 1, "{html}");
        assert!(html.contains("name=theme-color"), "{html}");
        assert!(
            html.contains("<title>Köln &amp; &quot;Bonn&quot; &lt;b&gt; – cdo-atlas</title>"),
            "{html}"
        );
        // After #start-failed, which says a failed start above the page; index.html's notice
        // that the app needs JavaScript gone, the page's own kept.
        assert!(
            html.contains("<div id=start-failed hidden></div><main id=\"main\" data-prerendered>Karte<noscript>the page's own</noscript></main></body>"),
            "{html}"
        );
        assert!(!html.contains("needs JS"), "{html}");
        assert!(
            into_shell(
                &html,
                "/map",
                "<main id=\"main\"></main>",
                ORIGIN,
                &page(Lang::De, None)
            )
            .is_err(),
            "a page is not rendered into a page"
        );
        let head = &html[..html.find("</head>").unwrap()];
        assert!(
            head.contains("rel=\"canonical\" href=\"https://example.org/en/map\""),
            "{head}"
        );
    }

    #[test]
    fn sitemap_lists_every_language_with_alternates() {
        let pages = [
            alternates("/", "/en/"),
            alternates("/entity/a&b", "/en/entity/a&b"),
        ];
        let xml = sitemap(ORIGIN, &pages, PartialDate::parse("2026-12-04").unwrap());
        assert_eq!(xml.matches("<url>").count(), 4, "{xml}");
        assert_eq!(
            xml.matches("<lastmod>2026-12-04</lastmod>").count(),
            4,
            "{xml}"
        );
        assert_eq!(xml.matches("<xhtml:link ").count(), 8, "{xml}");
        assert!(
            xml.contains("<loc>https://example.org/en/entity/a&amp;b</loc>"),
            "{xml}"
        );
        assert!(!xml.contains("a&b"), "{xml}");
        assert!(robots(ORIGIN).contains("\nSitemap: https://example.org/sitemap.xml\n"));
    }

    #[test]
    fn the_origin_is_an_origin() {
        let (local, warning) = origin(None).unwrap();
        assert_eq!(local, LOCAL_ORIGIN);
        assert!(warning.unwrap().contains("CDO_ORIGIN"));
        assert_eq!(
            origin(Some("https://example.org/")).unwrap(),
            ("https://example.org".into(), None)
        );
        assert_eq!(
            origin(Some("http://127.0.0.1:9000")).unwrap().0,
            "http://127.0.0.1:9000"
        );
        for bad in [
            "example.org",
            "javascript:alert(1)",
            "https://example.org/sub",
            "https://a\"b",
            "https://",
        ] {
            assert!(origin(Some(bad)).is_err(), "{bad}");
        }
    }
}
