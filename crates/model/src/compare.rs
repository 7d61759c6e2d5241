//! Which entities the compare view shows: ids from the URL, resolved against the dataset, with
//! unknown ids reported and more than [`MAX_COMPARED`] trimmed — never a crash.

use crate::domain::Identified;
use crate::time::{self, At, StateAt};
use crate::{PartialDate, Summary};

/// Between an id and its own date in `ids`: `darmstadt@2018` is Darmstadt as of 2018.
pub const AT_SEPARATOR: char = '@';

/// At most this many entities side by side.
pub const MAX_COMPARED: usize = 4;

/// The comparison's address: `ids` lists columns, each an entity's id, optionally with a date
/// of its own (`ids=duesseldorf@2017,duesseldorf`: the same entity in 2017 and at `at`), so that
/// one entity can stand beside itself; `at` is the date of every column without its own
/// (absent: today).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareState {
    /// Requested columns in order, deduplicated: `id` or `id@YYYY[-MM]`.
    pub ids: Vec<String>,
    /// Show only the rows whose values differ.
    pub only_differences: bool,
    /// The date shown (`at`); `None`: today.
    pub at: Option<crate::time::At>,
}

/// The requested ids matched against the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Indices into the entity list, in request order, at most [`MAX_COMPARED`].
    pub indices: Vec<usize>,
    /// Each column's own date (`id@2018`), else the page's `at`; `None`: today.
    pub dates: Vec<Option<At>>,
    /// The keys of the columns (as in `ids`), for removing one.
    pub keys: Vec<String>,
    /// Requested ids the dataset does not have.
    pub unknown: Vec<String>,
    /// Known ids dropped beyond [`MAX_COMPARED`], in request order.
    pub trimmed: Vec<String>,
}

impl CompareState {
    /// Reads `ids`, `diff` and `at`; ids are never an error (unknown ones are reported by
    /// [`CompareState::resolve`]), an unreadable `at` is named in the returned list.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (CompareState, Vec<&'static str>) {
        let mut ids: Vec<String> = Vec::new();
        for id in get("ids")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .take(32)
        {
            let id: String = id.chars().take(64).collect();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut bad = Vec::new();
        let at = crate::time::from_query(&get, &mut bad);
        let state = CompareState {
            ids,
            only_differences: get("diff").as_deref() == Some("1"),
            at,
        };
        (state, bad)
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.ids.is_empty() {
            q.push(("ids", self.ids.join(",")));
        }
        if self.only_differences {
            q.push(("diff", "1".to_owned()));
        }
        crate::time::to_query(self.at, &mut q);
        q
    }

    /// The columns found; a key whose date is not a year or a month names no entity.
    pub fn resolve(&self, entities: &[impl Identified]) -> Resolved {
        let mut out = Resolved {
            indices: Vec::new(),
            dates: Vec::new(),
            keys: Vec::new(),
            unknown: Vec::new(),
            trimmed: Vec::new(),
        };
        for key in &self.ids {
            let (id, own) = match key.split_once(AT_SEPARATOR) {
                Some((id, at)) => (id, At::parse(at).map(Some)),
                None => (key.as_str(), Some(None)),
            };
            let found =
                own.and_then(|own| Some((entities.iter().position(|e| e.id() == id)?, own)));
            match found {
                Some((i, own)) if out.indices.len() < MAX_COMPARED => {
                    out.indices.push(i);
                    out.dates.push(own.or(self.at));
                    out.keys.push(key.clone());
                }
                Some(_) => out.trimmed.push(key.clone()),
                None => out.unknown.push(key.clone()),
            }
        }
        out
    }

    /// The same entity at `then` and at today, side by side: what a profile links to.
    pub fn then_and_now(id: &str, then: At) -> CompareState {
        CompareState {
            ids: vec![format!("{id}{AT_SEPARATOR}{then}"), id.to_owned()],
            ..CompareState::default()
        }
    }

    /// This state with `id` added at the end (a no-op if present).
    pub fn with(&self, id: &str) -> CompareState {
        let mut next = self.clone();
        if !next.ids.iter().any(|x| x == id) {
            next.ids.push(id.to_owned());
        }
        next
    }

    /// This state without `id`.
    pub fn without(&self, id: &str) -> CompareState {
        CompareState {
            ids: self.ids.iter().filter(|x| *x != id).cloned().collect(),
            ..self.clone()
        }
    }
}

