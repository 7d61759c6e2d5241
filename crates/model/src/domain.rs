//! Validated domain types: what the app may rely on once [`crate::validate`] has accepted an entry.
//!
//! Every value here has been checked (ids are slugs, URLs are http(s), coordinates lie in Germany,
//! dates are real and not in the future, every fact cites a source of its entity).

use crate::date::PartialDate;

/// For an enum spelled in the dataset as snake_case strings: `ALL`, `WIRE` (the spellings, in
/// the same order), `from_wire`, `wire`; with the `schema` feature also its JSON Schema and a
/// serde `Deserialize` for the schema's raw types. One list, so they cannot drift apart.
macro_rules! wire_enum {
    ($ty:ident { $($variant:ident = $wire:literal),* $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];
            pub const WIRE: &'static [&'static str] = &[$($wire),*];

            pub fn from_wire(s: &str) -> Option<$ty> {
                match s {
                    $($wire => Some($ty::$variant),)*
                    _ => None,
                }
            }

            pub fn wire(self) -> &'static str {
                match self {
                    $($ty::$variant => $wire,)*
                }
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": $ty::WIRE })
            }
        }

        #[cfg(feature = "schema")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                $ty::from_wire(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, $ty::WIRE))
            }
        }
    };
}

/// The whole accepted dataset: its entities in full (`Dataset`), or the summaries of its index
/// (`Dataset<Summary>`, see [`Summary`]). The header is the same for both.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset<E = Entity> {
    pub schema_version: SchemaVersion,
    /// "Stand": when the facts were last checked.
    pub as_of: PartialDate,
    pub licence: String,
    pub compiled_by: Option<String>,
    /// Large cities the editors' sources found no form of digital leadership for: not entries,
    /// but named so that readers see the gap and can report one (since 2.0, optional).
    pub not_covered: Vec<Uncovered>,
    /// The editors' figures ([`crate::check::figures`]): computed for a dataset's summaries,
    /// read from an index's header; `None` in a dataset as read.
    pub figures: Option<crate::check::Figures>,
    /// The data's own version (since schema 2.1, optional: older files have none).
    pub data_version: Option<DataVersion>,
    /// The data changelog, newest first: read from an index's header (written by xtask from
    /// `cdo-atlas.changelog.json`); empty in a dataset as read.
    pub changes: Vec<Change>,
    /// The files published with the dataset and their sizes: read from an index's header
    /// (written by xtask), for the about page; empty in a dataset as read.
    pub files: Vec<DataFile>,
    pub entities: Vec<E>,
}

/// The version of the data, `MAJOR.MINOR.PATCH`, apart from the format's [`SchemaVersion`]:
/// MAJOR when a reuser's reading breaks (an id removed or renamed, a value of the taxonomy
/// removed or redefined, a new schema major), MINOR when something is added (entries, periods,
/// facts, header fields, a value of the taxonomy) or an entry is reclassified, PATCH for
/// corrections (docs/DATA.md, "Versions").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DataVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl DataVersion {
    /// `MAJOR.MINOR.PATCH`: three numbers of ASCII digits without a leading zero (Semantic
    /// Versioning's core, no pre-release or build suffix).
    pub fn parse(s: &str) -> Option<DataVersion> {
        let mut parts = s.split('.').map(|p| {
            let digits = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
            (digits && (p == "0" || !p.starts_with('0')))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        });
        let (major, minor, patch) = (parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(DataVersion {
            major,
            minor,
            patch,
        })
    }
}

impl std::fmt::Display for DataVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// An entry of the data changelog (`public/data/cdo-atlas.changelog.json`): what changed in
/// the data, when, in both languages, and which entries were added or changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// `None` for the changes made before the data had a version.
    pub version: Option<DataVersion>,
    pub date: PartialDate,
    pub text: Localized,
    /// Ids of entries added.
    pub added: Vec<String>,
    /// Ids of entries changed.
    pub changed: Vec<String>,
}

impl Change {
    /// Whether this change added or changed the entry `id`.
    pub fn concerns(&self, id: &str) -> bool {
        self.added.iter().chain(&self.changed).any(|a| a == id)
    }
}

/// A file published with the dataset (in `public/data/`) and its size in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFile {
    pub name: String,
    pub bytes: u64,
}

