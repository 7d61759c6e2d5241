//! Issue #23, the atlas at a date: what the lists show for an entity on a date (from the
//! index's periods) is what the dataset says (`Entity::model_at`), for every entity and year of
//! the committed data; the issue's checks; the counts per year add up.

use cdo_model::time::{self, At, Event, Span, StateAt};
use cdo_model::{
    parse_dataset, parse_index, Dataset, Entity, Form, Headline, ModelAt, Origin, PartialDate,
    PeriodSummary, Summary,
};

/// The dataset's Stand.
const TODAY: PartialDate = PartialDate::ymd(2026, 12, 5);

fn dataset() -> Dataset {
    let text = include_str!("../../../public/data/cdo-atlas.json");
    let loaded = parse_dataset(text, TODAY).unwrap();
    assert_eq!(loaded.rejected, vec![]);
    loaded.dataset
}

/// The committed index, as the lists read it.
fn index() -> Vec<Summary> {
    let text = include_str!("../../../public/data/cdo-atlas.index.json");
    let loaded = parse_index(text, TODAY).unwrap();
    assert_eq!(loaded.rejected, vec![]);
    loaded.dataset.entities
}

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

fn summary<'a>(list: &'a [Summary], id: &str) -> &'a Summary {
    list.iter().find(|s| s.id == id).unwrap()
}

/// The dates every check walks: each year 2010..=2026, and some months and days.
fn dates() -> Vec<PartialDate> {
    let mut out: Vec<PartialDate> = (2010..=2026).map(|y| At::year(y).unwrap().date()).collect();
    for y in 2016..=2026 {
        for m in [3, 4, 6, 7, 9, 11, 12] {
            out.push(At::month(y, m).unwrap().date());
        }
    }
    out.extend(
        [
            "2017-05-01",
            "2018-08-01",
            "2022-03-31",
            "2022-04-01",
            "2025-07-22",
        ]
        .map(date),
    );
    out.push(TODAY);
    out
}

/// Whether the lists' state is the dataset's answer for `e`.
fn agrees(state: StateAt, model: ModelAt) -> bool {
    match (state, model) {
        (StateAt::NoPost, ModelAt::NotYet) => true,
        (StateAt::In { period, .. }, ModelAt::In(p)) => *period == PeriodSummary::of(p),
        (StateAt::Abolished(period), ModelAt::Ended(p)) => *period == PeriodSummary::of(p),
        _ => false,
    }
}

/// The period of a state and whether it had ended, without the holder.
fn period(state: StateAt<'_>) -> Option<(&PeriodSummary, bool)> {
    match state {
        StateAt::NoPost => None,
        StateAt::In { period, .. } => Some((period, false)),
        StateAt::Abolished(period) => Some((period, true)),
    }
}

#[test]
fn the_lists_answer_as_the_dataset_for_every_entity_and_date() {
    let data = dataset();
    let list = index();
    assert_eq!(list.len(), data.entities.len());
    let mut seen = [0; 3];
    for d in dates() {
        let states = time::states_at(&list, d);
        for (e, state) in data.entities.iter().zip(states) {
            assert_eq!(summary(&list, &e.id).id, e.id);
            let model = e.model_at(d);
            assert!(
                agrees(state, model),
                "{} on {d}: {state:?} / {model:?}",
                e.id
            );
            seen[match state {
                StateAt::NoPost => 0,
                StateAt::In { .. } => 1,
                StateAt::Abolished(_) => 2,
            }] += 1;
        }
    }
    assert!(
        seen.iter().all(|&n| n > 0),
        "every kind of state occurs: {seen:?}"
    );
}

#[test]
fn today_the_lists_show_the_current_model_and_holder() {
    for s in index() {
        match time::state_at(&s, TODAY) {
            StateAt::In { period, holder } => {
                assert_eq!(&period.post, s.model(), "{}", s.id);
                assert_eq!(holder.map(|h| &*h.name), s.holder.as_deref(), "{}", s.id);
                assert_eq!(s.ended, None, "{}", s.id);
            }
            StateAt::Abolished(period) => {
                assert_eq!(&period.post, s.model(), "{}", s.id);
                assert!(s.ended.is_some(), "{}", s.id);
            }
            StateAt::NoPost => panic!("{} has a period by today", s.id),
        }
    }
}

