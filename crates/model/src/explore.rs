//! The explorer's logic without rendering: facets with live counts, free-text search, a stable
//! sort with German collation, pages of [`PAGE_SIZE`] rows, and the state as URL query pairs.

use crate::domain::{Entity, Form, Headline, Kind, Land, Origin, Standing, Summary};
use crate::num::parse_decimal;
use crate::search::{fold, Query};
use crate::sort_indices;
use crate::PartialDate;

/// Size classes of the explorer's facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SizeClass {
    Under100k,
    From100kTo500k,
    Over500k,
    LandLevel,
    Unknown,
}

impl SizeClass {
    pub const ALL: [SizeClass; 5] = [
        SizeClass::Under100k,
        SizeClass::From100kTo500k,
        SizeClass::Over500k,
        SizeClass::LandLevel,
        SizeClass::Unknown,
    ];

    pub fn of(e: &Summary) -> SizeClass {
        match (e.kind, e.population) {
            (Kind::Land | Kind::Federal, _) => SizeClass::LandLevel,
            (Kind::City, None) => SizeClass::Unknown,
            (Kind::City, Some(p)) if p < 100_000 => SizeClass::Under100k,
            (Kind::City, Some(p)) if p <= 500_000 => SizeClass::From100kTo500k,
            (Kind::City, Some(_)) => SizeClass::Over500k,
        }
    }

    pub fn wire(self) -> &'static str {
        match self {
            SizeClass::Under100k => "lt100k",
            SizeClass::From100kTo500k => "100k-500k",
            SizeClass::Over500k => "gt500k",
            SizeClass::LandLevel => "land",
            SizeClass::Unknown => "unknown",
        }
    }
}

/// A sortable column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    #[default]
    Name,
    Land,
    Kind,
    Model,
    Origin,
    Form,
    Office,
    Since,
    Population,
    Holder,
    /// When the current model was last confirmed ([`Summary::confirmed`]).
    Confirmed,
}

impl Column {
    /// Whether the order by this column changes with the date the entities are at (issue #23):
    /// the model and the office do, names, places and sizes do not.
    pub fn follows_date(self) -> bool {
        matches!(
            self,
            Column::Model
                | Column::Origin
                | Column::Form
                | Column::Office
                | Column::Since
                | Column::Holder
        )
    }

    pub const ALL: [Column; 11] = [
        Column::Name,
        Column::Land,
        Column::Kind,
        Column::Model,
        Column::Origin,
        Column::Form,
        Column::Office,
        Column::Since,
        Column::Population,
        Column::Holder,
        Column::Confirmed,
    ];

    /// The explorer's header: the columns in groups, one group per table column, so that the
    /// table fits a laptop's screen. A group's first column is what its cells show first; the
    /// others are shown under it (the kind and Land under the name, the origin under the model
    /// badge, the holder under the office). Every column is in exactly one group, so each stays
    /// sortable.
    pub const GROUPS: [&'static [Column]; 6] = [
        &[Column::Name, Column::Kind, Column::Land],
        &[Column::Model, Column::Origin, Column::Form],
        &[Column::Office, Column::Holder],
        &[Column::Since],
        &[Column::Population],
        &[Column::Confirmed],
    ];

    pub fn wire(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Land => "land",
            Column::Kind => "kind",
            Column::Model => "model",
            Column::Origin => "origin",
            Column::Form => "form",
            Column::Office => "office",
            Column::Since => "since",
            Column::Population => "population",
            Column::Holder => "holder",
            Column::Confirmed => "confirmed",
        }
    }

    pub fn from_wire(s: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.wire() == s)
    }
}

/// Rows per page of the explorer's table. Small on purpose: at 10,000 entities a keystroke
/// replaces a whole page of rows, and the browser's table layout costs ~0.3 ms per row (measured
/// in headless Chromium), so 25 rows keep a keystroke within a 16 ms frame.
pub const PAGE_SIZE: usize = 25;

/// One page of the sorted hits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageOf {
    /// Which hits (positions in the sorted list) the page shows.
    pub range: std::ops::Range<usize>,
    /// Zero-based page shown (clamped to the last page).
    pub index: usize,
    /// Number of pages, at least 1.
    pub count: usize,
}