/// A large city not in the dataset yet ([`Dataset::not_covered`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncovered {
    pub name: String,
    pub ags: Option<Ags>,
}

impl<E: Identified> Dataset<E> {
    pub fn entity(&self, id: &str) -> Option<&E> {
        self.entities.iter().find(|e| e.id() == id)
    }
}

impl Dataset {
    /// The index of this dataset: the same header, each entity's [`Summary`].
    pub fn summaries(&self) -> Dataset<Summary> {
        Dataset {
            schema_version: self.schema_version,
            as_of: self.as_of,
            licence: self.licence.clone(),
            compiled_by: self.compiled_by.clone(),
            not_covered: self.not_covered.clone(),
            figures: Some(crate::check::figures(self)),
            data_version: self.data_version,
            changes: self.changes.clone(),
            files: self.files.clone(),
            entities: self.entities.iter().map(Summary::of).collect(),
        }
    }
}

/// An entry of a dataset, found by its id.
pub trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Entity {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Summary {
    fn id(&self) -> &str {
        &self.id
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemaVersion {
    pub major: u32,
    pub minor: u32,
}

impl std::fmt::Display for SchemaVersion {
    /// As the files spell it: `1.1`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The schema major versions this build reads: 1 (one `office` per entity) and 2 (its history
/// as `periods`). A 1.x entity is read as one period (`validate.rs`), so everything past the
/// boundary sees periods only. A reader for the next major ships before any file of it is
/// published (README, "Deploying").
pub const SUPPORTED_MAJORS: [u32; 2] = [1, 2];

/// The schema version the project's files are written in (2.1: the header's optional
/// `data_version`).
pub const CURRENT_SCHEMA: SchemaVersion = SchemaVersion { major: 2, minor: 1 };

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Lower-case slug, unique in the dataset; used in URLs.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// `None` only for the federal level.
    pub land: Option<Land>,
    /// A city's Amtlicher Gemeindeschlüssel (8 digits).
    pub ags: Option<Ags>,
    pub coordinates: Coordinates,
    pub population: Option<Population>,
    /// How digital leadership was arranged, oldest first; never empty.
    pub periods: Vec<Period>,
    pub context: Vec<Text>,
    pub interview: Option<Interview>,
    pub sources: Vec<Source>,
}

/// One arrangement of an entity's digital leadership: its post or unit, classified, with the
/// people who held it. A new period begins when the title, the form or the origin changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub post: Post,
    /// The sources that state the title and form.
    pub sources: Vec<String>,
    pub since: Option<Dated>,
    /// `None`: no end is documented. The last period with an end: the post was abolished.
    pub until: Option<Dated>,
    /// Oldest first.
    pub holders: Vec<Holder>,
    pub reporting_line: Option<Text>,
}

impl Period {
    /// The holder in office now (or when the period ended): the most recent one, if no end
    /// date is recorded for them.
    pub fn current_holder(&self) -> Option<&Holder> {
        self.holders.last().filter(|h| h.until.is_none())
    }

    /// Every source id the period's facts cite: the post, its dates, the holders, the
    /// reporting line.
    pub fn citations(&self) -> impl Iterator<Item = &str> {
        let dated = [&self.since, &self.until]
            .into_iter()
            .flatten()
            .flat_map(|d| &d.sources);
        let holders = self.holders.iter().flat_map(|h| &h.sources);
        let line = self.reporting_line.iter().flat_map(|t| &t.sources);
        self.sources
            .iter()
            .chain(dated)
            .chain(holders)
            .chain(line)
            .map(String::as_str)
    }

    /// The earliest day the period is known to have been in force: its start, else the
    /// earliest start of a holder. `None`: nothing dates it.
    pub fn start(&self) -> Option<PartialDate> {
        start(
            self.since.as_ref().map(|d| d.date),
            self.holders.iter().map(|h| h.since),
        )
    }
}

/// A period's start: its own, else the earliest of its holders'.
fn start(
    since: Option<PartialDate>,
    holders: impl Iterator<Item = Option<PartialDate>>,
) -> Option<PartialDate> {
    since.or_else(|| holders.flatten().min_by(|a, b| a.chronological(b)))
}

/// What an entity's digital leadership was on a date ([`Entity::model_at`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ModelAt<'a> {
    /// No period had begun.
    NotYet,
    In(&'a Period),
    /// The last period that had begun had ended, with no successor by then.
    Ended(&'a Period),
}

impl Entity {
    /// The seam every view goes through for "the model of this entity": the latest period
    /// (today's arrangement, or the last one if the post was abolished).
    pub fn current(&self) -> &Period {
        self.periods.last().expect("validated: at least one period")
    }

    /// The context notes in both languages, joined by [`SEARCH_SEPARATOR`]: what a full-text
    /// search finds beyond [`Summary::search`].
    pub fn notes(&self) -> String {
        self.context
            .iter()
            .flat_map(|c| [&*c.text.de, &*c.text.en])
            .collect::<Vec<_>>()
            .join(SEARCH_SEPARATOR)
    }

    /// The model shown for this entity today ([`Entity::current`]'s post).
    pub fn model(&self) -> &Post {
        &self.current().post
    }

    /// The holder in office now ([`Period::current_holder`] of the current period).
    pub fn current_holder(&self) -> Option<&Holder> {
        self.current().current_holder()
    }

    /// "Seit": since when the current holder is in office; with no one in office, since when
    /// the current period is in force. A holder without a start date has none (the post's
    /// date would claim a date no source gives for the person).
    pub fn since(&self) -> Option<PartialDate> {
        match self.current_holder() {
            Some(h) => h.since,
            None => self.current().since.as_ref().map(|d| d.date),
        }
    }

    /// When digital leadership began: the start of the first period.
    pub fn established(&self) -> Option<&Dated> {
        self.periods.first().and_then(|p| p.since.as_ref())
    }

    /// When the post ended with no successor (abolished), if it did.
    pub fn ended(&self) -> Option<PartialDate> {
        self.current().until.as_ref().map(|d| d.date)
    }

    /// The model on `date`: the latest period that had begun by then (a start known only as
    /// "2018" counts from 1 January 2018), unless it had ended before `date` (an end known
    /// only as "2022" lasts through 2022). A period nothing dates counts from the day after
    /// the period before it ended, else from when that one began (periods are listed oldest
    /// first), and the first from the beginning.
    pub fn model_at(&self, date: PartialDate) -> ModelAt<'_> {
        let day = date.first_day();
        let mut found = None;
        // When the period before ended, else when it began: where an undated one begins.
        let mut previous = None;
        for p in &self.periods {
            let start = p.start().map(|s| s.first_day()).or(previous);
            if start.is_none_or(|s| s <= day) {
                found = Some(p);
            }
            previous = p.until.as_ref().map(|u| u.date.day_after()).or(start);
        }
        match found {
            None => ModelAt::NotYet,
            Some(p) => match &p.until {
                Some(u) if u.date.ends_before(&date) => ModelAt::Ended(p),
                _ => ModelAt::In(p),
            },
        }
    }

    /// The entity as the data knew it on `date`: its periods up to the one in force (or the one
    /// that had ended, [`ModelAt::Ended`]), that period's holders who had begun, and no end
    /// that came later (a period or holder in office then reads as in office). `None`: no period
    /// had begun ([`ModelAt::NotYet`]). Compare and the downloads show an entity at a date
    /// through this, with the same wording as today's; its sources stay whole.
    pub fn as_of(&self, date: PartialDate) -> Option<Entity> {
        let (found, ended) = match self.model_at(date) {
            ModelAt::NotYet => return None,
            ModelAt::In(p) => (p, false),
            ModelAt::Ended(p) => (p, true),
        };
        let k = self.periods.iter().position(|p| std::ptr::eq(p, found))?;
        let day = date.first_day();
        let mut e = self.clone();
        e.periods.truncate(k + 1);
        let p = &mut e.periods[k];
        if !ended {
            p.until = None;
        }
        // A holder without a start counts from when the one before left, else began (as
        // `time::holder`); one who had left by the date keeps their end.
        let mut previous = None;
        p.holders.retain_mut(|h| {
            let start = h.since.map(|s| s.first_day()).or(previous);
            previous = h.until.map(|u| u.day_after()).or(start);
            if h.until.is_some_and(|u| u.day_after() > day) {
                h.until = None;
            }
            start.is_none_or(|s| s <= day)
        });
        Some(e)
    }

    /// The newest dated source among `ids` ("zuletzt belegt"): how old the evidence is.
    pub fn newest_source<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Option<PartialDate> {
        ids.into_iter()
            .filter_map(|id| self.sources.iter().find(|s| s.id == id)?.date)
            .max_by(|a, b| a.chronological(b))
    }

    /// When the current period was last confirmed ([`Entity::period_confirmed`]).
    pub fn confirmed(&self) -> Option<PartialDate> {
        self.period_confirmed(self.current())
    }

    /// When a period was last confirmed: its newest dated source, or the newest date its
    /// sources report if that is later (a page that reports an appointment in May 2024 is from
    /// May 2024 or later, dated or not).
    pub fn period_confirmed(&self, p: &Period) -> Option<PartialDate> {
        let reported = [&p.since, &p.until]
            .into_iter()
            .flatten()
            .map(|d| d.date)
            .chain(p.holders.iter().flat_map(|h| [h.since, h.until]).flatten());
        latest(
            self.newest_source(p.citations())
                .into_iter()
                .chain(reported),
        )
    }

    /// When a holder was last confirmed: the newest dated source of their entry, or their
    /// start or end if later.
    pub fn holder_confirmed(&self, h: &Holder) -> Option<PartialDate> {
        let own = self.newest_source(h.sources.iter().map(String::as_str));
        latest(own.into_iter().chain(h.since).chain(h.until))
    }
}

/// The latest of `dates` (an approximate date counts as the date it approximates).
fn latest(dates: impl Iterator<Item = PartialDate>) -> Option<PartialDate> {
    dates
        .map(|d| PartialDate { approx: false, ..d })
        .max_by(|a, b| a.chronological(b))
}

/// Evidence older than this year (or undated) may no longer hold for a post still in force:
/// readers see "möglicherweise nicht mehr aktuell" and a link to report an update.
pub const STALE_BEFORE_YEAR: u16 = 2022;

/// Whether a fact still in force that was `confirmed` then may be out of date.
pub fn may_be_stale(confirmed: Option<PartialDate>) -> bool {
    confirmed.is_none_or(|d| d.year < STALE_BEFORE_YEAR)
}

/// An Amtlicher Gemeindeschlüssel: 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde). Kept as
/// its 8 bytes, not a `String`: one allocation fewer per entity read, and per entity a list at a
/// date copies (docs/PERFORMANCE.md, "The first load after the atlas at a date").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ags([u8; 8]);

impl Ags {
    pub fn parse(s: &str) -> Option<Ags> {
        let digits: [u8; 8] = s.as_bytes().try_into().ok()?;
        digits.iter().all(u8::is_ascii_digit).then_some(Ags(digits))
    }

    pub fn as_str(&self) -> &str {
        // ASCII digits, as `parse` checked.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// What every list of entities shows, filters and sorts by (overview, map, explorer, charts, the
/// picks): an [`Entity`] without its history, texts and sources. The app reads these from the
/// dataset's index (`cdo-atlas.index.json`, written from the dataset by `cargo run -p xtask --
/// index`), so that a first visit does not parse and validate every entity's details; profile
/// and compare read the dataset itself. ARCHITECTURE.md, "The index".
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub land: Option<Land>,
    pub ags: Option<Ags>,
    pub coordinates: Coordinates,
    /// Inhabitants: the figure only (its year and sources are the entity's).
    pub population: Option<u64>,
    /// [`Entity::model`]; read through [`Summary::model`], the seam (crate-private so that no
    /// view reads it past that).
    pub(crate) post: Post,
    /// When digital leadership began ([`Entity::established`]).
    pub established: Option<PartialDate>,
    /// The name of the holder in office now ([`Entity::current_holder`]).
    pub holder: Option<std::sync::Arc<str>>,
    /// [`Entity::since`].
    pub since: Option<PartialDate>,
    /// [`Entity::ended`].
    pub ended: Option<PartialDate>,
    /// [`Entity::confirmed`].
    pub confirmed: Option<PartialDate>,
    /// The other texts a search finds the entity by without the dataset: every holder's name
    /// and the earlier offices' titles, joined by [`SEARCH_SEPARATOR`]. The context notes, four
    /// fifths of the text, are in the dataset only ([`Entity::notes`]): the explorer reads them
    /// once a search is typed, so that a first visit does not carry them.
    pub search: std::sync::Arc<str>,
    /// Every period, oldest first, briefly: what the lists need to show the entity at a date
    /// ([`crate::time::state_at`], the seam; read through [`Summary::periods`]). Never empty.
    pub(crate) periods: crate::time::Periods,
    /// Whether it had a post at the date a list shows ([`crate::time::summaries_at`]); in the
    /// index, always [`Standing::Active`] (today's arrangement, as the other fields say).
    pub(crate) standing: Standing,
}

/// Where an entity stands at the date a list shows it: with a post in force (the fields say
/// which), with none yet ("noch keine Stelle"), or with its post abolished ("abgeschafft").
/// Neither of the last two is a model: lists show them apart, never in a model's colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Standing {
    #[default]
    Active,
    NoPost,
    Abolished,
}

/// A [`Period`] as the lists know it: its post, its dates and its holders' names with their
/// dates, without texts and sources (index column `periods`, since index 1.4).
#[derive(Clone, Debug)]
pub struct PeriodSummary {
    pub post: Post,
    /// The period's own start ([`Period::since`]), as the data gives it.
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// Oldest first.
    pub holders: Vec<HolderSummary>,
    /// The days it takes effect and ends, worked out by [`crate::time::Periods::new`] from
    /// these dates and the periods before it (default until then).
    pub(crate) days: crate::time::PeriodDays,
}

/// What the data says; the days follow from it.
impl PartialEq for PeriodSummary {
    fn eq(&self, other: &Self) -> bool {
        self.post == other.post
            && self.since == other.since
            && self.until == other.until
            && self.holders == other.holders
    }
}

/// A [`Holder`] as the lists know it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolderSummary {
    pub name: std::sync::Arc<str>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
}

impl PeriodSummary {
    pub fn new(
        post: Post,
        since: Option<PartialDate>,
        until: Option<PartialDate>,
        holders: Vec<HolderSummary>,
    ) -> PeriodSummary {
        PeriodSummary {
            post,
            since,
            until,
            holders,
            days: Default::default(),
        }
    }

    pub fn of(p: &Period) -> PeriodSummary {
        let holders = p.holders.iter().map(|h| HolderSummary {
            name: h.name.as_str().into(),
            since: h.since,
            until: h.until,
        });
        PeriodSummary::new(
            p.post.clone(),
            p.since.as_ref().map(|d| d.date),
            p.until.as_ref().map(|d| d.date),
            holders.collect(),
        )
    }

    /// [`Period::start`]: its own start, else its earliest holder's; `None`: nothing dates it.
    pub fn start(&self) -> Option<PartialDate> {
        start(self.since, self.holders.iter().map(|h| h.since))
    }
}

/// Between the texts of [`Summary::search`]. Not a line break: JSON escapes that (`\n`), and an
/// escaped string cannot be borrowed from the file but is copied by the parser first — for
/// 10,000 entities, 10,000 more allocations in the index's parse (docs/PERFORMANCE.md). Search
/// matches words, so what stands between two texts does not change what it finds.
pub const SEARCH_SEPARATOR: &str = " · ";

impl Summary {
    pub fn of(e: &Entity) -> Summary {
        let holders = e.periods.iter().flat_map(|p| &p.holders);
        let titles = e.periods.iter().rev().skip(1).map(|p| &*p.post.title);
        let search = holders
            .map(|h| h.name.as_str())
            .chain(titles)
            .collect::<Vec<_>>()
            .join(SEARCH_SEPARATOR);
        Summary {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            land: e.land,
            ags: e.ags,
            coordinates: e.coordinates,
            population: e.population.as_ref().map(|p| p.value),
            post: e.model().clone(),
            established: e.established().map(|d| d.date),
            holder: e.current_holder().map(|h| h.name.as_str().into()),
            since: e.since(),
            ended: e.ended(),
            confirmed: e.confirmed(),
            search: search.into(),
            periods: crate::time::Periods::new(e.periods.iter().map(PeriodSummary::of)),
            standing: Standing::Active,
        }
    }

    /// Every period, oldest first, briefly (never empty). To show the entity at a date, go
    /// through [`crate::time::state_at`].
    pub fn periods(&self) -> &[PeriodSummary] {
        self.periods.list()
    }

    /// The periods with their days ([`crate::time::Periods`]).
    pub(crate) fn dated(&self) -> &crate::time::Periods {
        &self.periods
    }

    /// The model shown for this entity today: the seam every list goes through
    /// ([`Entity::model`]).
    pub fn model(&self) -> &Post {
        &self.post
    }

    /// Whether [`Summary::model`] is in force at the list's date: if not, a list shows "no post
    /// yet" or "abolished" in its place ([`crate::time::summaries_at`]).
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// Whether the model, still in force by the data, may be out of date: its newest evidence
    /// is older than [`STALE_BEFORE_YEAR`] or undated ([`may_be_stale`]). A model that ended is
    /// history, not out of date.
    pub fn may_be_stale(&self) -> bool {
        self.ended.is_none() && may_be_stale(self.confirmed)
    }
}

/// A post or unit and its classification on the two axes (without its sources).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// Shared (`Arc`): a summary's post and its periods' are the same text, and the lists
    /// copy it at every date they show (docs/PERFORMANCE.md, "The index's parse").
    pub title: std::sync::Arc<str>,
    pub origin: Option<Origin>,
    pub form: Form,
}