/// Issue #23: "The Saarland at 2019 shows a private-sector CDO and today does not." The data: one
/// period, "Bevollmächtigter für Innovation und Strategie (CDO)", origin private sector, form
/// state government (so its headline is the government's, not "CDO aus der Privatwirtschaft"),
/// from 1 August 2018 until 2022, and no successor: abolished today.
#[test]
fn issue_23_saarland_at_2019_has_a_private_sector_cdo_and_today_does_not() {
    let list = index();
    let saarland = summary(&list, "saarland");
    let at = At::parse("2019").unwrap();
    let StateAt::In { period, holder } = time::state_at(saarland, at.date()) else {
        panic!("in force in 2019");
    };
    assert_eq!(period.post.origin, Some(Origin::PrivateSector));
    assert!(period.post.title.contains("(CDO)"), "{}", period.post.title);
    assert_eq!(period.post.form, Form::StateGovernment);
    assert_eq!(holder.map(|h| &*h.name), Some("Ammar Alkassar"));
    let today = time::state_at(saarland, TODAY);
    assert!(matches!(today, StateAt::Abolished(_)), "{today:?}");
    assert_eq!(today.headline(), None, "no model today");
    // Before its start there was none; "until 2022" lasts through 2022.
    assert_eq!(time::state_at(saarland, date("2018-07")), StateAt::NoPost);
    assert!(matches!(
        time::state_at(saarland, date("2022-12")),
        StateAt::In { .. }
    ));
    assert!(matches!(
        time::state_at(saarland, date("2023")),
        StateAt::Abolished(_)
    ));
}

/// Issue #23: "Düsseldorf at 2018 shows an internal CDO." The data: a CDO post, internal, since
/// 2017; Peter Adelskamp from 1 May 2017 to about January 2019, vacant since.
#[test]
fn issue_23_duesseldorf_at_2018_has_an_internal_cdo() {
    let list = index();
    let d = summary(&list, "duesseldorf");
    let state = time::state_at(d, At::parse("2018").unwrap().date());
    assert_eq!(state.headline(), Some(Headline::CdoInternal));
    let StateAt::In { holder, .. } = state else {
        panic!("in force")
    };
    assert_eq!(holder.map(|h| &*h.name), Some("Peter Adelskamp"));
    // "~2019-01" lasts through January 2019; then the post is vacant, not abolished.
    let later = time::state_at(d, date("2019-02"));
    assert_eq!(later.headline(), Some(Headline::CdoInternal));
    assert!(
        matches!(later, StateAt::In { holder: None, .. }),
        "{later:?}"
    );
    assert_eq!(time::state_at(d, date("2016")), StateAt::NoPost);
}

/// An undated period after a dated end follows it: Kaiserslautern's honorary CDOs until 31
/// March 2022, then the CDO of KL.digital GmbH (whose start no source gives).
#[test]
fn an_undated_period_begins_when_the_one_before_ended() {
    let list = index();
    let kl = summary(&list, "kaiserslautern");
    let headline = |d: &str| time::state_at(kl, date(d)).headline();
    assert_eq!(headline("2016"), None);
    assert_eq!(headline("2018"), Some(Headline::HonoraryCdo));
    assert_eq!(headline("2022-03-31"), Some(Headline::HonoraryCdo));
    assert_eq!(headline("2022-04"), Some(Headline::CdoOriginUnknown));
    // The change, dated by the end the data gives, with that end's sources.
    let changes = time::changes_before(&list, At::parse("2023").unwrap());
    let kl_at = list.iter().position(|s| s.id == "kaiserslautern").unwrap();
    let change = changes.iter().find(|c| c.entity == kl_at).unwrap();
    assert_eq!(change.date, date("2022-03-31"));
    assert_eq!(change.event, Event::Began(1));
    assert!(change.model_changed());
}

