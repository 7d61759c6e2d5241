//! The atlas at a date (issue #23): which model, title and holder each entity had on a day,
//! what changed when, and how many entities had each model year by year.
//!
//! The lists (map, explorer, overview) work from the index's brief periods
//! ([`Summary::periods`]); the series reads the dataset ([`then_and_now`]). Both follow the rule
//! of [`Entity::model_at`], which the tests hold them to for every entity and year: the latest
//! period (in the data's order) that had begun by then, unless it had ended. A start known only
//! as "2018" counts from 1 January 2018, an end known only as "2022" lasts through 31 December
//! 2022, a period nothing dates counts from the beginning, and a date asked for as a year or a
//! month means its first day (docs/DATA.md, "Dates and precision").
//!
//! Every date of an entity's periods is turned into a [`Day`] once, when the entity is read
//! ([`Periods`]), and a state is looked up by a walk over its few periods from the newest:
//! [`states_at`] for 10,000 entities is one linear pass that allocates only its result.

use std::fmt;
use std::ops::RangeInclusive;

use crate::date::Day;
use crate::domain::{
    Entity, Headline, HolderSummary, ModelAt, PeriodSummary, Source, Standing, Summary,
};
use crate::PartialDate;

/// The parameter that names the date a view shows (`at=2019`, `at=2019-03`).
pub const PARAM: &str = "at";

/// The date a view shows the atlas at: a year or a month, as the address gives it. Absent
/// means today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    year: u16,
    month: Option<u8>,
}

impl At {
    /// The earliest and latest year an address may name before the data is known (the data
    /// then narrows it, [`Span::admit`]).
    pub const YEARS: RangeInclusive<u16> = 1900..=2100;

    /// A year, if it is within [`At::YEARS`].
    pub fn year(year: u16) -> Option<At> {
        At::YEARS
            .contains(&year)
            .then_some(At { year, month: None })
    }

    /// A month of a year, if both are real.
    pub fn month(year: u16, month: u8) -> Option<At> {
        At::year(year)?;
        (1..=12).contains(&month).then_some(At {
            year,
            month: Some(month),
        })
    }

    /// Reads `YYYY` or `YYYY-MM` exactly (no day, no `~`, no spaces).
    pub fn parse(s: &str) -> Option<At> {
        let d = PartialDate::parse(s).ok()?;
        match (d.month, d.day, d.approx) {
            (None, None, false) => At::year(d.year),
            (Some(m), None, false) => At::month(d.year, m),
            _ => None,
        }
    }

    /// The day it stands for: its first.
    pub fn date(self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: self.month,
            day: None,
            approx: false,
        }
    }

    pub fn year_of(self) -> u16 {
        self.year
    }

    /// The same day a year earlier: where "the year before" begins.
    pub fn year_before(self) -> PartialDate {
        PartialDate {
            year: self.year - 1,
            ..self.date()
        }
    }
}

/// As the address writes it: `2019`, `2019-03`.
impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.date(), f)
    }
}

/// Reads [`PARAM`] from a query: absent is `None` (today); a value that is not a year or a month
/// is `None` too, and named in `bad`, as every page names the values it could not read.
pub fn from_query(
    get: &impl Fn(&str) -> Option<String>,
    bad: &mut Vec<&'static str>,
) -> Option<At> {
    let value = get(PARAM)?;
    let at = At::parse(&value);
    if at.is_none() && !bad.contains(&PARAM) {
        bad.push(PARAM);
    }
    at
}

/// Adds [`PARAM`] to query pairs, if a date is set.
pub fn to_query(at: Option<At>, q: &mut Vec<(&'static str, String)>) {
    if let Some(at) = at {
        q.push((PARAM, at.to_string()));
    }
}

/// The dates the views can show: from the first year the data dates a period to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub first: u16,
    pub today: PartialDate,
}