impl Post {
    pub fn headline(&self) -> Headline {
        Headline::derive(self.origin, self.form)
    }
}

/// Cities first, then Länder, then the federal level (the explorer's sort by kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    City,
    Land,
    /// The federal level (it has no Land).
    Federal,
}

wire_enum!(Kind {
    City = "city",
    Land = "land",
    Federal = "federal",
});

/// A German Land, by its ISO 3166-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Land {
    BW,
    BY,
    BE,
    BB,
    HB,
    HH,
    HE,
    MV,
    NI,
    NW,
    RP,
    SL,
    SN,
    ST,
    SH,
    TH,
}

impl Land {
    pub const ALL: [Land; 16] = [
        Land::BW,
        Land::BY,
        Land::BE,
        Land::BB,
        Land::HB,
        Land::HH,
        Land::HE,
        Land::MV,
        Land::NI,
        Land::NW,
        Land::RP,
        Land::SL,
        Land::SN,
        Land::ST,
        Land::SH,
        Land::TH,
    ];

    /// ISO 3166-2 code, e.g. `DE-HE`.
    pub fn code(self) -> &'static str {
        match self {
            Land::BW => "DE-BW",
            Land::BY => "DE-BY",
            Land::BE => "DE-BE",
            Land::BB => "DE-BB",
            Land::HB => "DE-HB",
            Land::HH => "DE-HH",
            Land::HE => "DE-HE",
            Land::MV => "DE-MV",
            Land::NI => "DE-NI",
            Land::NW => "DE-NW",
            Land::RP => "DE-RP",
            Land::SL => "DE-SL",
            Land::SN => "DE-SN",
            Land::ST => "DE-ST",
            Land::SH => "DE-SH",
            Land::TH => "DE-TH",
        }
    }

    pub fn from_code(code: &str) -> Option<Land> {
        Land::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

impl Coordinates {
    /// A generous bounding box around Germany (List auf Sylt to Oberstdorf, Isenbruch to Görlitz).
    pub const LAT_RANGE: std::ops::RangeInclusive<f64> = 47.2..=55.1;
    pub const LON_RANGE: std::ops::RangeInclusive<f64> = 5.8..=15.1;

    pub fn in_germany(&self) -> bool {
        Self::LAT_RANGE.contains(&self.lat) && Self::LON_RANGE.contains(&self.lon)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    pub value: u64,
    pub year: u16,
    pub sources: Vec<String>,
}

/// Axis 1 — where the person who took the post came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// A university or research institute.
    Academia,
    /// The entity's own administration.
    Internal,
    /// A company.
    PrivateSector,
    /// Another public body (another city, a ministry).
    PublicSector,
    /// Elected politics.
    Politics,
}

wire_enum!(Origin {
    Academia = "academia",
    Internal = "internal",
    PrivateSector = "private_sector",
    PublicSector = "public_sector",
    Politics = "politics",
});

/// Axis 2 — how digital leadership is organised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// A paid CDO post (or an equivalent single post such as a Digitalisierungsbeauftragter).
    CdoPost,
    /// A CDO who serves in an honorary capacity.
    HonoraryCdo,
    /// A digital agency or company instead of a CDO.
    Agency,
    /// A Dezernat or Referat of the administration led by an elected or appointed head.
    Department,
    /// A Stabsstelle (staff unit) without a CDO title.
    StaffUnit,
    /// An Amt, Fachbereich or Fachdienst of the administration: a unit in the line organisation,
    /// led by a career official rather than an elected head (whatever title the head carries).
    AdministrativeUnit,
    /// A Land or federal ministry, state secretary or government commissioner.
    StateGovernment,
    /// Anything else (e.g. a Chief Information/Innovation Office, a Geschäftsstelle).
    Other,
}