#[test]
fn the_counts_per_year_add_up_to_the_entities_and_to_those_with_a_post() {
    let data = dataset();
    let list = index();
    let span = Span::of(&list, TODAY);
    assert_eq!(span.first, time::first_year(&list).unwrap());
    assert!(span.first <= 2017, "the series' first posts date from 2017");
    let years = time::counts_by_year(&list, span.years());
    assert_eq!(years.len(), usize::from(TODAY.year - span.first) + 1);
    for (year, counts) in &years {
        let at = At::year(*year).unwrap().date();
        assert_eq!(counts.total(), list.len(), "{year}");
        let with_post = data
            .entities
            .iter()
            .filter(|e| matches!(e.model_at(at), ModelAt::In(_)))
            .count();
        assert_eq!(counts.with_post(), with_post, "{year}");
        let abolished = data
            .entities
            .iter()
            .filter(|e| matches!(e.model_at(at), ModelAt::Ended(_)))
            .count();
        assert_eq!(counts.abolished, abolished, "{year}");
        for h in Headline::ALL {
            let n = data
                .entities
                .iter()
                .filter(|e| matches!(e.model_at(at), ModelAt::In(p) if p.post.headline() == h))
                .count();
            assert_eq!(counts.of(h), n, "{year} {h:?}");
        }
    }
    // The Saarland's post counts as abolished from 2023 on.
    let of = |y: u16| years.iter().find(|(year, _)| *year == y).unwrap().1.clone();
    assert!(of(2023).abolished >= 1 && of(2023).abolished > of(2022).abolished);
}

#[test]
fn the_changes_of_a_year_name_entity_from_to_date_and_sources() {
    let data = dataset();
    let list = index();
    let at = At::parse("2023").unwrap();
    let changes = time::changes_before(&list, at);
    let saarland = list.iter().position(|s| s.id == "saarland").unwrap();
    let change = changes.iter().find(|c| c.entity == saarland).unwrap();
    assert_eq!(change.date, date("2022"));
    assert_eq!(change.event, Event::Ended(0));
    assert!(matches!(change.from, StateAt::In { .. }));
    assert!(matches!(change.to, StateAt::Abolished(_)));
    assert!(change.model_changed());
    let entity: &Entity = data.entity("saarland").unwrap();
    let sources: Vec<&str> = change
        .sources(entity)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(sources, ["s75"], "the source of the end");
    // Each change took effect in the year before `at`, and is a change of the period in force
    // (its `to` names the holder of the day it took effect, who may have come later).
    for c in &changes {
        let s = &list[c.entity];
        assert_ne!(period(c.from), period(c.to), "{}", s.id);
        let last = changes.iter().rfind(|x| x.entity == c.entity).unwrap();
        assert_eq!(
            period(time::state_at(s, at.date())),
            period(last.to),
            "{}",
            s.id
        );
        let first = changes.iter().find(|x| x.entity == c.entity).unwrap();
        let before = time::state_at(s, at.year_before());
        assert_eq!(period(before), period(first.from), "{}", s.id);
    }
    // An entity whose period differs between the two dates has a change in the list.
    for (k, s) in list.iter().enumerate() {
        if period(time::state_at(s, at.year_before())) != period(time::state_at(s, at.date())) {
            assert!(changes.iter().any(|c| c.entity == k), "{}", s.id);
        }
    }
    // Oldest first.
    assert!(changes.windows(2).all(|w| w[0].effective <= w[1].effective));
    assert!(changes.iter().all(
        |c| at.year_before().first_day() < c.effective && c.effective <= at.date().first_day()
    ));
}

#[test]
fn then_and_now_for_every_interview_and_a_history() {
    let data = dataset();
    // No interview of the series has a date yet (the sheet infers them; the data keeps null).
    let dated = data
        .entities
        .iter()
        .filter(|e| e.interview.as_ref().is_some_and(|i| i.date.is_some()))
        .count();
    assert_eq!(dated, 0);
    let kl = data.entity("kaiserslautern").unwrap();
    let t = time::then_and_now(kl, date("2018"), TODAY);
    assert_eq!(t.then, ModelAt::In(&kl.periods[0]));
    assert_eq!(t.now, ModelAt::In(&kl.periods[1]));
    assert_eq!(t.between.len(), 1);
    let step = &t.between[0];
    assert_eq!(step.date, date("2022-03-31"));
    assert_eq!((step.from, step.to), (t.then, t.now));
    let until = kl.periods[0].until.as_ref().unwrap();
    assert!(!step.sources.is_empty());
    // A start's sources: the period's own (its start is the end before it, whose sources they
    // are not); they name the post.
    assert!(step
        .sources
        .iter()
        .all(|s| kl.periods[1].sources.contains(&s.id) || until.sources.contains(&s.id)));
    // Nothing changed: nothing between.
    let d = data.entity("darmstadt").unwrap();
    let t = time::then_and_now(d, date("2018"), TODAY);
    assert_eq!((t.then, t.between.len()), (t.now, 0));
}