impl Span {
    /// The span of `list`; with no dated period at all, only today's year.
    pub fn of(list: &[Summary], today: PartialDate) -> Span {
        Span {
            first: first_year(list).unwrap_or(today.year).min(today.year),
            today,
        }
    }

    pub fn contains(&self, at: At) -> bool {
        at.year >= self.first && !at.date().is_after(&self.today)
    }

    /// `at` as read from an address, checked against the data: a date before the first year or
    /// after today is dropped (today is shown) and named in `bad`, like an unreadable value.
    pub fn admit(&self, at: Option<At>, bad: &mut Vec<&'static str>) -> Option<At> {
        let at = at?;
        if self.contains(at) {
            return Some(at);
        }
        if !bad.contains(&PARAM) {
            bad.push(PARAM);
        }
        None
    }

    /// The years a year step walks through, oldest first.
    pub fn years(&self) -> RangeInclusive<u16> {
        self.first..=self.today.year
    }
}

/// The first year any period of `list` is dated to begin in (its own start, else its first
/// holder's); `None` if nothing is dated.
pub fn first_year(list: &[Summary]) -> Option<u16> {
    list.iter()
        .flat_map(|s| s.periods())
        .filter_map(|p| p.start())
        .map(|d| d.year)
        .min()
}

/// What an entity's digital leadership was on a date, as the lists show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StateAt<'a> {
    /// No period had begun: "noch keine Stelle" / "no post yet" (never coloured as a model).
    NoPost,
    /// A period in force, with the holder in office then, if the data names one.
    In {
        period: &'a PeriodSummary,
        holder: Option<&'a HolderSummary>,
    },
    /// The last period that had begun had ended, with none after it yet: "abgeschafft" /
    /// "abolished". The period is the one that ended.
    Abolished(&'a PeriodSummary),
}

impl StateAt<'_> {
    /// The headline model in force, if a period was.
    pub fn headline(&self) -> Option<Headline> {
        match self {
            StateAt::In { period, .. } => Some(period.post.headline()),
            _ => None,
        }
    }
}

/// Where an entity stood on a day, by the position of its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    NoPost,
    In(usize),
    Ended(usize),
}

/// Whether a day `key` has come by `day` (or, `before`, by the day before it).
fn reached(key: Day, day: Day, before: bool) -> bool {
    if before {
        key < day
    } else {
        key <= day
    }
}

/// An entity's brief periods with the days they take effect and end, computed once, when the
/// entity is read: the lists step through dates (a year step of 10,000 entities, issue #23)
/// without turning dates into days again (`Summary::periods` reads them). One shared
/// allocation per entity, days included: reading the index is mostly allocating
/// (docs/PERFORMANCE.md, "The index's parse"), and a list at a date copies every summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Periods(std::sync::Arc<[PeriodSummary]>);

/// The days of one period ([`Periods`], kept in its [`PeriodSummary`]): 12 bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PeriodDays {
    /// When it takes effect: its start, else the day after the period before it ended, else
    /// when that one took effect; `None` (the first, undated): from the beginning.
    from: Option<Day>,
    /// The day after its end: when it is over, and the day of its end as an event
    /// ([`Event::Ended`]).
    over: Option<Day>,
    /// The day of its start as an event ([`Event::Began`]): the day it takes effect, if a date
    /// says so (its start, or for an undated period that begins when the one before ended,
    /// that end; [`event_day`]).
    began: Option<Day>,
}

impl Periods {
    /// `list`, oldest first, with each period's days.
    pub fn new(list: impl IntoIterator<Item = PeriodSummary>) -> Periods {
        // When the period before took effect or ended, and the day after it ended.
        let mut previous: Option<Day> = None;
        let mut over_before: Option<Day> = None;
        let list = list.into_iter().map(|mut p| {
            let start = p.start().map(|s| s.first_day());
            let from = start.or(previous);
            let over = p.until.map(|u| u.day_after());
            let began = start.or(from.filter(|&day| over_before == Some(day)));
            previous = over.or(from);
            over_before = over;
            p.days = PeriodDays { from, over, began };
            p
        });
        // An iterator of known length (a `Vec`'s, an array's) is collected in one allocation.
        Periods(list.collect())
    }