/// Everything the explorer's URL holds. Empty sets mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExploreState {
    pub query: String,
    pub headlines: Vec<Headline>,
    /// `None` inside stands for "origin unknown".
    pub origins: Vec<Option<Origin>>,
    pub forms: Vec<Form>,
    pub laender: Vec<Land>,
    pub sizes: Vec<SizeClass>,
    /// Established between these years (inclusive); entities without a date are excluded once
    /// either bound is set.
    pub from_year: Option<u16>,
    pub to_year: Option<u16>,
    pub sort: Column,
    pub descending: bool,
    /// Zero-based page of the table (`page=` in the URL is one-based).
    pub page: usize,
    /// The date shown (`at`); `None`: today.
    pub at: Option<crate::time::At>,
}

/// One entity prepared for fast repeated filtering: folded search text and sort keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub haystack: String,
    pub name_key: String,
}

/// Builds the search rows once per dataset (name, office, holders and earlier titles, folded):
/// the same at every date, as an entity's `search` holds every title and holder it had.
pub fn index(entities: &[Summary]) -> Vec<Row> {
    index_with(entities, &[])
}

/// [`index`], with `notes[i]` (the context notes of `entities[i]`, [`notes_of`]) searched too.
pub fn index_with(entities: &[Summary], notes: &[String]) -> Vec<Row> {
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let note = notes.get(i).map_or("", String::as_str);
            let text = format!("{} {} {} {note}", e.name, e.model().title, e.search);
            Row {
                haystack: fold(&text),
                name_key: fold(&e.name),
            }
        })
        .collect()
}

impl ExploreState {
    /// How many filter choices are made: each ticked value, and each year bound (the search text,
    /// sort and page are not filters).
    pub fn active_filters(&self) -> usize {
        self.headlines.len()
            + self.origins.len()
            + self.forms.len()
            + self.laender.len()
            + self.sizes.len()
            + usize::from(self.from_year.is_some())
            + usize::from(self.to_year.is_some())
    }

    /// The page of `total` hits this state shows; a page beyond the end shows the last one.
    pub fn page_of(&self, total: usize) -> PageOf {
        let count = total.div_ceil(PAGE_SIZE).max(1);
        let index = self.page.min(count - 1);
        let start = index * PAGE_SIZE;
        PageOf {
            range: start..total.min(start + PAGE_SIZE),
            index,
            count,
        }
    }

    /// The state after choosing to sort by `column`: ascending first, a second choice of the
    /// same column reverses the order.
    pub fn sorted_by(&self, column: Column) -> ExploreState {
        ExploreState {
            sort: column,
            descending: self.sort == column && !self.descending,
            ..self.clone()
        }
    }

    /// `next` reached from this state: changing anything but the page starts again at the first
    /// page (a narrower search must not leave the reader on an empty page 7).
    pub fn then(&self, next: ExploreState) -> ExploreState {
        let only_page = ExploreState {
            page: self.page,
            ..next.clone()
        } == *self;
        if only_page {
            next
        } else {
            ExploreState { page: 0, ..next }
        }
    }

    fn passes(&self, e: &Summary) -> bool {
        self.facets_ok(e).iter().all(|&ok| ok) && self.year_ok(e)
    }

    /// Whether `e` passes each facet's filter, in the order of [`FacetCounts`]' facets: the one
    /// predicate behind both filtering ([`passes`](Self::passes)) and counting.
    /// An entity with no post in force at the date shown has no model: a ticked model, origin
    /// or form excludes it.
    fn facets_ok(&self, e: &Summary) -> [bool; 5] {
        let model = e.model();
        let has = e.standing() == Standing::Active;
        [
            self.headlines.is_empty() || has && self.headlines.contains(&model.headline()),
            self.origins.is_empty() || has && self.origins.contains(&model.origin),
            self.forms.is_empty() || has && self.forms.contains(&model.form),
            self.laender.is_empty() || e.land.is_some_and(|l| self.laender.contains(&l)),
            self.sizes.is_empty() || self.sizes.contains(&SizeClass::of(e)),
        ]
    }

    fn year_ok(&self, e: &Summary) -> bool {
        if self.from_year.is_none() && self.to_year.is_none() {
            return true;
        }
        let Some(year) = e.established.map(|d| d.year) else {
            return false;
        };
        self.from_year.is_none_or(|f| year >= f) && self.to_year.is_none_or(|t| year <= t)
    }

    /// Indices of the entities that pass every filter, sorted (stable) by the chosen column.
    pub fn apply(&self, entities: &[Summary], rows: &[Row]) -> Vec<usize> {
        self.evaluate(entities, rows).0
    }

