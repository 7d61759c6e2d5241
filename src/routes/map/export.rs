//! The map as a picture for articles: the current view (zoom, axis, filter) as a standalone SVG
//! with title, legend and the BKG attribution baked in, or as a PNG drawn from that SVG.
//!
//! The SVG reuses the live map's markup (serialised, so all text is escaped by the browser) and
//! carries its own `<style>`: the map's rules copied from the page's stylesheet with every
//! `var(--…)` resolved, so the file looks like the screen in the current colour scheme and
//! `public/style.css` stays the only place the map's look is defined.

use cdo_model::map::MapState;
use cdo_model::PartialDate;
use cdo_text::Lang;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::Prepared;
use crate::components::shapes::style;
use crate::download::{save_blob, save_text, text_blob};

/// Selectors of the rules the picture needs (plus the marker colours `.c0` … `.c12`).
const RULES: [&str; 8] = [
    ".land",
    ".lands",
    ".mk",
    ".marker",
    ".cluster",
    ".hit",
    ".leader",
    ".changed-ring",
];

fn wanted(rule: &str) -> bool {
    RULES.iter().any(|p| rule.starts_with(p))
        || rule
            .strip_prefix(".c")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Size of the picture in CSS pixels: the map's aspect, a title above, legend and credits below.
const WIDTH: u32 = 800;

fn map_css() -> String {
    let document = document();
    let resolve = |text: &str| -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("var(--") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 4..];
            let end = after.find(')').unwrap_or(after.len());
            out.push_str(&css_var(&after[..end]));
            rest = after.get(end + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    };
    let mut css = String::new();
    let sheets = document.style_sheets();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(i)
            .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for j in 0..rules.length() {
            let Some(text) = rules.item(j).map(|r| r.css_text()) else {
                continue;
            };
            if wanted(&text) {
                css.push_str(&resolve(&text));
                css.push('\n');
            }
        }
    }
    css
}

/// Escapes text for SVG content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The standalone SVG of the map as shown, or `None` if the map is not on the page.
pub(super) fn map_svg(
    data: &Prepared,
    st: &MapState,
    stand: Option<PartialDate>,
    lang: Lang,
) -> Option<String> {
    let document = document();
    let live = document.query_selector("svg[data-testid=map]").ok()??;
    let inner = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&live)
        .ok()?;
    let origin = window().location().origin().unwrap_or_default();
    // Marker links point at the profiles on the site, not at a path of the file.
    let inner = inner.replace("href=\"/entity/", &format!("href=\"{origin}/entity/"));
    let attribution = document
        .query_selector(".attribution")
        .ok()
        .flatten()
        .and_then(|p| p.text_content())
        .unwrap_or_default();

    // Whole pixels throughout: formatting an f64 would pull float printing into the wasm.
    let map_height =
        (f64::from(WIDTH) * cdo_model::geo::HEIGHT / cdo_model::geo::WIDTH).round() as u32;
    let top = 56;
    let axis = st.axis;
    let counts = data.shown.with_untracked(|sh| sh.counts(axis));
    let shown: Vec<usize> = (0..axis.legend_count())
        .filter(|&i| counts[i] > 0 && !st.hidden.contains(&i))
        .collect();
    let per_row = 2;
    let legend_top = top + map_height + 28;
    let mut legend = format!(
        "<text x=\"16\" y=\"{}\" class=\"t-head\">{}</text>",
        legend_top,
        esc(cdo_text::axis(lang, axis))
    );
    for (n, &i) in shown.iter().enumerate() {
        let x = 16 + (n % per_row) as u32 * (WIDTH / per_row as u32);
        let y = legend_top + 14 + (n / per_row) as u32 * 24;
        legend.push_str(&format!(
            "<use href=\"{}\" class=\"mk {}\" x=\"{}\" y=\"{}\" width=\"16\" height=\"16\"/><text x=\"{}\" y=\"{}\" class=\"t-body\">{}</text>",
            style(axis, i).0,
            style(axis, i).1,
            x,
            y,
            x + 24,
            y + 13,
            esc(&cdo_text::phrase::counted(lang, cdo_text::category(lang, axis, i), counts[i])),
        ));
    }
    let credits_top = legend_top + 14 + shown.len().div_ceil(per_row) as u32 * 24 + 20;
    let credits = cdo_text::phrase::map_picture_credits(lang, stand, &origin);
    let height = credits_top + 30;
    let css = map_css();
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
<style>{css}\n.t-title{{font:700 22px sans-serif}}.t-head{{font:700 15px sans-serif}}.t-body,.t-small{{font:14px sans-serif}}.t-small{{font-size:12px}}text{{fill:{ink};font-family:system-ui,sans-serif}}.cluster text:not(.mk-label){{fill:#fff}}</style>\
<rect width=\"100%\" height=\"100%\" fill=\"{paper}\"/>\
<text x=\"16\" y=\"34\" class=\"t-title\">{title}</text>\
<g transform=\"translate(0 {top})\"><rect width=\"{w}\" height=\"{mh}\" fill=\"{water}\"/>{map}</g>\
{legend}\
<text x=\"16\" y=\"{ct}\" class=\"t-small\">{attr}</text>\
<text x=\"16\" y=\"{ct2}\" class=\"t-small\">{credits}</text>\
</svg>",
        w = WIDTH,
        h = height,
        mh = map_height,
        css = css.replace("</", "<\\/"),
        ink = css_var("--ink"),
        paper = css_var("--paper"),
        water = css_var("--map-water"),
        title = esc(&cdo_text::phrase::map_picture_title(lang, st.at.map(|a| a.date()))),
        map = inner.replacen("<svg ", &format!("<svg width=\"{WIDTH}\" height=\"{map_height}\" "), 1),
        ct = credits_top,
        ct2 = credits_top + 18,
        attr = esc(attribution.trim()),
        credits = esc(&credits),
    ))
}

/// The current value of a custom property of the page (`--ink`), for the current scheme.
fn css_var(name: &str) -> String {
    document()
        .document_element()
        .and_then(|r| window().get_computed_style(&r).ok().flatten())
        .and_then(|c| c.get_property_value(name).ok())
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

pub(super) fn save_svg(svg: &str, filename: &str) -> bool {
    save_text(filename, "image/svg+xml", svg)
}

/// Draws the SVG onto a canvas at twice its size and saves it as PNG.
pub(super) fn save_png(svg: String, filename: String) {
    let Some(blob) = text_blob(&svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let img = image.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&src);
        let (w, h) = (img.natural_width(), img.natural_height());
        let canvas = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&img, 0.0, 0.0);
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                save_blob(&filename, &blob);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}