    /// Oldest first; never empty for an entity.
    pub fn list(&self) -> &[PeriodSummary] {
        &self.0
    }
}

/// The rule of [`Entity::model_at`] on the brief periods: the latest that had taken effect,
/// unless it had ended.
fn slot(periods: &Periods, day: Day, before: bool) -> Slot {
    let begun = periods
        .list()
        .iter()
        .enumerate()
        .rfind(|(_, p)| p.days.from.is_none_or(|s| reached(s, day, before)));
    match begun {
        None => Slot::NoPost,
        Some((k, p)) => match p.days.over {
            Some(over) if reached(over, day, before) => Slot::Ended(k),
            _ => Slot::In(k),
        },
    }
}

/// The holder of period `k` in office on `day`: the latest one who had begun and not left. A
/// holder without a start date counts from when the one before left, else from when the one
/// before began (holders are listed oldest first: the later one is the more recent name), else
/// always. `None`: the post was vacant, or the data names no one.
///
/// Their days are worked out here rather than kept with the period's: only the period in force
/// is asked, and one fewer allocation per entity is read (docs/PERFORMANCE.md, "The index's
/// parse").
fn holder(periods: &Periods, k: usize, day: Day, before: bool) -> Option<usize> {
    let mut found = None;
    let mut previous: Option<Day> = None;
    for (i, h) in periods.list()[k].holders.iter().enumerate() {
        let start = h.since.map(|s| s.first_day()).or(previous);
        let left = h.until.map(|u| u.day_after());
        previous = left.or(start);
        let begun = start.is_none_or(|s| reached(s, day, before));
        let gone = left.is_some_and(|l| reached(l, day, before));
        if begun && !gone {
            found = Some(i);
        }
    }
    found
}

fn state(periods: &Periods, day: Day, before: bool) -> StateAt<'_> {
    in_slot(periods, slot(periods, day, before), day, before)
}

/// The state of `slot`, with the holder in office on `day`.
fn in_slot(periods: &Periods, slot: Slot, day: Day, before: bool) -> StateAt<'_> {
    match slot {
        Slot::NoPost => StateAt::NoPost,
        Slot::Ended(k) => StateAt::Abolished(&periods.list()[k]),
        Slot::In(k) => {
            let period = &periods.list()[k];
            let holder = holder(periods, k, day, before).map(|i| &period.holders[i]);
            StateAt::In { period, holder }
        }
    }
}

/// What `s` was on `date` (a year or a month: its first day).
pub fn state_at(s: &Summary, date: PartialDate) -> StateAt<'_> {
    state(s.dated(), date.first_day(), false)
}

/// [`state_at`] for every entity of `list`, in its order: one pass, one allocation.
pub fn states_at(list: &[Summary], date: PartialDate) -> Vec<StateAt<'_>> {
    let day = date.first_day();
    list.iter().map(|s| state(s.dated(), day, false)).collect()
}

/// `s` as a list shows it in `state` (its [`state_at`] a date): the model, title and holder in
/// force then, since when that holder (else the period) was, and its [`Standing`]. With no post
/// yet, the model fields are the first period's and not to be shown; abolished, the last
/// period's, with `ended` its end. Every other field is `s`'s own.
pub fn summary_at(s: &Summary, state: StateAt<'_>) -> Summary {
    let (post, standing, holder, since, ended) = match state {
        StateAt::NoPost => (&s.periods()[0].post, Standing::NoPost, None, None, None),
        StateAt::In { period, holder } => (
            &period.post,
            Standing::Active,
            holder.map(|h| h.name.clone()),
            match holder {
                Some(h) => h.since,
                None => period.since,
            },
            None,
        ),
        StateAt::Abolished(p) => (&p.post, Standing::Abolished, None, None, p.until),
    };
    Summary {
        post: post.clone(),
        holder,
        since,
        ended,
        standing,
        ..s.clone()
    }
}