    /// Every entity's index in this state's sort order (column and direction, ties by name).
    /// It does not depend on the filters, so a view computes it once per sort and hands it to
    /// [`evaluate_in`](Self::evaluate_in) for every keystroke.
    pub fn order(&self, entities: &[Summary], rows: &[Row]) -> Vec<usize> {
        // The office's and the holder's keys follow the date the entities are at (the rows are
        // the same at every date): folded here, for a sort by them only.
        let keys: Vec<Option<String>> = match self.sort {
            Column::Office => entities
                .iter()
                .map(|e| Some(fold(&e.model().title)))
                .collect(),
            Column::Holder => entities
                .iter()
                .map(|e| e.holder.as_deref().map(fold))
                .collect(),
            _ => Vec::new(),
        };
        let key = |i: usize| keys.get(i).and_then(Option::as_deref);
        let mut order: Vec<usize> = (0..entities.len()).collect();
        sort_indices(&mut order, &|a, b| {
            compare(
                self.sort,
                self.descending,
                (&entities[a], &rows[a], key(a)),
                (&entities[b], &rows[b], key(b)),
            )
            .then_with(|| rows[a].name_key.cmp(&rows[b].name_key))
        });
        order
    }

    /// [`apply`](Self::apply) and [`counts`](Self::counts) together.
    pub fn evaluate(&self, entities: &[Summary], rows: &[Row]) -> (Vec<usize>, FacetCounts) {
        self.evaluate_in(&self.order(entities, rows), entities, rows)
    }

    /// The hits, in `order` (from [`order`](Self::order)), and the facet counts, matching the
    /// search text only once per entity (the expensive part at 10,000 entities).
    pub fn evaluate_in(
        &self,
        order: &[usize],
        entities: &[Summary],
        rows: &[Row],
    ) -> (Vec<usize>, FacetCounts) {
        let query = Query::new(&self.query);
        let text_ok: Vec<bool> = rows
            .iter()
            .map(|r| query.matches_folded(&r.haystack))
            .collect();
        let hits = order
            .iter()
            .copied()
            .filter(|&i| text_ok[i] && self.passes(&entities[i]))
            .collect();
        (hits, self.count_facets(entities, &text_ok))
    }

    /// Live counts for every facet value in one pass: an entity counts for its value of a facet
    /// if it passes the search, the year range and every *other* facet (standard faceting, so a
    /// ticked value never hides its siblings).
    pub fn counts(&self, entities: &[Summary], rows: &[Row]) -> FacetCounts {
        self.evaluate(entities, rows).1
    }

    fn count_facets(&self, entities: &[Summary], text_ok: &[bool]) -> FacetCounts {
        let mut counts = FacetCounts {
            headline: vec![0; Headline::ALL.len()],
            origin: vec![0; Origin::ALL.len() + 1],
            form: vec![0; Form::ALL.len()],
            land: vec![0; Land::ALL.len()],
            size: vec![0; SizeClass::ALL.len()],
        };
        for (e, ok) in entities.iter().zip(text_ok) {
            if !ok || !self.year_ok(e) {
                continue;
            }
            let v = FacetValues::of(e);
            let ok = self.facets_ok(e);
            let others_ok = |k: usize| ok.iter().enumerate().all(|(j, pass)| j == k || *pass);
            for (k, (list, value)) in [
                (&mut counts.headline, v.headline),
                (&mut counts.origin, v.origin),
                (&mut counts.form, v.form),
                (&mut counts.land, v.land.unwrap_or(usize::MAX)),
                (&mut counts.size, v.size),
            ]
            .into_iter()
            .enumerate()
            {
                if others_ok(k) {
                    // The federal level has no Land: it counts for none.
                    if let Some(n) = list.get_mut(value) {
                        *n += 1;
                    }
                }
            }
        }
        counts
    }

