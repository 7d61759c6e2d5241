//! Explorer logic on a frozen 25-entry copy of the dataset: filters, facet counts, search, German
//! sort, URL state.

use cdo_model::explore::{
    entries_of, index, index_with, notes_of, Column, ExploreState, SizeClass,
};
use cdo_model::{parse_dataset, Form, Headline, Land, Origin, PartialDate, Summary};

/// The lists' view of the shipped dataset: its summaries, as the index holds them.
fn data() -> Vec<Summary> {
    // A frozen copy of the dataset as it stood with 25 entries (schema 2.0): the rules tested
    // here must not move when the editors add a city.
    let text = include_str!("data-25.json");
    parse_dataset(text, PartialDate::ymd(2026, 12, 4))
        .unwrap()
        .dataset
        .summaries()
        .entities
}

fn ids(state: &ExploreState) -> Vec<String> {
    let entities = data();
    let rows = index(&entities);
    state
        .apply(&entities, &rows)
        .into_iter()
        .map(|i| entities[i].id.clone())
        .collect()
}

#[test]
fn no_filter_shows_everything_sorted_by_name_with_german_collation() {
    let all = ids(&ExploreState::default());
    assert_eq!(all.len(), 25);
    let pos = |id: &str| all.iter().position(|x| x == id).unwrap();
    assert!(pos("duesseldorf") < pos("essen"), "Ü sorts as U");
    assert!(
        pos("kaiserslautern") < pos("koeln") && pos("koeln") < pos("leipzig"),
        "Ö sorts as O"
    );
    assert_eq!(all[0], "aachen");
}

#[test]
fn facets_combine_with_and_between_and_or_within() {
    let st = ExploreState {
        forms: vec![Form::CdoPost],
        laender: vec![Land::NW, Land::HE],
        ..Default::default()
    };
    assert_eq!(
        ids(&st),
        [
            "bochum",
            "bonn",
            "darmstadt",
            "duesseldorf",
            "essen",
            "paderborn"
        ]
    );
    let st = ExploreState {
        origins: vec![None],
        ..Default::default()
    };
    assert!(ids(&st).contains(&"heidelberg".to_owned()));
}

#[test]
fn size_classes_and_year_range() {
    let st = ExploreState {
        sizes: vec![SizeClass::Over500k],
        ..Default::default()
    };
    assert_eq!(
        ids(&st),
        [
            "dortmund",
            "duesseldorf",
            "frankfurt",
            "hamburg",
            "koeln",
            "leipzig",
            "muenchen"
        ]
    );
    let st = ExploreState {
        sizes: vec![SizeClass::LandLevel],
        ..Default::default()
    };
    assert_eq!(ids(&st).len(), 5);
    let st = ExploreState {
        from_year: Some(2020),
        to_year: Some(2021),
        ..Default::default()
    };
    assert_eq!(ids(&st), ["bochum", "frankfurt"]);
}

#[test]
fn search_covers_name_office_holders_and_context_umlaut_insensitively() {
    let st = ExploreState {
        query: "Duesseldorf".into(),
        ..Default::default()
    };
    assert_eq!(ids(&st), ["duesseldorf"]);
    let st = ExploreState {
        query: "essen".into(),
        ..Default::default()
    };
    assert_eq!(
        ids(&st),
        ["essen", "hessen"],
        "substring search in the index alone: names, offices and holders"
    );
    // With the dataset's context notes: Düsseldorf's mentions Essen, Darmstadt's names Hessen.
    let text = include_str!("data-25.json");
    let full = parse_dataset(text, PartialDate::ymd(2026, 12, 4))
        .unwrap()
        .dataset;
    let entities = data();
    let rows = index_with(&entities, &notes_of(&entities, &full.entities));
    let found: Vec<&str> = st
        .apply(&entities, &rows)
        .into_iter()
        .map(|i| entities[i].id.as_str())
        .collect();
    assert_eq!(found, ["darmstadt", "duesseldorf", "essen", "hessen"]);
    let st = ExploreState {
        query: "waidner".into(),
        ..Default::default()
    };
    assert_eq!(ids(&st), ["darmstadt"]);
    let st = ExploreState {
        query: "Digital-Agentur".into(),
        ..Default::default()
    };
    assert_eq!(ids(&st), ["heidelberg"]);
}

