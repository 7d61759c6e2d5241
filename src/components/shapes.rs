//! The marker shapes the map, its legend, its picture and the overview's timeline share: one
//! shape per category index (with the colour `.c<i>` of `public/style.css`), so that colour is
//! never the only signal.

use cdo_model::map::Axis;
use leptos::prelude::*;

/// Marker styles: one per category of the axis with the most (the headline models).
pub const SHAPES: usize = 13;

/// Thirteen marker shapes in a -10..10 box, white-edged so they read on any fill.
pub fn shape_defs() -> impl IntoView {
    const SHAPE_PATHS: [&str; SHAPES] = [
        "M0-9a9 9 0 1 0 0.01 0z",   // circle
        "M-8-8h16v16h-16z",         // square
        "M0-9l9 16h-18z",           // triangle
        "M0-10l10 10-10 10-10-10z", // diamond
        "M0-10l2.9 6 6.6 1-4.8 4.6 1.1 6.6-5.8-3.1-5.8 3.1 1.1-6.6-4.8-4.6 6.6-1z", // star
        "M0-9a9 9 0 1 0 0.01 0zm0 4a5 5 0 1 1-0.01 0z", // ring
        "M0-9.5l9 6.5-3.4 10.5h-11.2l-3.4-10.5z", // pentagon
        "M-5-9h10l5 9-5 9h-10l-5-9z", // hexagon
        "M-10-5h20v10h-20z",        // bar
        "M0 9l9-16h-18z",           // triangle down
        "M-9-9h18v6h-18zm0 12h18v6h-18z", // double bar
        "M-4-9h8l5 5v8l-5 5h-8l-5-5v-8z", // octagon
        "M-3-9h6v6h6v6h-6v6h-6v-6h-6v-6h6z", // plus
    ];
    let models = SHAPE_PATHS
        .iter()
        .enumerate()
        .map(|(i, d)| view! { <symbol id=format!("shape-{i}") viewBox="-11 -11 22 22"><path d=*d /></symbol> })
        .collect_view();
    // No post yet: a small hollow disc; abolished: a cross. Neither is a model's colour.
    view! {
        {models}
        <symbol id="shape-none" viewBox="-11 -11 22 22"><path d="M0-6a6 6 0 1 0 0.01 0zm0 3a3 3 0 1 1-0.01 0z" /></symbol>
        <symbol id="shape-gone" viewBox="-11 -11 22 22"><path d="M-8-5l3-3 5 5 5-5 3 3-5 5 5 5-3 3-5-5-5 5-3-3 5-5z" /></symbol>
    }
}

/// The symbol and the colour class (beside `mk`) of category `i` of `axis`: a model's shape
/// and colour, or the muted marks of "no post yet" and "abolished".
pub fn style(axis: Axis, i: usize) -> (String, String) {
    if i == axis.no_post() {
        ("#shape-none".to_owned(), "none".to_owned())
    } else if i == axis.abolished() {
        ("#shape-gone".to_owned(), "gone".to_owned())
    } else {
        let n = i % SHAPES;
        (format!("#shape-{n}"), format!("c{n}"))
    }
}