    /// Reads the state from query values; unreadable ones are skipped and named.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (ExploreState, Vec<&'static str>) {
        let mut bad = Vec::new();
        let list = |key: &'static str| -> Vec<String> {
            get(key)
                .map(|v| {
                    v.split(',')
                        .filter(|s| !s.is_empty())
                        .take(32)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut st = ExploreState {
            // A blank search is no search: read as none, as `to_query` writes it (found by
            // `make fuzz`: `q=%20` did not survive a round trip).
            query: get("q")
                .filter(|q| !q.trim().is_empty())
                .map(|q| q.chars().take(200).collect())
                .unwrap_or_default(),
            ..Default::default()
        };
        for v in list("model") {
            match Headline::ALL
                .iter()
                .copied()
                .find(|h| headline_wire(*h) == v)
            {
                Some(h) if !st.headlines.contains(&h) => st.headlines.push(h),
                Some(_) => {}
                None => push_once(&mut bad, "model"),
            }
        }
        for v in list("origin") {
            let o = if v == "unknown" {
                Some(None)
            } else {
                Origin::from_wire(&v).map(Some)
            };
            match o {
                Some(o) if !st.origins.contains(&o) => st.origins.push(o),
                Some(_) => {}
                None => push_once(&mut bad, "origin"),
            }
        }
        for v in list("form") {
            match Form::from_wire(&v) {
                Some(f) if !st.forms.contains(&f) => st.forms.push(f),
                Some(_) => {}
                None => push_once(&mut bad, "form"),
            }
        }
        for v in list("land") {
            match Land::from_code(&v) {
                Some(l) if !st.laender.contains(&l) => st.laender.push(l),
                Some(_) => {}
                None => push_once(&mut bad, "land"),
            }
        }
        for v in list("size") {
            match SizeClass::ALL.into_iter().find(|s| s.wire() == v) {
                Some(s) if !st.sizes.contains(&s) => st.sizes.push(s),
                Some(_) => {}
                None => push_once(&mut bad, "size"),
            }
        }
        let mut year = |key: &'static str| -> Option<u16> {
            let v = get(key)?;
            match parse_decimal(&v).filter(|y| y.fract() == 0.0 && (1900.0..=2100.0).contains(y)) {
                Some(y) => Some(y as u16),
                None => {
                    bad.push(key);
                    None
                }
            }
        };
        st.from_year = year("from");
        st.to_year = year("to");
        if let Some(s) = get("sort") {
            let (name, desc) = match s.strip_prefix('-') {
                Some(rest) => (rest.to_owned(), true),
                None => (s, false),
            };
            match Column::from_wire(&name) {
                Some(c) => {
                    st.sort = c;
                    st.descending = desc;
                }
                None => bad.push("sort"),
            }
        }
        if let Some(p) = get("page") {
            match p.parse::<usize>() {
                Ok(n @ 1..=1_000_000) => st.page = n - 1,
                _ => bad.push("page"),
            }
        }
        st.at = crate::time::from_query(&get, &mut bad);
        crate::sort_short(&mut st.headlines);
        crate::sort_short(&mut st.origins);
        crate::sort_short(&mut st.forms);
        crate::sort_short(&mut st.laender);
        crate::sort_short(&mut st.sizes);
        (st, bad)
    }

    /// Query pairs for this state; defaults are left out.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let join = |items: Vec<&str>| items.join(",");
        if !self.query.trim().is_empty() {
            q.push(("q", self.query.clone()));
        }
        if !self.headlines.is_empty() {
            let names = self.headlines.iter().map(|h| headline_wire(*h)).collect();
            q.push(("model", join(names)));
        }
        if !self.origins.is_empty() {
            q.push((
                "origin",
                join(
                    self.origins
                        .iter()
                        .map(|o| o.map_or("unknown", Origin::wire))
                        .collect(),
                ),
            ));
        }
        if !self.forms.is_empty() {
            q.push(("form", join(self.forms.iter().map(|f| f.wire()).collect())));
        }
        if !self.laender.is_empty() {
            q.push((
                "land",
                join(self.laender.iter().map(|l| l.code()).collect()),
            ));
        }
        if !self.sizes.is_empty() {
            q.push(("size", join(self.sizes.iter().map(|s| s.wire()).collect())));
        }
        if let Some(y) = self.from_year {
            q.push(("from", y.to_string()));
        }
        if let Some(y) = self.to_year {
            q.push(("to", y.to_string()));
        }
        if self.sort != Column::Name || self.descending {
            q.push((
                "sort",
                format!(
                    "{}{}",
                    if self.descending { "-" } else { "" },
                    self.sort.wire()
                ),
            ));
        }
        if self.page > 0 {
            q.push(("page", (self.page + 1).to_string()));
        }
        crate::time::to_query(self.at, &mut q);
        q
    }
}

/// The dataset's entries for `hits` (positions in `summaries`, the index), in that order: what a
/// download of the explorer's view contains. The index is written from the dataset entity for
/// entity, so the same position normally holds the same entity; if the two files come from
/// different versions, an entry is found by its id, and one the dataset no longer has is left
/// out.
pub fn entries_of<'a>(hits: &[usize], summaries: &[Summary], all: &'a [Entity]) -> Vec<&'a Entity> {
    hits.iter()
        .filter_map(|&i| entry_at(all, i, &summaries.get(i)?.id))
        .collect()
}