#[test]
fn sorting_is_stable_and_unknowns_go_last_in_both_directions() {
    let st = ExploreState {
        sort: Column::Population,
        descending: true,
        ..Default::default()
    };
    let all = ids(&st);
    assert_eq!(&all[..3], ["berlin", "hamburg", "muenchen"]);
    assert_eq!(
        all.last().map(String::as_str),
        Some("schleswig-holstein"),
        "no population: last, then by name"
    );
    let st = ExploreState {
        sort: Column::Population,
        ..Default::default()
    };
    let all = ids(&st);
    assert_eq!(all[0], "ludwigsburg", "smallest first");
    assert_eq!(all.last().map(String::as_str), Some("schleswig-holstein"));
}

#[test]
fn facet_counts_leave_their_own_facet_out() {
    let entities = data();
    let rows = index(&entities);
    let st = ExploreState {
        forms: vec![Form::Department],
        ..Default::default()
    };
    let counts = st.counts(&entities, &rows);
    let form = |f: Form| counts.form[Form::ALL.iter().position(|x| *x == f).unwrap()];
    let land = |l: Land| counts.land[Land::ALL.iter().position(|x| *x == l).unwrap()];
    // Counting forms ignores the form restriction itself …
    assert_eq!(form(Form::CdoPost), 9);
    assert_eq!(form(Form::Department), 6);
    // … but other facets respect it.
    assert_eq!(land(Land::NW), 1, "Köln");
    assert_eq!(
        counts.land.iter().sum::<usize>(),
        6,
        "only the departments are counted by Land"
    );
    // With no restriction every facet sums to the whole dataset.
    let all = ExploreState::default().counts(&entities, &rows);
    for facet in [&all.headline, &all.origin, &all.form, &all.land, &all.size] {
        assert_eq!(facet.iter().sum::<usize>(), 25);
    }
}

#[test]
fn url_state_round_trips_and_garbage_is_named() {
    let st = ExploreState {
        query: "digital stadt".into(),
        headlines: vec![Headline::CdoFromAcademia, Headline::HonoraryCdo],
        origins: vec![None, Some(Origin::Academia)],
        forms: vec![Form::Agency],
        laender: vec![Land::HE],
        sizes: vec![SizeClass::Under100k],
        from_year: Some(2017),
        to_year: Some(2019),
        sort: Column::Population,
        descending: true,
        page: 2,
        at: cdo_model::time::At::month(2019, 3),
    };
    let q = st.to_query();
    assert!(
        q.contains(&("page", "3".to_owned())),
        "one-based in the URL"
    );
    let (back, bad) =
        ExploreState::from_query(|k| q.iter().find(|(x, _)| *x == k).map(|(_, v)| v.clone()));
    assert_eq!((back, bad), (st, vec![]));
    assert!(ExploreState::default().to_query().is_empty());
    // A blank search is none, read and written alike (`make fuzz` found `q=%20` changing).
    let (blank, bad) = ExploreState::from_query(|k| (k == "q").then(|| "  ".to_owned()));
    assert_eq!((blank, bad), (ExploreState::default(), vec![]));

    let garbage = [
        ("model", "x"),
        ("land", "DE-XX,DE-HE"),
        ("from", "1e3"),
        ("sort", "colour"),
        ("size", "huge"),
        ("page", "0"),
        ("at", "2019-13"),
    ];
    let (st, bad) = ExploreState::from_query(|k| {
        garbage
            .iter()
            .find(|(x, _)| *x == k)
            .map(|(_, v)| v.to_string())
    });
    assert_eq!(st.laender, vec![Land::HE]);
    assert_eq!(st.sort, Column::Name);
    assert_eq!(
        bad,
        vec!["model", "land", "size", "from", "sort", "page", "at"]
    );
    assert_eq!(st.page, 0);
    assert_eq!(st.at, None, "garbage: today");
}

