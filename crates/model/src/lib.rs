//! cdo-model: the pure domain of cdo-atlas.
//!
//! Untrusted JSON is validated at one boundary ([`validate::parse_dataset`], and
//! [`validate::parse_index`] for the dataset's index) into domain types
//! ([`domain`]); `raw` (feature `schema`) describes the file's shape for the JSON Schema. Nothing here knows about leptos, the DOM or the network; it is
//! tested with plain `cargo test`.

pub mod charts;
pub mod check;
pub mod compare;
pub mod csv;
pub mod date;
pub mod domain;
pub mod explore;
pub mod geo;
pub mod index;
pub mod json_out;
pub mod map;
pub mod num;
pub mod params;
pub mod published;
#[cfg(feature = "schema")]
pub mod raw;
pub mod report;
pub mod search;
pub mod time;
pub mod validate;

pub use date::{Day, PartialDate, Precision};
pub use domain::*;
pub use validate::{
    parse_changelog, parse_dataset, parse_index, DatasetError, Issue, JsonType, Loaded, Problem,
    Rejection,
};

/// Sorts `order` (indices into some list) by `cmp`, stable. Every sort whose length the data
/// decides goes through this one function, on indices with a comparator behind a reference:
/// each distinct `slice::sort` instantiation (element type × comparator) costs ~4 KB of wasm.
pub fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// `list` in the order of `cmp`, stable: [`sort_indices`] on its positions, then the elements
/// moved into that order (generic only in the moving, which is small).
pub fn sorted_by<T>(list: Vec<T>, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&list[a], &list[b]));
    let mut slots: Vec<Option<T>> = list.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Sorts a short list by insertion: for lists that hold each value of a small set at most once
/// (the explorer's filters, the map's hidden legend entries). `slice::sort` costs ~4 KB of wasm
/// for every element type it is used with; this costs a few dozen bytes. Quadratic: never for
/// a list whose length the data or the URL decides.
pub fn sort_short<T: Ord>(list: &mut [T]) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1] > list[j] {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// `list` (short, sorted) with `value` taken out if it is in, put in its place if not: a
/// checkbox of the explorer's filters or an entry of the map's legend.
pub fn toggled<T: PartialEq + Ord + Clone>(list: &[T], value: &T) -> Vec<T> {
    let mut out: Vec<T> = list.iter().filter(|v| *v != value).cloned().collect();
    if out.len() == list.len() {
        out.push(value.clone());
        sort_short(&mut out);
    }
    out
}

/// The JSON Schema of the dataset file, generated from [`raw::RawDataset`].
#[cfg(feature = "schema")]
pub fn dataset_schema() -> String {
    let schema = schemars::schema_for!(raw::RawDataset);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_indices_is_stable_and_sort_short_sorts() {
        let keys = [3, 1, 2, 1, 3, 0];
        let mut order: Vec<usize> = (0..keys.len()).collect();
        sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [5, 1, 3, 2, 0, 4], "equal keys keep their order");
        sort_indices(&mut order, &|a, b| keys[b].cmp(&keys[a]));
        assert_eq!(order, [0, 4, 2, 1, 3, 5], "descending, still stable");
        let mut empty: Vec<usize> = Vec::new();
        sort_indices(&mut empty, &|_, _| unreachable!("nothing to compare"));
        let pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
        assert_eq!(
            sorted_by(pairs, &|x, y| x.0.cmp(&y.0)),
            [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')],
            "sorted_by moves the elements, stable"
        );
        let mut short = [4, 2, 9, 2, 0];
        sort_short(&mut short);
        assert_eq!(short, [0, 2, 2, 4, 9]);
    }
}