wire_enum!(Form {
    CdoPost = "cdo_post",
    HonoraryCdo = "honorary_cdo",
    Agency = "agency",
    Department = "department",
    StaffUnit = "staff_unit",
    AdministrativeUnit = "administrative_unit",
    StateGovernment = "state_government",
    Other = "other",
});

/// The headline model readers see first, derived from both axes — never stored.
///
/// For a CDO post the origin tells the models apart ("CDO aus der Wissenschaft", "intern besetzt",
/// …); for every other form the form itself is the headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Headline {
    CdoFromAcademia,
    CdoInternal,
    CdoFromPrivateSector,
    CdoFromPublicSector,
    CdoFromPolitics,
    CdoOriginUnknown,
    HonoraryCdo,
    AgencyInsteadOfCdo,
    Department,
    StaffUnit,
    StateGovernment,
    AdministrativeUnit,
    Other,
}

impl Headline {
    pub const ALL: [Headline; 13] = [
        Headline::CdoFromAcademia,
        Headline::CdoInternal,
        Headline::CdoFromPrivateSector,
        Headline::CdoFromPublicSector,
        Headline::CdoFromPolitics,
        Headline::CdoOriginUnknown,
        Headline::HonoraryCdo,
        Headline::AgencyInsteadOfCdo,
        Headline::Department,
        Headline::StaffUnit,
        Headline::StateGovernment,
        Headline::AdministrativeUnit,
        Headline::Other,
    ];