/// Every entity of `list` as the lists show it on `date`, in its order (a view without `at`
/// shows the data's own date, its Stand: the same in the pre-render and the app).
pub fn summaries_at(list: &[Summary], date: PartialDate) -> Vec<Summary> {
    let day = date.first_day();
    list.iter()
        .map(|s| summary_at(s, state(s.dated(), day, false)))
        .collect()
}

/// How many entities of `list`, as listed at a date ([`summaries_at`]), had a post in force.
pub fn with_post(list: &[Summary]) -> usize {
    list.iter()
        .filter(|s| s.standing() == Standing::Active)
        .count()
}

/// Which entities of `list` changed their model in the year before `at` (the map rings them):
/// `changed[i]` for `list[i]`. Today (`None`): none.
pub fn changed_before(list: &[Summary], at: Option<At>) -> Vec<bool> {
    let mut changed = vec![false; list.len()];
    if let Some(at) = at {
        for t in changes_before(list, at) {
            if t.model_changed() {
                changed[t.entity] = true;
            }
        }
    }
    changed
}

/// How many entities had each model on a date, and how many had none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per headline model, in the order of [`Headline::ALL`].
    pub models: [usize; Headline::ALL.len()],
    /// No post yet.
    pub no_post: usize,
    pub abolished: usize,
}

impl Counts {
    /// The entities that had the model `h`.
    pub fn of(&self, h: Headline) -> usize {
        Headline::ALL
            .iter()
            .position(|x| *x == h)
            .map_or(0, |i| self.models[i])
    }

    /// The entities with a post in force.
    pub fn with_post(&self) -> usize {
        self.models.iter().sum()
    }

    /// Every entity counted: with a post, without one yet, abolished.
    pub fn total(&self) -> usize {
        self.with_post() + self.no_post + self.abolished
    }
}

/// The entities of `list` per model on `date`.
pub fn counts_at(list: &[Summary], date: PartialDate) -> Counts {
    let day = date.first_day();
    let mut counts = Counts::default();
    for s in list {
        match state(s.dated(), day, false) {
            StateAt::NoPost => counts.no_post += 1,
            StateAt::Abolished(_) => counts.abolished += 1,
            StateAt::In { period, .. } => {
                let h = period.post.headline();
                if let Some(i) = Headline::ALL.iter().position(|x| *x == h) {
                    counts.models[i] += 1;
                }
            }
        }
    }
    counts
}

/// [`counts_at`] on 1 January of each of `years`: the overview's chart, year by year.
pub fn counts_by_year(list: &[Summary], years: RangeInclusive<u16>) -> Vec<(u16, Counts)> {
    years
        .map(|y| {
            (
                y,
                counts_at(
                    list,
                    At {
                        year: y,
                        month: None,
                    }
                    .date(),
                ),
            )
        })
        .collect()
}

/// What happened to a period: it began, or it ended. The position is in the entity's periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Began(usize),
    Ended(usize),
}

/// A change of an entity's state: a period began (after none, after an abolished post, or
/// taking over from another) or ended with none after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transition<'a> {
    /// The entity's position in the list.
    pub entity: usize,
    /// The date as the data gives it: the period's start, or its end.
    pub date: PartialDate,
    /// The day it took effect: the first day of a start, the day after an end ("until 2022":
    /// 1 January 2023). Changes are listed in this order.
    pub effective: Day,
    pub event: Event,
    /// The state the day before, and on the day (with the holder of that day).
    pub from: StateAt<'a>,
    pub to: StateAt<'a>,
}

impl Transition<'_> {
    /// Whether the headline model changed (a new title under the same model did not; a post
    /// created or abolished did).
    pub fn model_changed(&self) -> bool {
        self.from.headline() != self.to.headline()
    }

    /// The sources of the change in the dataset's entry of the entity (the index has none): a
    /// start's sources and the period's own, or an end's.
    pub fn sources<'e>(&self, entity: &'e Entity) -> Vec<&'e Source> {
        event_sources(entity, self.event)
    }
}