#[test]
fn pages_clamp_and_any_other_change_starts_at_the_first_page() {
    use cdo_model::explore::{PageOf, PAGE_SIZE};
    let on = |page| ExploreState {
        page,
        ..Default::default()
    };
    assert_eq!(
        on(0).page_of(0),
        PageOf {
            range: 0..0,
            index: 0,
            count: 1
        }
    );
    assert_eq!(on(0).page_of(PAGE_SIZE).count, 1);
    assert_eq!(on(1).page_of(PAGE_SIZE + 1).range, PAGE_SIZE..PAGE_SIZE + 1);
    // Beyond the end: the last page, never an empty one.
    let last = on(99).page_of(3 * PAGE_SIZE - 2);
    assert_eq!((last.index, last.count), (2, 3));
    assert_eq!(last.range, 2 * PAGE_SIZE..3 * PAGE_SIZE - 2);

    let here = ExploreState {
        query: "stadt".into(),
        page: 4,
        ..Default::default()
    };
    assert_eq!(
        here.then(ExploreState {
            page: 5,
            ..here.clone()
        })
        .page,
        5
    );
    let narrower = here.then(ExploreState {
        query: "stadt d".into(),
        ..here.clone()
    });
    assert_eq!((narrower.page, narrower.query.as_str()), (0, "stadt d"));
    let resorted = here.then(ExploreState {
        descending: true,
        ..here.clone()
    });
    assert_eq!(resorted.page, 0);
}

#[test]
fn compare_ids_resolve_with_unknowns_named_and_extras_trimmed() {
    use cdo_model::compare::CompareState;
    let entities = data();
    let (st, _) = CompareState::from_query(|k| {
        (k == "ids").then(|| "darmstadt,atlantis,hamburg,koeln,bonn,essen,berlin".to_owned())
    });
    let r = st.resolve(&entities);
    let ids: Vec<&str> = r.indices.iter().map(|&i| entities[i].id.as_str()).collect();
    assert_eq!(ids, ["darmstadt", "hamburg", "koeln", "bonn"]);
    assert_eq!(r.unknown, vec!["atlantis".to_owned()]);
    assert_eq!(
        r.trimmed,
        ["essen", "berlin"],
        "the known ids beyond four, in order"
    );
}

#[test]
fn name_order_is_the_explorers_default_order() {
    // Overview, map list, compare and the profile's neighbours use `name_order`; the explorer
    // sorts by its own column logic. Both must agree on the default: by name, Ö as O.
    let entities = data();
    let listed: Vec<String> = cdo_model::search::name_order(&entities)
        .into_iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(listed, ids(&ExploreState::default()));

    // Byte order would put Ü after Z.
    let named = |name: &str| {
        let mut s = entities[0].clone();
        s.name = name.to_owned();
        s
    };
    let some = [named("Zwickau"), named("Überlingen"), named("Ulm")];
    let names: Vec<&str> = cdo_model::search::name_order(&some)
        .into_iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Überlingen", "Ulm", "Zwickau"]);
}

#[test]
fn sort_short_sorts_like_slice_sort() {
    // Every permutation of five distinct values, and lists with repeats.
    let mut cases: Vec<Vec<u8>> = vec![vec![], vec![1], vec![2, 2, 1], vec![3, 1, 3, 1, 2]];
    for n in 0..120u32 {
        let mut pool = vec![1u8, 2, 3, 4, 5];
        let mut perm = Vec::new();
        let mut k = n;
        for size in (1..=5u32).rev() {
            perm.push(pool.remove((k % size) as usize));
            k /= size;
        }
        cases.push(perm);
    }
    for case in cases {
        let mut expected = case.clone();
        expected.sort();
        let mut got = case.clone();
        cdo_model::sort_short(&mut got);
        assert_eq!(got, expected, "{case:?}");
    }
}