    /// Whether the headline names the origin of the person who leads (a CDO's: "CDO aus der
    /// Wissenschaft"); the others name only the form, and a list shows the origin beside them.
    pub fn states_origin(self) -> bool {
        matches!(
            self,
            Headline::CdoFromAcademia
                | Headline::CdoInternal
                | Headline::CdoFromPrivateSector
                | Headline::CdoFromPublicSector
                | Headline::CdoFromPolitics
                | Headline::CdoOriginUnknown
        )
    }

    pub fn derive(origin: Option<Origin>, form: Form) -> Headline {
        match form {
            Form::CdoPost => match origin {
                Some(Origin::Academia) => Headline::CdoFromAcademia,
                Some(Origin::Internal) => Headline::CdoInternal,
                Some(Origin::PrivateSector) => Headline::CdoFromPrivateSector,
                Some(Origin::PublicSector) => Headline::CdoFromPublicSector,
                Some(Origin::Politics) => Headline::CdoFromPolitics,
                None => Headline::CdoOriginUnknown,
            },
            Form::HonoraryCdo => Headline::HonoraryCdo,
            Form::Agency => Headline::AgencyInsteadOfCdo,
            Form::Department => Headline::Department,
            Form::StaffUnit => Headline::StaffUnit,
            Form::StateGovernment => Headline::StateGovernment,
            Form::AdministrativeUnit => Headline::AdministrativeUnit,
            Form::Other => Headline::Other,
        }
    }
}