/// The day an event takes effect, and its date as the data writes it: a period's start (an
/// undated one that takes effect when the period before it ended: that end), or its end.
fn event_day(periods: &Periods, e: Event) -> Option<(Day, PartialDate)> {
    let list = periods.list();
    match e {
        Event::Began(k) => {
            let day = list[k].days.began?;
            // Its start, else the end of the one before (which is what `began` says then).
            let date = list[k].start().or_else(|| list[k.checked_sub(1)?].until)?;
            Some((day, date))
        }
        Event::Ended(k) => Some((list[k].days.over?, list[k].until?)),
    }
}

/// The changes of one entity's state that take effect after `after` and by `upto` (days),
/// oldest first by the entity's events, each day once: `emit(day, date, event, from, to)`.
fn changes_of(
    periods: &Periods,
    after: Day,
    upto: Day,
    mut emit: impl FnMut(Day, PartialDate, Event, Slot, Slot),
) {
    // Most entities have no event in a year: they are passed over at once.
    let within = |d: Option<Day>| d.is_some_and(|d| after < d && d <= upto);
    if !periods
        .list()
        .iter()
        .any(|p| within(p.days.began) || within(p.days.over))
    {
        return;
    }
    let events = (0..periods.list().len()).flat_map(|k| [Event::Began(k), Event::Ended(k)]);
    for (n, e) in events.clone().enumerate() {
        let Some((day, date)) = event_day(periods, e) else {
            continue;
        };
        let seen = events
            .clone()
            .take(n)
            .any(|earlier| event_day(periods, earlier).is_some_and(|(d, _)| d == day));
        if day <= after || day > upto || seen {
            continue;
        }
        let (from, to) = (slot(periods, day, true), slot(periods, day, false));
        if from == to {
            continue;
        }
        // Named by what began, else by what ended, that day.
        let on_day = |e: Event| event_day(periods, e).is_some_and(|(d, _)| d == day);
        let (event, date) = match (from, to) {
            (_, Slot::In(j)) if on_day(Event::Began(j)) => {
                (Event::Began(j), periods.list()[j].start().unwrap_or(date))
            }
            (Slot::In(i), _) if on_day(Event::Ended(i)) => {
                (Event::Ended(i), periods.list()[i].until.unwrap_or(date))
            }
            _ => (e, date),
        };
        emit(day, date, event, from, to);
    }
}

/// Every change of `list` that took effect after `after` and by `upto` (their first days), by
/// the day it took effect, then in the order of `list`.
pub fn transitions(list: &[Summary], after: PartialDate, upto: PartialDate) -> Vec<Transition<'_>> {
    let (after, upto) = (after.first_day(), upto.first_day());
    let mut found: Vec<Transition> = Vec::new();
    for (entity, s) in list.iter().enumerate() {
        let periods = s.dated();
        changes_of(periods, after, upto, |day, date, event, from, to| {
            let transition = Transition {
                entity,
                date,
                effective: day,
                event,
                from: in_slot(periods, from, day, true),
                to: in_slot(periods, to, day, false),
            };
            found.push(transition);
        });
    }
    crate::sorted_by(found, &|a, b| a.effective.cmp(&b.effective))
}

/// The changes in the year before `at` (after the same day a year earlier, up to `at`'s first
/// day): what the map marks and lists at that date.
pub fn changes_before(list: &[Summary], at: At) -> Vec<Transition<'_>> {
    transitions(list, at.year_before(), at.date())
}

/// A change in an entity's history, with its sources ([`then_and_now`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    /// The date as the data gives it: the period's start, or its end.
    pub date: PartialDate,
    pub event: Event,
    pub from: ModelAt<'a>,
    pub to: ModelAt<'a>,
    pub sources: Vec<&'a Source>,
}

