//! Three charts for the overview: entities per headline model (HTML bars, each linking to the
//! explorer filtered by it; text at the page's size on any screen), a timeline of when posts
//! were created (SVG), and the models year by year (SVG, stacked; issue #23). Each has a title,
//! a text description and a table fallback. Hand-written: simple charts do not earn a library.

use cdo_model::charts::{by_year, model_counts, models_by_year, Series};
use cdo_model::explore::ExploreState;
use cdo_model::time::{At, Span};
use cdo_model::PartialDate;
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

/// The class that fills a series of the year chart: a model's colour, or one of the two muted
/// fills of "no post yet" and "abolished" (never a model's colour).
fn series_class(series: Series) -> String {
    match series {
        Series::Model(h) => {
            let category = Headline::ALL.iter().position(|x| *x == h).unwrap_or(0);
            format!("c{}", category % SHAPES_COLOURS)
        }
        Series::NoPost => "yr-none".to_owned(),
        Series::Abolished => "yr-gone".to_owned(),
    }
}

/// The model colours the stylesheet defines (`.c0` … `.c12`).
const SHAPES_COLOURS: usize = 13;

fn series_label(lang: Lang, s: &'static Strings, series: Series) -> &'static str {
    match series {
        Series::Model(h) => cdo_text::headline(lang, h),
        Series::NoPost => s.state_no_post,
        Series::Abolished => s.state_abolished,
    }
}

/// How many entities had each model on 1 January of each year from the data's first to
/// `today`'s (the dataset's Stand), stacked; the year `at` shows is outlined. `key` says what it
/// was drawn from (`data-key`): the app takes a pre-rendered chart with its own key as it is
/// (`crate::takeover::adoptable`), so nothing in it may need the app.
pub fn years_chart(
    entities: &[Summary],
    today: PartialDate,
    at: Option<At>,
    lang: Lang,
    s: &'static Strings,
    key: &str,
) -> impl IntoView {
    let span = Span::of(entities, today);
    let chart = models_by_year(entities, &span);
    let total = chart.total.max(1);
    let (col, bar, plot, top) = (40usize, 28usize, 180usize, 8usize);
    let width = chart.years.len() * col;
    let height = top + plot + 26;
    // Heights from running sums, so the segments meet without gaps and every column is as tall.
    let y_of = |sum: usize| top + plot - sum * plot / total;
    let columns = chart
        .years
        .iter()
        .enumerate()
        .map(|(i, (year, row))| {
            let x = i * col + (col - bar) / 2;
            let mut sum = 0;
            let segments = chart
                .series
                .iter()
                .zip(row)
                .filter(|(_, n)| **n > 0)
                .map(|(&series, &n)| {
                    let (y0, y1) = (y_of(sum + n), y_of(sum));
                    sum += n;
                    view! { <rect y=y0 width=bar height=y1 - y0 class=series_class(series) /> }
                })
                .collect_view();
            let parts: Vec<(&str, usize)> = chart
                .series
                .iter()
                .zip(row)
                .map(|(&series, &n)| (series_label(lang, s, series), n))
                .collect();
            let label = cdo_text::phrase::years_column(lang, *year, &parts);
            let shown = at.is_some_and(|a| a.year_of() == *year);
            let mark = shown.then(|| view! { <rect x="-3" y=top - 3 width=bar + 6 height=plot + 6 class="yr-at" /> });
            let axis = (i % 2 == 0 || chart.years.len() <= 10 || shown).then(|| {
                view! { <text x=x + bar / 2 y=height - 8 class="chart-axis">{*year}</text> }
            });
            view! { <g role="img" aria-label=label transform=format!("translate({x})")>{mark}{segments}</g>{axis} }
        })
        .collect_view();
    let legend = chart
        .series
        .iter()
        .map(|&series| {
            view! {
                <li>
                    <svg class="yr-swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><rect width="12" height="12" class=series_class(series) /></svg>
                    {series_label(lang, s, series)}
                </li>
            }
        })
        .collect_view();
    let head = chart
        .series
        .iter()
        .map(|&series| view! { <th scope="col">{series_label(lang, s, series)}</th> })
        .collect_view();
    let rows = chart
        .years
        .iter()
        .map(|(year, row)| {
            let cells = row.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view();
            view! { <tr><th scope="row">{*year}</th>{cells}<td class="num">{row.iter().sum::<usize>()}</td></tr> }
        })
        .collect_view();
    let (first, last) = (span.first, span.today.year);
    view! {
        <figure class="chart chart-wide" aria-labelledby="chart-years-title" data-testid="years-chart" data-part=crate::on_demand::YEARS_CHART data-key=key.to_owned()>
            <h2 id="chart-years-title">{s.chart_years_title}</h2>
            <p class="chart-desc">{cdo_text::phrase::years_chart_desc(lang, first, last, chart.total)}</p>
            <ul class="yr-legend">{legend}</ul>
            <div class="chart-scroll" tabindex="0" role="region" aria-labelledby="chart-years-title">
                <svg viewBox=format!("0 0 {width} {height}") width=width height=height class="chart-svg years" role="group" aria-labelledby="chart-years-title">
                    <line x1="0" x2=width y1=top + plot y2=top + plot class="chart-baseline" />
                    {columns}
                </svg>
            </div>
            <details>
                <summary>{s.chart_table}</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label=s.chart_table>
                    <table>
                        <thead><tr><th scope="col">{s.chart_year}</th>{head}<th scope="col">{s.chart_total}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
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
