//! Which entities the compare view shows: ids from the URL, resolved against the dataset, with
//! unknown ids reported and more than [`MAX_COMPARED`] trimmed — never a crash.

use crate::domain::Entity;

/// At most this many entities side by side.
pub const MAX_COMPARED: usize = 4;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareState {
    /// Requested ids in order, deduplicated.
    pub ids: Vec<String>,
    /// Show only the rows whose values differ.
    pub only_differences: bool,
}

/// The requested ids matched against the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Indices into the entity list, in request order, at most [`MAX_COMPARED`].
    pub indices: Vec<usize>,
    /// Requested ids the dataset does not have.
    pub unknown: Vec<String>,
    /// How many known ids were dropped beyond [`MAX_COMPARED`].
    pub trimmed: usize,
}

impl CompareState {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> CompareState {
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
        CompareState {
            ids,
            only_differences: get("diff").as_deref() == Some("1"),
        }
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.ids.is_empty() {
            q.push(("ids", self.ids.join(",")));
        }
        if self.only_differences {
            q.push(("diff", "1".to_owned()));
        }
        q
    }

    pub fn resolve(&self, entities: &[Entity]) -> Resolved {
        let mut indices = Vec::new();
        let mut unknown = Vec::new();
        let mut trimmed = 0;
        for id in &self.ids {
            match entities.iter().position(|e| &e.id == id) {
                Some(i) if indices.len() < MAX_COMPARED => indices.push(i),
                Some(_) => trimmed += 1,
                None => unknown.push(id.clone()),
            }
        }
        Resolved {
            indices,
            unknown,
            trimmed,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state(ids: &str) -> CompareState {
        CompareState::from_query(|k| (k == "ids").then(|| ids.to_owned()))
    }

    #[test]
    fn query_round_trip_and_dedupe() {
        let st = CompareState {
            ids: vec!["darmstadt".into(), "hamburg".into()],
            only_differences: true,
        };
        let q = st.to_query();
        assert_eq!(
            q,
            vec![
                ("ids", "darmstadt,hamburg".to_owned()),
                ("diff", "1".to_owned())
            ]
        );
        let back =
            CompareState::from_query(|k| q.iter().find(|(x, _)| *x == k).map(|(_, v)| v.clone()));
        assert_eq!(back, st);
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
}
