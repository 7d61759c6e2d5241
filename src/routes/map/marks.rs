//! How one mark is drawn (a marker with its tap target and label, or a cluster); the marker
//! shapes are `crate::components::shapes`.

use cdo_model::map::{translate, MapState, Mark, Side};
use cdo_model::num::fixed;
use cdo_model::Kind;
use cdo_text::Lang;
use leptos::prelude::*;

use super::{Prepared, Shown};
use crate::components::needs_app::{note, PRERENDER};
use crate::components::shapes::style;
use crate::paths;

/// One mark as plain SVG. Markers and clusters carry no event handlers of their own: the
/// `.marks` group handles clicks, keys, hover and focus for all of them (see `MapFrame`), so a
/// redraw only touches attributes — with 10,000 entities that keeps a zoom step within a frame.
/// Each mark is placed by one `transform` on its outer element and draws its shapes around the
/// origin: a mark that moves changes that attribute alone (PERFORMANCE.md, "Benchmarks").
pub(super) fn mark_view(
    mark: Mark,
    data: &Prepared,
    shown: &Shown,
    st: &MapState,
    k: f64,
    selected: Option<usize>,
    lang: Lang,
) -> AnyView {
    match mark {
        Mark::Entity {
            index,
            at,
            radius,
            hit,
            label,
            anchor,
        } => {
            let e = &data.entities[index];
            let category = shown.category(st.axis, index);
            let (shape, mk_class) = style(st.axis, category);
            let changed = shown.changed[index];
            // Länder and the federal level are told apart from cities by their outline (and in
            // their names), not by colour alone.
            let name = cdo_text::phrase::marker(
                lang,
                &e.name,
                cdo_text::category(lang, st.axis, category),
                e.kind,
            );
            // Changed in the year before the date shown: a ring, and said in its name.
            let name = if changed {
                cdo_text::phrase::marker_changed(lang, &name)
            } else {
                name
            };
            let ring = changed.then(|| view! { <circle class="changed-ring" r=fixed(radius + 4.0 * k, 0) stroke-width=fixed(2.0 * k, 1) /> });
            let text = label.map(|side| label_view(&e.name, radius, side, k));
            // A marker moved off its place (not to hide another) points back to it (inside the
            // link, first, so that the macro still builds an SVG <a>; the line takes no pointer).
            let leader = anchor.map(|p| {
                view! { <line class="leader" x1=fixed(p.x - at.x, 0) y1=fixed(p.y - at.y, 0) stroke-width=fixed(1.2 * k, 1) /> }
            });
            // Inside a <g> so the macro builds an SVG <a>, not an HTML one; the <g> places it.
            view! {
                <g transform=translate(at)><a
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
                    data-dx=anchor.map(|p| fixed(at.x - p.x, 0))
                    data-dy=anchor.map(|p| fixed(at.y - p.y, 0))
                    aria-label=name
                >
                    {leader}
                    // An invisible disc of at least 12 px radius where there is room: a
                    // comfortable tap target that covers no other marker.
                    <circle class="hit" r=fixed(hit, 0) />
                    {ring}
                    <use
                        href=shape
                        class=format!("mk {mk_class}")
                        x=fixed(-radius, 0)
                        y=fixed(-radius, 0)
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
            label,
        } => {
            let n = members.len();
            let first = &members[..n.min(cdo_text::CLUSTER_NAMES)];
            let names: Vec<&str> = first
                .iter()
                .map(|&i| data.entities[i].name.as_str())
                .collect();
            // Which entities a small group holds (a grid cell of thousands says only its count).
            let ids = (n <= cdo_text::CLUSTER_NAMES).then(|| {
                let ids: Vec<&str> = first
                    .iter()
                    .map(|&i| data.entities[i].id.as_str())
                    .collect();
                ids.join(" ")
            });
            // The count fits the disc, whatever its size.
            let font = (radius * 1.1).min(12.0 * k);
            view! {
                // Opening it zooms in on its place, read back from `transform`.
                <g
                    class="cluster"
                    role="button"
                    tabindex="0"
                    // Without JavaScript (the pre-render) a group does not open: said.
                    aria-disabled=PRERENDER.then_some("true")
                    aria-describedby=note()
                    transform=translate(at)
                    data-ids=ids
                    aria-label=cdo_text::cluster_label(lang, n, &names)
                >
                    <circle r=fixed(radius, 0) />
                    <text y=fixed(font / 3.0, 0) font-size=fixed(font, 0)>{n}</text>
                    {label.map(|side| label_view(&data.entities[members[0]].name, radius, side, k))}
                </g>
            }
            .into_any()
        }
    }
}

/// A marker's (or a group's) name beside it, on `side` (around the origin, as the mark's shapes).
fn label_view(name: &str, radius: f64, side: Side, k: f64) -> impl IntoView {
    let (x, anchor) = match side {
        Side::Right => (radius + 3.0 * k, "start"),
        Side::Left => (-radius - 3.0 * k, "end"),
    };
    view! { <text class="mk-label" x=fixed(x, 0) y=fixed(4.5 * k, 0) font-size=fixed(13.0 * k, 0) text-anchor=anchor>{name.to_owned()}</text> }
}