/// The entry of `all` for the summary at `i` with `id`: at the same position, or found by id.
fn entry_at<'a>(all: &'a [Entity], i: usize, id: &str) -> Option<&'a Entity> {
    all.get(i)
        .filter(|e| e.id == id)
        .or_else(|| all.iter().find(|e| e.id == id))
}

/// The context notes of each of `summaries` ([`Entity::notes`]), from the dataset's entries
/// (found as [`entries_of`] finds them; an entry the dataset does not have has none).
pub fn notes_of(summaries: &[Summary], all: &[Entity]) -> Vec<String> {
    summaries
        .iter()
        .enumerate()
        .map(|(i, s)| {
            entry_at(all, i, &s.id)
                .map(Entity::notes)
                .unwrap_or_default()
        })
        .collect()
}

/// The URL spelling of a headline model (shared with the map's legend and the downloads).
pub fn headline_wire(h: Headline) -> &'static str {
    crate::map::Axis::Headline
        .category_wire(Headline::ALL.iter().position(|x| *x == h).unwrap_or(0))
}

/// Entities per facet value, indexed like `Headline::ALL`, `Origin::ALL` (+ unknown last),
/// `Form::ALL`, `Land::ALL` and `SizeClass::ALL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub headline: Vec<usize>,
    pub origin: Vec<usize>,
    pub form: Vec<usize>,
    pub land: Vec<usize>,
    pub size: Vec<usize>,
}

/// An entity's value index on each facet.
struct FacetValues {
    headline: usize,
    origin: usize,
    form: usize,
    /// `None` for the federal level.
    land: Option<usize>,
    size: usize,
}

impl FacetValues {
    fn of(e: &Summary) -> FacetValues {
        let pos = |found: Option<usize>| found.unwrap_or(0);
        let model = e.model();
        // Without a post in force at the date shown: no model value (counted for none).
        let none = e.standing() != Standing::Active;
        let or_none = |v: usize| if none { usize::MAX } else { v };
        FacetValues {
            headline: or_none(pos(Headline::ALL
                .iter()
                .position(|h| *h == model.headline()))),
            origin: or_none(model.origin.map_or(Origin::ALL.len(), |o| {
                pos(Origin::ALL.iter().position(|x| *x == o))
            })),
            form: or_none(pos(Form::ALL.iter().position(|f| *f == model.form))),
            land: e
                .land
                .and_then(|land| Land::ALL.iter().position(|l| *l == land)),
            size: pos(SizeClass::ALL.iter().position(|c| *c == SizeClass::of(e))),
        }
    }
}

fn push_once(bad: &mut Vec<&'static str>, key: &'static str) {
    if !bad.contains(&key) {
        bad.push(key);
    }
}

/// Column order, reversed when `desc`; unknown values sort last either way.
/// `a` and `b` in `column`, each with its row and its key of the office or holder column.
fn compare(
    column: Column,
    desc: bool,
    (a, ra, ka): (&Summary, &Row, Option<&str>),
    (b, rb, kb): (&Summary, &Row, Option<&str>),
) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let dir = |o: Ordering| if desc { o.reverse() } else { o };
    let opt = |a: Option<u64>, b: Option<u64>| -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => dir(Ord::cmp(&a, &b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    };
    let day = |d: Option<PartialDate>| {
        let d = d?;
        Some(
            u64::from(d.year) * 10_000
                + u64::from(d.month.unwrap_or(0)) * 100
                + u64::from(d.day.unwrap_or(0)),
        )
    };
    match column {
        Column::Name => dir(ra.name_key.cmp(&rb.name_key)),
        Column::Land => match (a.land, b.land) {
            (Some(x), Some(y)) => dir(x.code().cmp(y.code())),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        Column::Kind => dir(a.kind.cmp(&b.kind)),
        Column::Model => dir(a.model().headline().cmp(&b.model().headline())),
        Column::Origin => opt(
            a.model().origin.map(|o| o as u64),
            b.model().origin.map(|o| o as u64),
        ),
        Column::Form => dir(a.model().form.cmp(&b.model().form)),

        Column::Since => opt(day(a.since), day(b.since)),
        Column::Confirmed => opt(day(a.confirmed), day(b.confirmed)),
        Column::Population => opt(a.population, b.population),
        Column::Office | Column::Holder => match (ka, kb) {
            (Some(x), Some(y)) => dir(x.cmp(y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}