/// An entity then and now: the series beside each interview (issue #23, "Then and now").
#[derive(Clone, Debug, PartialEq)]
pub struct ThenAndNow<'a> {
    pub then: ModelAt<'a>,
    pub now: ModelAt<'a>,
    /// What changed after `then` and by `now`, oldest first.
    pub between: Vec<Step<'a>>,
}

/// `entity`'s model on `date` (an interview's) and on `today`, with the changes in between.
pub fn then_and_now(entity: &Entity, date: PartialDate, today: PartialDate) -> ThenAndNow<'_> {
    let brief = Periods::new(entity.periods.iter().map(PeriodSummary::of));
    let model = |s: Slot| match s {
        Slot::NoPost => ModelAt::NotYet,
        Slot::In(k) => ModelAt::In(&entity.periods[k]),
        Slot::Ended(k) => ModelAt::Ended(&entity.periods[k]),
    };
    let mut steps = Vec::new();
    changes_of(
        &brief,
        date.first_day(),
        today.first_day(),
        |day, date, event, from, to| {
            let step = Step {
                date,
                event,
                from: model(from),
                to: model(to),
                sources: event_sources(entity, event),
            };
            steps.push((day, step));
        },
    );
    ThenAndNow {
        then: entity.model_at(date),
        now: entity.model_at(today),
        between: crate::sorted_by(steps, &|a, b| a.0.cmp(&b.0))
            .into_iter()
            .map(|(_, s)| s)
            .collect(),
    }
}

