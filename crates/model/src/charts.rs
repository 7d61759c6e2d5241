//! What the overview's two charts show, computed from the summaries: entities per headline model,
//! and entities by the year their post was created. The views only draw these.

use std::cmp::Reverse;

use crate::search::name_order;
use crate::{sort_short, Headline, Summary};

/// Entities per headline model, largest first, ties in the order of [`Headline::ALL`]; models
/// with none are left out.
pub fn model_counts(entities: &[Summary]) -> Vec<(Headline, usize)> {
    // At most ten: `sort_short`, not a `slice::sort` instantiation of its own (~4 KB of wasm).
    let mut order: Vec<(Reverse<usize>, usize)> = Headline::ALL
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            let n = entities
                .iter()
                .filter(|e| e.model().headline() == h)
                .count();
            (Reverse(n), i)
        })
        .filter(|(n, _)| n.0 > 0)
        .collect();
    sort_short(&mut order);
    order
        .into_iter()
        .map(|(n, i)| (Headline::ALL[i], n.0))
        .collect()
}

/// Every entity with a known year of creation, with that year: by year, then in the order every
/// list has ([`name_order`]). A pass per year instead of a sort of its own: validated years lie
/// between 1900 and the dataset's today.
pub fn by_year(entities: &[Summary]) -> Vec<(u16, &Summary)> {
    let named: Vec<(u16, &Summary)> = name_order(entities)
        .into_iter()
        .filter_map(|e| Some((e.established?.year, e)))
        .collect();
    let (Some(first), Some(last)) = (
        named.iter().map(|d| d.0).min(),
        named.iter().map(|d| d.0).max(),
    ) else {
        return Vec::new();
    };
    (first..=last)
        .flat_map(|y| named.iter().copied().filter(move |d| d.0 == y))
        .collect()
}

/// A series of the chart of models year by year: a model, or one of the two states that are
/// not a model (drawn muted, never in a model's colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Model(Headline),
    NoPost,
    Abolished,
}

/// The chart of models year by year (issue #23): per year on 1 January, how many entities had
/// each model, no post yet, or an abolished one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByYear {
    /// The series drawn, bottom first: the models any year has (in the order of
    /// [`Headline::ALL`]), then "no post yet" and "abolished" if any year has them.
    pub series: Vec<Series>,
    /// Per year, oldest first, one count per series (in the order of `series`).
    pub years: Vec<(u16, Vec<usize>)>,
    /// Every entity: what each year's counts add up to.
    pub total: usize,
}

/// [`ByYear`] of `list` over the years of `span`.
pub fn models_by_year(list: &[Summary], span: &crate::time::Span) -> ByYear {
    let counts = crate::time::counts_by_year(list, span.years());
    let any = |f: &dyn Fn(&crate::time::Counts) -> usize| counts.iter().any(|(_, c)| f(c) > 0);
    let mut series: Vec<Series> = Headline::ALL
        .iter()
        .filter(|&&h| any(&|c| c.of(h)))
        .map(|&h| Series::Model(h))
        .collect();
    if any(&|c| c.no_post) {
        series.push(Series::NoPost);
    }
    if any(&|c| c.abolished) {
        series.push(Series::Abolished);
    }
    let years = counts
        .iter()
        .map(|(y, c)| {
            let row = series
                .iter()
                .map(|s| match s {
                    Series::Model(h) => c.of(*h),
                    Series::NoPost => c.no_post,
                    Series::Abolished => c.abolished,
                })
                .collect();
            (*y, row)
        })
        .collect();
    ByYear {
        series,
        years,
        total: list.len(),
    }
}

/// What the overview's address holds: the date it shows (`at`; `None`: today).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OverviewState {
    pub at: Option<crate::time::At>,
}

impl OverviewState {
    /// Reads `at`; an unreadable value is named in the returned list.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (OverviewState, Vec<&'static str>) {
        let mut bad = Vec::new();
        let at = crate::time::from_query(&get, &mut bad);
        (OverviewState { at }, bad)
    }

    /// Query pairs for this state; today (the default) is left out.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        crate::time::to_query(self.at, &mut q);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_dataset, PartialDate};

    fn shipped() -> Vec<Summary> {
        let text = include_str!("../../../public/data/cdo-atlas.json");
        let today = PartialDate::ymd(2026, 12, 5);
        parse_dataset(text, today)
            .expect("the shipped dataset parses")
            .dataset
            .summaries()
            .entities
    }

    #[test]
    fn model_counts_are_largest_first_with_ties_in_the_models_order() {
        let entities = shipped();
        let counts = model_counts(&entities);
        assert_eq!(
            counts.iter().map(|c| c.1).sum::<usize>(),
            entities.len(),
            "every entity once"
        );
        assert!(counts.iter().all(|c| c.1 > 0), "no empty model");
        for pair in counts.windows(2) {
            let position = |h: Headline| Headline::ALL.iter().position(|x| *x == h);
            assert!(
                pair[0].1 > pair[1].1
                    || (pair[0].1 == pair[1].1 && position(pair[0].0) < position(pair[1].0)),
                "{pair:?}"
            );
        }
        assert_eq!(
            counts[0],
            (Headline::Department, 21),
            "as the overview says"
        );
        assert!(model_counts(&[]).is_empty());
    }

    /// Issue #23: per year, the models, the entities with no post yet and those abolished add
    /// up to every entity; the two states come last, after the models.
    #[test]
    fn models_by_year_add_up_to_every_entity_each_year() {
        let entities = shipped();
        let span = crate::time::Span::of(&entities, PartialDate::ymd(2026, 12, 5));
        let chart = models_by_year(&entities, &span);
        assert_eq!(chart.total, entities.len());
        assert_eq!(chart.years.first().map(|y| y.0), Some(span.first));
        assert_eq!(chart.years.last().map(|y| y.0), Some(2026));
        for (year, row) in &chart.years {
            assert_eq!(row.len(), chart.series.len());
            assert_eq!(row.iter().sum::<usize>(), entities.len(), "{year}");
        }
        let n = chart.series.len();
        assert_eq!(
            &chart.series[n - 2..],
            [Series::NoPost, Series::Abolished],
            "the Saarland's post was abolished"
        );
        assert!(chart.series[..n - 2]
            .iter()
            .all(|s| matches!(s, Series::Model(_))));
        // The last column: 1 January of today's year, the Saarland's post abolished.
        assert!(chart.years.last().unwrap().1[n - 1] >= 1);
        // 2019: the Saarland among the state governments, not yet abolished.
        let y2019 = &chart.years.iter().find(|y| y.0 == 2019).unwrap().1;
        assert_eq!(y2019[n - 1], 0);
        assert!(y2019[n - 2] > 0, "most posts came later");
    }

    #[test]
    fn by_year_orders_by_year_then_name_and_leaves_out_the_undated() {
        let entities = shipped();
        let dated = by_year(&entities);
        let with_year = entities.iter().filter(|e| e.established.is_some()).count();
        assert_eq!(dated.len(), with_year);
        for pair in dated.windows(2) {
            let key = |d: &(u16, &Summary)| (d.0, crate::search::fold(&d.1.name));
            assert!(
                key(&pair[0]) < key(&pair[1]),
                "{} before {}",
                pair[0].1.name,
                pair[1].1.name
            );
        }
        let first = dated.first().expect("dated entries");
        assert_eq!(
            (first.0, first.1.name.as_str()),
            (2007, "Bundesrepublik Deutschland (Bund)")
        );
        assert!(by_year(&[]).is_empty());
    }
}
