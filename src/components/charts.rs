//! Two charts for the overview: entities per headline model (HTML bars, each linking to the
//! explorer filtered by it; text at the page's size on any screen) and a timeline of when posts
//! were created (SVG). Each has a title, a text description and a table fallback. Hand-written:
//! two simple charts do not earn a library.

use cdo_model::charts::{by_year, model_counts};
use cdo_model::explore::ExploreState;
use cdo_model::{Headline, Summary};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::components::badge::headline_class;
use crate::components::shapes::{shape_defs, SHAPES};
use crate::paths::{self, Page};

/// Bars per headline model, largest first.
pub fn models_chart(entities: &[Summary], lang: Lang, s: &'static Strings) -> impl IntoView {
    let counts = model_counts(entities);
    let max = counts.first().map_or(1, |c| c.1).max(1);
    let bars = counts
        .iter()
        .map(|&(h, n)| {
            let filter = ExploreState { headlines: vec![h], ..Default::default() };
            let href = paths::with_query(lang, Page::Explore, &filter.to_query());
            let name = cdo_text::headline(lang, h);
            view! {
                <li><a class=format!("bar-row {}", headline_class(h)) href=href aria-label=cdo_text::phrase::label_count(lang, name, n)>
                    <span class="bar-label">{name}</span>
                    <span class="bar-track"><span class=format!("bar-fill {}", bar_width(n, max))></span></span>
                    <span class="bar-value">{n}</span>
                </a></li>
            }
        })
        .collect_view();
    let desc = cdo_text::phrase::models_chart_desc(lang, counts.first().copied());
    let rows = counts
        .iter()
        .map(|&(h, n)| view! { <tr><td>{cdo_text::headline(lang, h)}</td><td class="num">{n}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" aria-labelledby="chart-models-title">
            <h2 id="chart-models-title">{s.chart_models_title}</h2>
            <p class="chart-desc">{desc}</p>
            <ol class="bar-chart">{bars}</ol>
            <details>
                <summary>{s.chart_table}</summary>
                <table><thead><tr><th scope="col">{s.col_model}</th><th scope="col">{s.chart_count}</th></tr></thead><tbody>{rows}</tbody></table>
            </details>
        </figure>
    }
}

/// The class that gives a bar of `n` (of at most `max`) its width: whole percent, at least 1
/// (`.bar-w1` … `.bar-w100` in style.css). A class, not a `style` attribute, which the CSP
/// refuses, and which a page pre-rendered (read without JavaScript) would need.
fn bar_width(n: usize, max: usize) -> String {
    format!("bar-w{}", (n * 100 / max.max(1)).clamp(1, 100))
}

/// One mark per entity with a known year of creation, stacked per year.
pub fn timeline_chart(entities: &[Summary], lang: Lang, s: &'static Strings) -> impl IntoView {
    let dated = by_year(entities);
    let (Some(first), Some(last)) = (dated.first().map(|d| d.0), dated.last().map(|d| d.0)) else {
        return None;
    };
    let years = usize::from(last - first) + 1;
    let (col, mark, top) = (64, 18, 8);
    let tallest = (first..=last)
        .map(|y| dated.iter().filter(|d| d.0 == y).count())
        .max()
        .unwrap_or(1);
    let height = top + tallest * mark + 30;
    let mut stack = vec![0usize; years];
    let marks = dated
        .iter()
        .map(|&(y, e)| {
            let i = usize::from(y - first);
            let level = stack[i];
            stack[i] += 1;
            let x = i * col + col / 2;
            let cy = height - 30 - level * mark - mark / 2;
            let h = e.model().headline();
            let category = Headline::ALL.iter().position(|x| *x == h).unwrap_or(0);
            view! {
                <g><a href=paths::entity(lang, &e.id) aria-label=cdo_text::phrase::timeline_mark(lang, &e.name, y, h)>
                    <use href=format!("#shape-{}", category % SHAPES) x=x - 8 y=cy - 8 width="16" height="16" class=format!("mk c{category}") />
                </a></g>
            }
        })
        .collect_view();
    let axis = (first..=last)
        .enumerate()
        .map(|(i, y)| view! { <text x=i * col + col / 2 y=height - 10 class="chart-axis">{y}</text> })
        .collect_view();
    let rows = dated
        .iter()
        .map(|&(y, e)| view! { <tr><td>{y}</td><td>{e.name.clone()}</td><td>{cdo_text::headline(lang, e.model().headline())}</td></tr> })
        .collect_view();
    Some(view! {
        <figure class="chart" aria-labelledby="chart-timeline-title">
            <h2 id="chart-timeline-title">{s.chart_timeline_title}</h2>
            <p class="chart-desc">{cdo_text::phrase::timeline_chart_desc(lang, first, last)}</p>
            <div class="chart-scroll">
                <svg viewBox=format!("0 0 {} {height}", years * col) class="chart-svg timeline" role="group" aria-labelledby="chart-timeline-title">
                    <defs>{shape_defs()}</defs>
                    <line x1="0" x2=years * col y1=height - 28 y2=height - 28 class="chart-baseline" />
                    {axis}
                    {marks}
                </svg>
            </div>
            <details>
                <summary>{s.chart_table}</summary>
                <table>
                    <thead><tr><th scope="col">{s.chart_year}</th><th scope="col">{s.col_name}</th><th scope="col">{s.col_model}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    })
}

#[cfg(test)]
mod tests {
    use super::bar_width;

    /// Every width a bar can have is a rule of the stylesheet, with that width: a class
    /// without its rule would draw no bar at all.
    #[test]
    fn every_bar_width_has_its_rule() {
        let css = include_str!("../../public/style.css");
        let rule = |percent: usize| {
            let at = css.find(&format!(".bar-w{percent} "))?;
            Some(css[at..].split_once('}')?.0)
        };
        for percent in 1..=100 {
            let width = format!(":{percent}%;");
            let found = rule(percent).map(|r| r.replace(' ', "").contains(&width));
            assert_eq!(found, Some(true), "{percent}");
        }
        assert_eq!(bar_width(7, 21), "bar-w33");
        assert_eq!(bar_width(21, 21), "bar-w100");
        assert_eq!(bar_width(1, 500), "bar-w1");
        assert_eq!(bar_width(0, 0), "bar-w1");
    }
}