/// The year a profile offers to compare its entity with today: the first whose 1 January had a
/// post in force (the Saarland, since August 2018: 2019), if before today's year.
pub fn then_year(s: &Summary, today: PartialDate) -> Option<At> {
    let first = s.periods().first()?.start()?.year;
    (first..today.year)
        .filter_map(At::year)
        .find(|at| matches!(time::state_at(s, at.date()), StateAt::In { .. }))
}

/// The reader's picks for a comparison, collected on the explorer, the map and profiles before
/// opening the compare view: like a basket, it outlives page changes and reloads (the app keeps
/// it in `sessionStorage`), while the comparison itself is shared through its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picks {
    ids: Vec<String>,
}

/// Why a pick was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PicksFull;

impl Picks {
    /// Reads a stored list (comma-separated ids); junk is dropped, never an error.
    pub fn parse(stored: &str) -> Picks {
        let (state, _) = CompareState::from_query(|k| (k == "ids").then(|| stored.to_owned()));
        Picks {
            ids: state.ids.into_iter().take(MAX_COMPARED).collect(),
        }
    }

    /// The form [`Picks::parse`] reads.
    pub fn serialize(&self) -> String {
        self.ids.join(",")
    }

    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }

    pub fn is_full(&self) -> bool {
        self.ids.len() >= MAX_COMPARED
    }

    /// Adds `id` if absent, removes it if present; refuses a fifth.
    pub fn toggle(&mut self, id: &str) -> Result<(), PicksFull> {
        if let Some(pos) = self.ids.iter().position(|x| x == id) {
            self.ids.remove(pos);
            Ok(())
        } else if self.is_full() {
            Err(PicksFull)
        } else {
            self.ids.push(id.to_owned());
            Ok(())
        }
    }

    /// Drops ids the dataset does not have (a basket from an older dataset).
    pub fn retain_known(&mut self, entities: &[impl Identified]) {
        self.ids.retain(|id| entities.iter().any(|e| e.id() == id));
    }

    /// The compare view of these picks.
    pub fn to_compare(&self) -> CompareState {
        CompareState {
            ids: self.ids.clone(),
            ..CompareState::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(ids: &str) -> CompareState {
        CompareState::from_query(|k| (k == "ids").then(|| ids.to_owned())).0
    }

    #[test]
    fn query_round_trip_and_dedupe() {
        let st = CompareState {
            ids: vec!["darmstadt".into(), "hamburg".into()],
            only_differences: true,
            at: crate::time::At::month(2019, 3),
        };
        let q = st.to_query();
        assert_eq!(
            q,
            vec![
                ("ids", "darmstadt,hamburg".to_owned()),
                ("diff", "1".to_owned()),
                ("at", "2019-03".to_owned())
            ]
        );
        let back =
            CompareState::from_query(|k| q.iter().find(|(x, _)| *x == k).map(|(_, v)| v.clone()));
        assert_eq!(back, (st, vec![]));
        assert_eq!(state("a,,a, b ,").ids, vec!["a", "b"]);
        assert!(CompareState::default().to_query().is_empty());
    }

    #[test]
    fn with_and_without() {
        let st = state("a,b");
        assert_eq!(st.with("c").ids, vec!["a", "b", "c"]);
        assert_eq!(st.with("a").ids, vec!["a", "b"]);
        assert_eq!(st.without("a").ids, vec!["b"]);
    }

    #[test]
    fn picks_toggle_and_refuse_a_fifth() {
        let mut p = Picks::default();
        for id in ["a", "b", "c", "d"] {
            assert_eq!(p.toggle(id), Ok(()));
        }
        assert!(p.is_full());
        assert_eq!(p.toggle("e"), Err(PicksFull));
        assert_eq!(p.ids(), ["a", "b", "c", "d"]);
        assert_eq!(p.toggle("b"), Ok(()));
        assert!(!p.contains("b"));
        assert_eq!(p.toggle("e"), Ok(()));
        assert_eq!(p.ids(), ["a", "c", "d", "e"]);
        assert_eq!(
            p.to_compare().to_query(),
            vec![("ids", "a,c,d,e".to_owned())]
        );
    }

    #[test]
    fn picks_storage_round_trip_and_junk() {
        let mut p = Picks::default();
        p.toggle("darmstadt").unwrap();
        p.toggle("hamburg").unwrap();
        assert_eq!(Picks::parse(&p.serialize()), p);
        assert_eq!(Picks::parse("").ids().len(), 0);
        assert_eq!(Picks::parse(",a,a,,b,c,d,e,f").ids(), ["a", "b", "c", "d"]);
    }
}