#[test]
fn active_filters_counts_choices_not_search_sort_or_page() {
    assert_eq!(ExploreState::default().active_filters(), 0);
    let searched = ExploreState {
        query: "köln".into(),
        sort: Column::Land,
        descending: true,
        page: 3,
        ..Default::default()
    };
    assert_eq!(searched.active_filters(), 0);
    let filtered = ExploreState {
        headlines: vec![Headline::Department, Headline::StaffUnit],
        origins: vec![None],
        forms: vec![Form::Agency],
        laender: vec![Land::HE],
        sizes: vec![SizeClass::Over500k],
        from_year: Some(2017),
        to_year: None,
        ..Default::default()
    };
    assert_eq!(filtered.active_filters(), 7);
}

#[test]
fn sorting_by_last_confirmed_puts_the_newest_evidence_first_and_undated_last() {
    let entities = data();
    let rows = index(&entities);
    for descending in [true, false] {
        let st = ExploreState {
            sort: Column::Confirmed,
            descending,
            ..Default::default()
        };
        let order: Vec<_> = st
            .apply(&entities, &rows)
            .into_iter()
            .map(|i| entities[i].confirmed)
            .collect();
        let dated: Vec<_> = order.iter().map_while(|d| *d).collect();
        assert!(dated.len() > 10, "most entries are dated");
        assert!(
            order[dated.len()..].iter().all(Option::is_none),
            "undated last"
        );
        let key = |d: &PartialDate| (d.year, d.month, d.day);
        assert!(
            dated.windows(2).all(|w| if descending {
                key(&w[0]) >= key(&w[1])
            } else {
                key(&w[0]) <= key(&w[1])
            }),
            "{descending}: {dated:?}"
        );
    }
    assert_eq!(Column::from_wire("confirmed"), Some(Column::Confirmed));
}

#[test]
fn choosing_a_column_sorts_ascending_and_choosing_it_again_reverses() {
    let st = ExploreState {
        query: "stadt".into(),
        page: 2,
        ..Default::default()
    };
    let by_population = st.sorted_by(Column::Population);
    assert_eq!(
        (by_population.sort, by_population.descending),
        (Column::Population, false)
    );
    assert_eq!(by_population.query, "stadt", "the rest of the view stays");
    let reversed = by_population.sorted_by(Column::Population);
    assert!(reversed.descending);
    assert!(!reversed.sorted_by(Column::Population).descending);
    let other = reversed.sorted_by(Column::Name);
    assert_eq!((other.sort, other.descending), (Column::Name, false));
}

#[test]
fn every_column_is_in_exactly_one_header_group() {
    for c in Column::ALL {
        let n = Column::GROUPS.iter().filter(|g| g.contains(&c)).count();
        assert_eq!(n, 1, "{c:?}");
    }
    assert_eq!(
        Column::GROUPS.iter().map(|g| g.len()).sum::<usize>(),
        Column::ALL.len()
    );
}

#[test]
fn a_download_holds_the_dataset_entries_of_the_hits_in_order_found_by_id_if_moved() {
    let text = include_str!("data-25.json");
    let dataset = parse_dataset(text, PartialDate::ymd(2026, 12, 4))
        .unwrap()
        .dataset;
    let summaries = dataset.summaries().entities;
    let all = &dataset.entities;
    let picked = entries_of(&[3, 0, 7], &summaries, all);
    let ids: Vec<_> = picked.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [&*summaries[3].id, &*summaries[0].id, &*summaries[7].id]
    );
    // A dataset from another version: the entries moved, one is gone.
    let mut moved: Vec<_> = all.iter().rev().cloned().collect();
    moved.retain(|e| e.id != summaries[0].id);
    let picked = entries_of(&[3, 0, 7], &summaries, &moved);
    let ids: Vec<_> = picked.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [&*summaries[3].id, &*summaries[7].id]);
}

#[test]
fn a_model_in_force_with_old_or_no_evidence_may_be_stale_an_ended_one_not() {
    let all = data();
    let stale: Vec<_> = all.iter().filter(|s| s.may_be_stale()).collect();
    assert!(!stale.is_empty());
    for s in &all {
        let old = s
            .confirmed
            .is_none_or(|d| d.year < cdo_model::STALE_BEFORE_YEAR);
        assert_eq!(s.may_be_stale(), old && s.ended.is_none(), "{}", s.id);
    }
}