/// A date with the sources that give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    pub date: PartialDate,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Holder {
    pub name: String,
    pub role: Option<Localized>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub background: Option<Localized>,
    pub sources: Vec<String>,
}

/// A sourced statement in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub text: Localized,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Localized {
    pub de: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Interview {
    pub url: HttpUrl,
    pub title: Option<String>,
    pub interviewee: Option<String>,
    pub date: Option<PartialDate>,
    pub answers: Answers,
}

/// The series' questions, paraphrased; `None` where the interview does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub reasons: Option<Localized>,
    pub expectations: Option<Localized>,
    pub goals: Option<Localized>,
    pub measurement: Option<Localized>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub url: HttpUrl,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<PartialDate>,
    /// A political party's or parliamentary group's website (a weak source, shown as such).
    pub party: bool,
}

/// An absolute `http://` or `https://` URL — the only kind the app ever puts into an `href`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpUrl(String);

impl HttpUrl {
    /// Accepts `http(s)://host…` with a non-empty host and no whitespace or control characters.
    pub fn parse(s: &str) -> Option<HttpUrl> {
        let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &s[8..]
        } else if lower.starts_with("http://") {
            &s[7..]
        } else {
            return None;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        // Graphic ASCII needs no decoding; anything else is checked as a char.
        let clean = s.bytes().all(|b| b.is_ascii_graphic())
            || !s.chars().any(|c| c.is_whitespace() || c.is_control());
        (clean && !host.is_empty()).then(|| HttpUrl(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host without `www.`, for compact display.
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        host.strip_prefix("www.").unwrap_or(host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_versions_are_three_numbers() {
        let v = |major, minor, patch| DataVersion {
            major,
            minor,
            patch,
        };
        assert_eq!(DataVersion::parse("1.0.0"), Some(v(1, 0, 0)));
        assert_eq!(DataVersion::parse("0.10.200"), Some(v(0, 10, 200)));
        assert_eq!(v(2, 1, 3).to_string(), "2.1.3");
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0.0",
            "01.0.0",
            "1.00.0",
            "+1.0.0",
            "1.0.0-rc1",
            "1..0",
            "v1.0.0",
            " 1.0.0",
            "99999999999.0.0",
        ] {
            assert_eq!(DataVersion::parse(bad), None, "{bad:?}");
        }
        assert!(v(1, 10, 0) > v(1, 9, 9), "ordered as numbers");
    }

    #[test]
    fn only_http_and_https_urls_are_accepted() {
        for ok in [
            "https://vdz.org/x",
            "http://www.kommune21.de/meldung_28401.html",
            "HTTPS://A.DE",
        ] {
            assert!(HttpUrl::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "ftp://example.org",
            "//vdz.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "vdz.org",
            "",
        ] {
            assert!(HttpUrl::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn host_drops_scheme_path_and_www() {
        let url = HttpUrl::parse("https://www.rnz.de/nachrichten?x=1").unwrap();
        assert_eq!(url.host(), "rnz.de");
    }

    #[test]
    fn headline_is_the_origin_for_a_cdo_post_and_the_form_otherwise() {
        assert_eq!(
            Headline::derive(Some(Origin::Academia), Form::CdoPost),
            Headline::CdoFromAcademia
        );
        assert_eq!(
            Headline::derive(None, Form::CdoPost),
            Headline::CdoOriginUnknown
        );
        assert_eq!(
            Headline::derive(Some(Origin::Academia), Form::HonoraryCdo),
            Headline::HonoraryCdo
        );
        assert_eq!(
            Headline::derive(None, Form::Agency),
            Headline::AgencyInsteadOfCdo
        );
        assert_eq!(
            Headline::derive(Some(Origin::PrivateSector), Form::StateGovernment),
            Headline::StateGovernment
        );
    }

    #[test]
    fn a_headline_states_the_origin_exactly_when_it_names_a_cdo_post() {
        for &form in Form::ALL {
            for origin in Origin::ALL.iter().copied().map(Some).chain([None]) {
                let h = Headline::derive(origin, form);
                assert_eq!(h.states_origin(), form == Form::CdoPost, "{h:?}");
            }
        }
    }

    #[test]
    fn land_codes_round_trip() {
        for land in Land::ALL {
            assert_eq!(Land::from_code(land.code()), Some(land));
        }
        assert_eq!(Land::from_code("DE-XX"), None);
        assert_eq!(Land::from_code("de-he"), None);
    }
}