#[test]
fn a_date_in_the_address_is_kept_within_the_data() {
    let list = index();
    let span = Span::of(&list, TODAY);
    let mut bad = Vec::new();
    let admit = |s: &str, bad: &mut Vec<&'static str>| span.admit(At::parse(s), bad);
    assert_eq!(admit("2019", &mut bad), At::year(2019));
    assert_eq!(admit("2026-12", &mut bad), At::month(2026, 12));
    assert_eq!(bad, Vec::<&str>::new());
    assert_eq!(admit("2027", &mut bad), None, "the future: today");
    assert_eq!(admit("1999", &mut bad), None, "before the data");
    assert_eq!(bad, ["at"], "named once");
    assert_eq!(span.admit(None, &mut bad), None);
}

/// What the map and the explorer show at a date (`summaries_at`): the issue's checks.
#[test]
fn the_lists_at_a_date_show_the_state_then() {
    let list = index();
    let at = |y: u16| time::summaries_at(&list, At::year(y).unwrap().date());
    let saar_2019 = at(2019);
    let saar = summary(&saar_2019, "saarland");
    assert_eq!(saar.standing(), cdo_model::Standing::Active);
    // A CDO from the private sector, as the Land's plenipotentiary.
    assert_eq!(saar.model().origin, Some(Origin::PrivateSector));
    assert!(saar.model().title.contains("(CDO)"));
    assert_eq!(saar.holder.as_deref(), Some("Ammar Alkassar"));
    let now = time::summaries_at(&list, TODAY);
    let saar = summary(&now, "saarland");
    assert_eq!(saar.standing(), cdo_model::Standing::Abolished);
    assert_eq!(saar.holder, None);
    assert_eq!(saar.ended, Some(date("2022")));
    let dus_2018 = at(2018);
    let dus = summary(&dus_2018, "duesseldorf");
    assert_eq!(dus.model().headline(), Headline::CdoInternal);
    assert_eq!(dus.holder.as_deref(), Some("Peter Adelskamp"));
    // The map's categories at a date: with no post yet, its own; and the counts add up.
    let axis = cdo_model::map::Axis::Headline;
    for y in 2010..=2026 {
        let shown = at(y);
        let counts = time::counts_at(&list, At::year(y).unwrap().date());
        let cat = |c: usize| shown.iter().filter(|s| axis.category(s) == c).count();
        assert_eq!(cat(axis.no_post()), counts.no_post, "{y}");
        assert_eq!(cat(axis.abolished()), counts.abolished, "{y}");
        let models: usize = (0..axis.category_count()).map(cat).sum();
        assert_eq!(models, counts.with_post(), "{y}");
        assert_eq!(counts.total(), list.len(), "{y}");
    }
    assert!(at(2010).iter().any(|s| axis.category(s) == axis.no_post()));
    // Ringed on the map: whose model changed in the year before.
    let changed = time::changed_before(&list, At::year(2023));
    let i = list.iter().position(|s| s.id == "saarland").unwrap();
    assert!(changed[i], "the Saarland's post ended in 2022");
    assert!(time::changed_before(&list, None).iter().all(|c| !c));
}

/// `Entity::as_of`, what compare and the downloads show at a date: the entity as the data knew
/// it then, agreeing with `model_at`; no end that came later.
#[test]
fn an_entity_as_of_a_date_is_what_the_data_knew_then() {
    let data = dataset();
    for e in &data.entities {
        for d in dates() {
            let then = e.as_of(d);
            match (e.model_at(d), &then) {
                (ModelAt::NotYet, None) => {}
                (ModelAt::In(p), Some(t)) => {
                    assert_eq!(t.current().post, p.post, "{} {d}", e.id);
                    assert_eq!(t.current().until, None, "{} {d}", e.id);
                    assert_eq!(t.model_at(d), ModelAt::In(t.current()), "{} {d}", e.id);
                }
                (ModelAt::Ended(p), Some(t)) => {
                    assert_eq!(t.current().post, p.post, "{} {d}", e.id);
                    assert_eq!(t.ended(), p.until.as_ref().map(|u| u.date));
                }
                (m, t) => panic!("{} {d}: {m:?} but {:?}", e.id, t.is_some()),
            }
        }
    }
    // Düsseldorf in 2018: Adelskamp in office (his end, about January 2019, came later).
    let d = data
        .entity("duesseldorf")
        .unwrap()
        .as_of(date("2018"))
        .unwrap();
    assert_eq!(d.model().headline(), Headline::CdoInternal);
    assert_eq!(
        d.current_holder().map(|h| &*h.name),
        Some("Peter Adelskamp")
    );
    // Kaiserslautern in 2018: the honorary post only, not yet ended.
    let kl = data.entity("kaiserslautern").unwrap();
    let then = kl.as_of(date("2018")).unwrap();
    assert_eq!((then.periods.len(), then.ended()), (1, None));
    assert_eq!(kl.as_of(date("2016")), None, "no post yet");
    // The Saarland in 2019 and today.
    let s = data.entity("saarland").unwrap();
    assert_eq!(
        s.as_of(date("2019")).unwrap().model().origin,
        Some(Origin::PrivateSector)
    );
    assert!(s.as_of(TODAY).unwrap().ended().is_some(), "abolished");
}

