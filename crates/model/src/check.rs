//! Where the editors stand: how many facts the dataset holds, how many cite a source, how old
//! their evidence is. `cargo run -p xtask -- check` prints it (a layer of `make test`, which fails
//! on any entry the validator rejects: an unsourced fact or a source id that does not resolve).

use crate::domain::{Dataset, Entity, STALE_BEFORE_YEAR};

/// The figures of a dataset. The index carries them in its header (`figures`), so that the
/// about page can show them without the dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub entities: usize,
    pub periods: usize,
    /// Every sourced statement: a population, a period's post, its start and end, a holder, a
    /// reporting line, a context note.
    pub facts: usize,
    /// Facts that cite at least one source (the validator accepts no other).
    pub sourced: usize,
    /// Facts whose newest dated source is older than [`STALE_BEFORE_YEAR`].
    pub confirmed_before: usize,
    /// Facts none of whose sources is dated.
    pub undated_facts: usize,
    pub sources: usize,
    /// Sources without a page date.
    pub undated_sources: usize,
    /// Sources that are a party's or parliamentary group's website.
    pub party_sources: usize,
}

impl Figures {
    /// The keys of the index's `figures`, in this order: [`Figures::values`].
    pub const KEYS: [&'static str; 9] = [
        "entities",
        "periods",
        "facts",
        "sourced",
        "confirmed_before",
        "undated_facts",
        "sources",
        "undated_sources",
        "party_sources",
    ];

    pub fn values(&self) -> [usize; 9] {
        [
            self.entities,
            self.periods,
            self.facts,
            self.sourced,
            self.confirmed_before,
            self.undated_facts,
            self.sources,
            self.undated_sources,
            self.party_sources,
        ]
    }

    pub fn from_values(v: [usize; 9]) -> Figures {
        let [entities, periods, facts, sourced, confirmed_before, undated_facts, sources, undated_sources, party_sources] =
            v;
        Figures {
            entities,
            periods,
            facts,
            sourced,
            confirmed_before,
            undated_facts,
            sources,
            undated_sources,
            party_sources,
        }
    }
}

/// The sources of every fact of `e`.
fn facts(e: &Entity) -> Vec<&[String]> {
    let mut out: Vec<&[String]> = Vec::new();
    out.extend(e.population.iter().map(|p| p.sources.as_slice()));
    for p in &e.periods {
        out.push(&p.sources);
        out.extend(
            [&p.since, &p.until]
                .into_iter()
                .flatten()
                .map(|d| d.sources.as_slice()),
        );
        out.extend(p.holders.iter().map(|h| h.sources.as_slice()));
        out.extend(p.reporting_line.iter().map(|t| t.sources.as_slice()));
    }
    out.extend(e.context.iter().map(|t| t.sources.as_slice()));
    out
}

pub fn figures(d: &Dataset) -> Figures {
    let mut f = Figures {
        entities: d.entities.len(),
        ..Figures::default()
    };
    for e in &d.entities {
        f.periods += e.periods.len();
        f.sources += e.sources.len();
        f.undated_sources += e.sources.iter().filter(|s| s.date.is_none()).count();
        f.party_sources += e.sources.iter().filter(|s| s.party).count();
        for ids in facts(e) {
            f.facts += 1;
            f.sourced += usize::from(!ids.is_empty());
            match e.newest_source(ids.iter().map(String::as_str)) {
                None => f.undated_facts += 1,
                Some(d) if d.year < STALE_BEFORE_YEAR => f.confirmed_before += 1,
                Some(_) => {}
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_dataset, PartialDate};

    #[test]
    fn every_fact_is_counted_once_with_the_age_of_its_evidence() {
        let text = include_str!("../tests/data-25.json");
        let d = parse_dataset(text, PartialDate::ymd(2026, 12, 4))
            .unwrap()
            .dataset;
        let f = figures(&d);
        assert_eq!(f.entities, 25);
        assert_eq!(f.periods, 25, "one period each in the frozen copy");
        assert_eq!(
            f.sourced, f.facts,
            "the validator accepts no unsourced fact"
        );
        assert!(f.confirmed_before + f.undated_facts <= f.facts);
        // Darmstadt alone: population, post, start, one holder, reporting line, three context
        // notes.
        let one = Dataset {
            entities: vec![d.entity("darmstadt").unwrap().clone()],
            ..d.clone()
        };
        let f = figures(&one);
        assert_eq!(f.facts, 8);
        // Every fact rests on pages of 2017 or 2021, but the population's source is undated.
        assert_eq!((f.confirmed_before, f.undated_facts), (7, 1));
        assert_eq!((f.sources, f.undated_sources), (4, 1));
    }
}