/// The sources of `event` in `entity`: a start's (the period's own start, else its first
/// holder's entry) and the period's, or an end's; each once, in the entity's order.
fn event_sources(entity: &Entity, event: Event) -> Vec<&Source> {
    let ids: Vec<&str> = match event {
        Event::Began(k) => {
            let Some(p) = entity.periods.get(k) else {
                return Vec::new();
            };
            let start = match &p.since {
                Some(d) => d.sources.iter().collect::<Vec<_>>(),
                None => p
                    .holders
                    .iter()
                    .filter(|h| h.since.is_some() && h.since == p.start())
                    .flat_map(|h| &h.sources)
                    .collect(),
            };
            start
                .into_iter()
                .chain(&p.sources)
                .map(String::as_str)
                .collect()
        }
        Event::Ended(k) => entity
            .periods
            .get(k)
            .and_then(|p| p.until.as_ref())
            .map(|u| u.sources.iter().map(String::as_str).collect())
            .unwrap_or_default(),
    };
    entity
        .sources
        .iter()
        .filter(|s| ids.contains(&s.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Coordinates, Form, Kind, Origin, Post};

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn at_reads_a_year_or_a_month_and_writes_it_back() {
        for ok in ["2019", "2019-03", "1900", "2100-12"] {
            let at = At::parse(ok).unwrap();
            assert_eq!(at.to_string(), ok);
            assert_eq!(At::parse(&at.to_string()), Some(at), "round trip");
        }
        assert_eq!(At::parse("2019").unwrap().date(), date("2019"));
        assert_eq!(At::parse("2019-03").unwrap().year_before(), date("2018-03"));
        for garbage in [
            "",
            "19",
            "2019-3",
            "2019-13",
            "2019-00",
            "2019-03-01",
            "~2019",
            "1899",
            "2101",
            "2019 ",
            "+2019",
            "２０１９",
            "2019-03-",
            "now",
        ] {
            assert_eq!(At::parse(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn garbage_in_the_address_is_today_and_named_once() {
        let query = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(x, _)| *x == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let mut bad = Vec::new();
        assert_eq!(from_query(&query(&[]), &mut bad), None);
        assert_eq!(
            from_query(&query(&[("at", "2019-03")]), &mut bad),
            At::month(2019, 3)
        );
        assert!(bad.is_empty());
        assert_eq!(from_query(&query(&[("at", "gestern")]), &mut bad), None);
        assert_eq!(from_query(&query(&[("at", "2019-13")]), &mut bad), None);
        assert_eq!(bad, [PARAM]);
        let mut q = Vec::new();
        to_query(None, &mut q);
        assert!(q.is_empty(), "today stays out of the address");
        to_query(At::year(2019), &mut q);
        assert_eq!(q, [("at", "2019".to_owned())]);
    }

    fn post(form: Form, origin: Option<Origin>) -> Post {
        Post {
            title: format!("{form:?}").into(),
            origin,
            form,
        }
    }

    fn holder(name: &str, since: Option<&str>, until: Option<&str>) -> HolderSummary {
        HolderSummary {
            name: name.into(),
            since: since.map(date),
            until: until.map(date),
        }
    }

    fn period(
        post: Post,
        since: Option<&str>,
        until: Option<&str>,
        holders: Vec<HolderSummary>,
    ) -> PeriodSummary {
        PeriodSummary::new(post, since.map(date), until.map(date), holders)
    }

    fn entity(i: usize, periods: Vec<PeriodSummary>) -> Summary {
        let current = periods.last().unwrap();
        Summary {
            id: format!("e-{i}"),
            name: format!("E {i}"),
            kind: Kind::City,
            land: Some(crate::Land::HE),
            ags: None,
            coordinates: Coordinates {
                lat: 50.0,
                lon: 8.6,
            },
            population: None,
            post: current.post.clone(),
            established: periods[0].since,
            holder: None,
            since: None,
            ended: current.until,
            confirmed: None,
            search: "".into(),
            periods: Periods::new(periods),
            standing: crate::Standing::Active,
        }
    }

    /// Entity `i` of the synthetic 10,000: three periods each (a CDO post from a year, an
    /// agency from July of its last year, a department), every third abolished.
    fn synthetic(i: usize) -> Summary {
        let y0 = 2010 + (i % 5) as u16;
        let y = |n: u16| (y0 + n).to_string();
        let ended = (i % 3 == 0).then(|| y(10));
        entity(
            i,
            vec![
                period(
                    post(Form::CdoPost, Some(Origin::Internal)),
                    Some(&y(0)),
                    Some(&y(3)),
                    vec![holder("A", Some(&y(0)), None)],
                ),
                period(
                    post(Form::Agency, None),
                    Some(&format!("{}-07", y(3))),
                    None,
                    vec![holder("B", None, None)],
                ),
                period(
                    post(Form::Department, Some(Origin::Politics)),
                    Some(&y(8)),
                    ended.as_deref(),
                    vec![holder("C", Some(&y(8)), None)],
                ),
            ],
        )
    }

    /// What entity `i` of [`synthetic`] was on 1 January of `year`: a period's position and
    /// whether it had ended, `None` before the first.
    fn expected(i: usize, year: u16) -> Option<(usize, bool)> {
        let y0 = 2010 + (i % 5) as u16;
        match year {
            y if y < y0 => None,
            y if y <= y0 + 3 => Some((0, false)),
            y if y < y0 + 8 => Some((1, false)),
            y => Some((2, i % 3 == 0 && y > y0 + 10)),
        }
    }

    /// The year step the map and the explorer take with 10,000 entities of 3 periods each: one
    /// linear pass, checked entity by entity (the time is `make bench`'s to measure).
    #[test]
    fn every_state_of_ten_thousand_entities_with_three_periods() {
        let list: Vec<Summary> = (0..10_000).map(synthetic).collect();
        for year in 2005..=2026 {
            let at = At::year(year).unwrap().date();
            let states = states_at(&list, at);
            assert_eq!(states.len(), list.len());
            let mut counts = Counts::default();
            for (i, (s, state)) in list.iter().zip(&states).enumerate() {
                let got = match *state {
                    StateAt::NoPost => None,
                    StateAt::In { period, holder } => {
                        let k = s.periods().iter().position(|p| std::ptr::eq(p, period));
                        assert_eq!(holder.map(|h| &*h.name), Some(["A", "B", "C"][k.unwrap()]));
                        Some((k.unwrap(), false))
                    }
                    StateAt::Abolished(period) => Some((
                        s.periods()
                            .iter()
                            .position(|p| std::ptr::eq(p, period))
                            .unwrap(),
                        true,
                    )),
                };
                assert_eq!(got, expected(i, year), "entity {i} in {year}");
                match got {
                    None => counts.no_post += 1,
                    Some((_, true)) => counts.abolished += 1,
                    Some((k, false)) => {
                        let h = s.periods()[k].post.headline();
                        counts.models[Headline::ALL.iter().position(|x| *x == h).unwrap()] += 1;
                    }
                }
            }
            assert_eq!(counts_at(&list, at), counts, "{year}");
            assert_eq!(counts.total(), list.len());
        }
        // The changes of a year: each entity whose period changed, once.
        let changes = changes_before(&list, At::year(2014).unwrap());
        let changed = (0..list.len())
            .filter(|&i| expected(i, 2013) != expected(i, 2014))
            .count();
        assert_eq!(changes.len(), changed);
        assert_eq!(first_year(&list), Some(2010));
    }

    #[test]
    fn a_holder_counts_from_their_start_else_when_the_one_before_left_or_began() {
        let p = period(
            post(Form::CdoPost, None),
            Some("2015"),
            None,
            vec![
                holder("Erste", Some("2015-03"), Some("2017-06")),
                holder("Zweite", None, Some("2020")),
                holder("Dritte", Some("2022-02-01"), None),
                holder("Vierte", None, None),
            ],
        );
        let dated = Periods::new(vec![p.clone()]);
        let name = |d: &str| {
            super::holder(&dated, 0, date(d).first_day(), false).map(|i| &*p.holders[i].name)
        };
        assert_eq!(name("2015-02"), None, "before the first");
        assert_eq!(name("2016"), Some("Erste"));
        assert_eq!(name("2017-06-30"), Some("Erste"));
        assert_eq!(
            name("2017-07"),
            Some("Zweite"),
            "from when the one before left"
        );
        assert_eq!(name("2020-12"), Some("Zweite"));
        assert_eq!(name("2021-06"), None, "vacant");
        assert_eq!(name("2022-01-31"), None);
        // Vierte has no start, and Dritte no end: the more recent name, from Dritte's start.
        assert_eq!(name("2022-02-01"), Some("Vierte"));
    }

    #[test]
    fn a_change_on_the_day_one_period_ends_and_the_next_begins_is_one_change() {
        let list = vec![entity(
            0,
            vec![
                period(
                    post(Form::CdoPost, None),
                    Some("2018"),
                    Some("2020-06-30"),
                    vec![],
                ),
                period(post(Form::Agency, None), Some("2020-07-01"), None, vec![]),
            ],
        )];
        let changes = transitions(&list, date("2020"), date("2021"));
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].event, Event::Began(1));
        assert_eq!(changes[0].date, date("2020-07-01"));
        assert_eq!(changes[0].from.headline(), Some(Headline::CdoOriginUnknown));
        assert_eq!(changes[0].to.headline(), Some(Headline::AgencyInsteadOfCdo));
        // A gap: an end, then a start.
        let list = vec![entity(
            0,
            vec![
                period(
                    post(Form::CdoPost, None),
                    Some("2018"),
                    Some("2019"),
                    vec![],
                ),
                period(post(Form::Agency, None), Some("2020-07"), None, vec![]),
            ],
        )];
        let changes = transitions(&list, date("2019"), date("2021"));
        let events: Vec<Event> = changes.iter().map(|c| c.event).collect();
        assert_eq!(events, [Event::Ended(0), Event::Began(1)]);
        assert!(matches!(changes[0].to, StateAt::Abolished(_)));
        assert!(changes.iter().all(Transition::model_changed));
    }
}