/// Compare across time: `ids=saarland@2019,saarland` is the same entity in 2019 and at `at`
/// (today without it); a column's date that is not a year or a month names no entity.
#[test]
fn compare_the_same_entity_at_two_dates() {
    use cdo_model::compare::{then_year, CompareState};
    let list = index();
    let (st, bad) = CompareState::from_query(|k| match k {
        "ids" => Some("saarland@2019,saarland,saarland@gestern,bonn".to_owned()),
        "at" => Some("2020".to_owned()),
        _ => None,
    });
    assert!(bad.is_empty());
    let r = st.resolve(&list);
    assert_eq!(r.unknown, ["saarland@gestern"]);
    assert_eq!(r.dates, [At::year(2019), At::year(2020), At::year(2020)]);
    assert_eq!(r.keys, ["saarland@2019", "saarland", "bonn"]);
    assert_eq!(r.indices[0], r.indices[1]);
    // The profile's link: the first year a post was in force, beside today.
    let saarland = summary(&list, "saarland");
    let then = then_year(saarland, TODAY).unwrap();
    assert_eq!(then, At::year(2019).unwrap());
    let link = CompareState::then_and_now("saarland", then);
    assert_eq!(
        link.to_query(),
        [("ids", "saarland@2019,saarland".to_owned())]
    );
    let (back, _) = CompareState::from_query(|k| {
        link.to_query()
            .into_iter()
            .find(|(x, _)| *x == k)
            .map(|(_, v)| v)
    });
    assert_eq!(back, link, "round trip");
    assert_eq!(
        then_year(summary(&list, "duesseldorf"), TODAY),
        At::year(2017)
    );
}

/// The explorer at a date: the search rows are the same at every date; a sort by the office
/// orders by the titles then; a sort by name does not change with the date.
#[test]
fn the_explorer_sorts_by_what_each_entity_was_at_the_date() {
    use cdo_model::explore::{index as rows_of, Column, ExploreState};
    use cdo_model::search::fold;
    let list = index();
    let rows = rows_of(&list);
    let then = time::summaries_at(&list, At::year(2019).unwrap().date());
    let by_office = ExploreState {
        sort: Column::Office,
        ..ExploreState::default()
    };
    let order = by_office.order(&then, &rows);
    let titles: Vec<String> = order
        .iter()
        .map(|&i| fold(&then[i].model().title))
        .collect();
    assert!(titles.is_sorted(), "{titles:?}");
    // The Saarland's 2019 title is not today's: the order differs from today's.
    assert_ne!(order, by_office.order(&list, &rows));
    let by_name = ExploreState::default();
    assert_eq!(by_name.order(&then, &rows), by_name.order(&list, &rows));
    assert!(Column::Office.follows_date() && Column::Holder.follows_date());
    assert!(!Column::Name.follows_date() && !Column::Population.follows_date());
}

/// `Axis::category_at`: an entity's category from its state at a date is the category of the
/// entity as the list shows it then, on every axis, at every year.
#[test]
fn a_category_at_a_date_is_the_listed_entitys() {
    use cdo_model::map::Axis;
    let list = index();
    for y in 2010..=2026 {
        let date = At::year(y).unwrap().date();
        let shown = time::summaries_at(&list, date);
        for (s, then) in list.iter().zip(&shown) {
            let state = time::state_at(s, date);
            for axis in Axis::ALL {
                assert_eq!(
                    axis.category_at(&state),
                    axis.category(then),
                    "{} {y} {axis:?}",
                    s.id
                );
            }
        }
    }
}
