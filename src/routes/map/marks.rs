//! How one mark is drawn (a marker with its tap target and label, or a cluster); the marker
//! shapes are `crate::components::shapes`.

use cdo_model::map::{MapState, Mark, Side};
use cdo_model::num::fixed;
use cdo_model::Kind;
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use super::Prepared;
use crate::paths;

pub(super) use crate::components::shapes::SHAPES;

/// One mark as plain SVG. Markers and clusters carry no event handlers of their own: the
/// `.marks` group handles clicks, keys, hover and focus for all of them (see `MapFrame`), so a
/// redraw only touches attributes — with 10,000 entities that keeps a zoom step within a frame.
pub(super) fn mark_view(
    mark: Mark,
    data: &Prepared,
    st: &MapState,
    k: f64,
    selected: Option<usize>,
    lang: Lang,
    s: &'static Strings,
) -> AnyView {
    match mark {
        Mark::Entity {
            index,
            at,
            radius,
            label,
        } => {
            let e = &data.entities[index];
            let category = data.category(st.axis, index);
            let class_n = category % SHAPES;
            // Länder and the federal level are told apart from cities by their outline (and in
            // their names), not by colour alone.
            let level = match e.kind {
                Kind::City => None,
                Kind::Land => Some(s.map_land_level),
                Kind::Federal => Some(s.map_federal_level),
            };
            let mut name = format!(
                "{} — {}",
                e.name,
                cdo_text::category(lang, st.axis, category)
            );
            if let Some(level) = level {
                name.push_str(&format!(" ({level})"));
            }
            let text = label.map(|side| {
                let (x, anchor) = match side {
                    Side::Right => (at.x + radius + 3.0 * k, "start"),
                    Side::Left => (at.x - radius - 3.0 * k, "end"),
                };
                view! { <text class="mk-label" x=fixed(x, 0) y=fixed(at.y + 4.5 * k, 0) font-size=fixed(13.0 * k, 0) text-anchor=anchor>{e.name.clone()}</text> }
            });
            // Inside a <g> so the macro builds an SVG <a>, not an HTML one.
            view! {
                <g><a
                    href=paths::entity(lang, &e.id)
                    class=match (e.kind, Some(index) == selected) {
                        (Kind::City, false) => "marker",
                        (Kind::Land, false) => "marker land-level",
                        (Kind::Federal, false) => "marker federal-level",
                        (Kind::City, true) => "marker selected",
                        (Kind::Land, true) => "marker land-level selected",
                        (Kind::Federal, true) => "marker federal-level selected",
                    }
                    data-id=e.id.clone()
                    data-i=index
                    aria-label=name
                >
                    // An invisible disc of at least 12 px radius: a comfortable tap target.
                    <circle class="hit" cx=fixed(at.x, 0) cy=fixed(at.y, 0) r=fixed(radius.max(12.0 * k), 0) />
                    <use
                        href=format!("#shape-{class_n}")
                        class=format!("mk c{class_n}")
                        x=fixed(at.x - radius, 0)
                        y=fixed(at.y - radius, 0)
                        width=fixed(radius * 2.0, 0)
                        height=fixed(radius * 2.0, 0)
                    />
                    {text}
                </a></g>
            }
            .into_any()
        }
        Mark::Cluster {
            at,
            radius,
            members,
        } => {
            let n = members.len();
            view! {
                <g
                    class="cluster"
                    role="button"
                    tabindex="0"
                    data-x=fixed(at.x, 0)
                    data-y=fixed(at.y, 0)
                    aria-label=format!("{n} {}", s.map_cluster)
                >
                    <circle cx=fixed(at.x, 0) cy=fixed(at.y, 0) r=fixed(radius, 0) />
                    <text x=fixed(at.x, 0) y=fixed(at.y + 4.0 * k, 0) font-size=fixed(12.0 * k, 0)>{n}</text>
                </g>
            }
            .into_any()
        }
    }
}
