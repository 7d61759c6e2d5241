//! What a profile shows, as plain data in one language: every fact already formatted, with its
//! citation marks. The view only places these (one element type per kind of line), which keeps
//! the wasm small and lets the wording be tested natively.

use std::borrow::Cow;

use cdo_model::time::{then_and_now, Step};
use cdo_model::{may_be_stale, Entity, Headline, Holder, Localized, ModelAt, PartialDate, Period};

use crate::{date, Lang};

/// A citation mark: "[2]" linking to the second source of the entity's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cite {
    /// `#src-<id>`.
    pub href: String,
    pub label: String,
}

/// A line of text with its citations; `text: None` shows as "unbekannt"/"unknown".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub label: &'static str,
    pub text: Option<String>,
    pub cites: Vec<Cite>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// DOM id the citation marks point to.
    pub anchor: String,
    /// An http(s) URL (validated by the model).
    pub url: String,
    pub label: String,
    /// Publisher and page date, if known.
    pub detail: String,
}

/// Everything below a profile's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Of the current period: office, form, origin, when it was last confirmed, when it ended;
    /// then when digital leadership began, reporting line, population.
    pub facts: Vec<Line>,
    /// One line per holder of the current period; `label` is empty, `text` reads "Name, role —
    /// since … · background · last confirmed: …".
    pub holders: Vec<Line>,
    /// The earlier periods, oldest first: "Title (form), since – until; holders · last
    /// confirmed: …".
    pub earlier: Vec<Line>,
    /// The holder in office by the data may be out of date (last confirmed before 2022, or
    /// undated): the profile offers to report an update.
    pub stale: bool,
    pub context: Vec<Line>,
    pub sources: Vec<SourceLine>,
}

/// The DOM id of a source in the profile's list.
pub fn source_anchor(source_id: &str) -> String {
    format!("src-{source_id}")
}

pub fn profile(e: &Entity, lang: Lang) -> Profile {
    let s = lang.strings();
    let cites = |ids: &[String]| -> Vec<Cite> {
        ids.iter()
            .filter_map(|id| {
                let n = e.sources.iter().position(|src| &src.id == id)? + 1;
                Some(Cite {
                    href: format!("#{}", source_anchor(id)),
                    label: format!("[{n}]"),
                })
            })
            .collect()
    };
    let line = |label, text: Option<String>, ids: &[String]| Line {
        label,
        text,
        cites: cites(ids),
    };
    let none: &[String] = &[];

    let current = e.current();
    let post = &current.post;
    let facts = vec![
        line(
            s.profile_office,
            Some(post.title.to_string()),
            &current.sources,
        ),
        line(
            s.profile_form,
            Some(crate::form(lang, post.form).to_owned()),
            none,
        ),
        line(
            s.profile_origin,
            post.origin.map(|o| crate::origin(lang, o).to_owned()),
            none,
        ),
        line(
            s.profile_last_confirmed,
            crate::confirmed_date(lang, e.confirmed()),
            none,
        ),
        match &current.until {
            Some(d) => line(s.profile_ended, Some(date(lang, d.date)), &d.sources),
            None => line(s.profile_ended, Some(s.profile_no_end.to_owned()), none),
        },
        match e.established() {
            Some(d) => line(s.profile_established, Some(date(lang, d.date)), &d.sources),
            None => line(s.profile_established, None, none),
        },
        match &current.reporting_line {
            Some(t) => line(
                s.profile_reporting_line,
                Some(text(lang, &t.text).to_owned()),
                &t.sources,
            ),
            None => line(s.profile_reporting_line, None, none),
        },
        match &e.population {
            Some(p) => {
                let value = format!(
                    "{} ({} {})",
                    crate::number(lang, p.value),
                    s.profile_population_year,
                    p.year
                );
                line(s.profile_population, Some(value), &p.sources)
            }
            None => line(s.profile_population, None, none),
        },
    ];
    // The holder in office by the data, if the period is still in force.
    let in_office = current.current_holder().filter(|_| current.until.is_none());
    let stale = in_office.is_some_and(|h| may_be_stale(e.holder_confirmed(h)));
    let holders = current
        .holders
        .iter()
        .map(|h| {
            let confirmed = e.holder_confirmed(h);
            let mut t = holder(h, lang);
            t.push_str(&format!(" · {}", crate::confirmed(lang, confirmed)));
            // Still in office by the data, but the evidence is old.
            if stale && in_office.is_some_and(|c| std::ptr::eq(c, h)) {
                t.push_str(&format!(" ({})", s.profile_stale));
            }
            line("", Some(t), &h.sources)
        })
        .collect();
    let earlier = e.periods[..e.periods.len() - 1]
        .iter()
        .map(|p| {
            // Each source once, in the order first cited.
            let mut cited: Vec<String> = Vec::new();
            for id in p.citations() {
                if !cited.iter().any(|c| c == id) {
                    cited.push(id.to_owned());
                }
            }
            line("", Some(period(e, p, lang)), &cited)
        })
        .collect();
    let context = e
        .context
        .iter()
        .map(|t| line("", Some(text(lang, &t.text).to_owned()), &t.sources))
        .collect();
    let sources = e
        .sources
        .iter()
        .map(|src| {
            // Link text: the page title, else the publisher, else the host.
            let label = src
                .title
                .clone()
                .or_else(|| src.publisher.clone())
                .unwrap_or_else(|| src.url.host().to_owned());
            let mut detail = String::new();
            if let (Some(_), Some(p)) = (&src.title, &src.publisher) {
                detail.push_str(&format!(" – {p}"));
            }
            if let Some(d) = src.date {
                detail.push_str(&format!(" ({}: {})", s.profile_source_date, date(lang, d)));
            }
            if src.party {
                detail.push_str(&format!(" – {}", s.profile_party_source));
            }
            SourceLine {
                anchor: source_anchor(&src.id),
                url: src.url.as_str().to_owned(),
                label,
                detail,
            }
        })
        .collect();
    Profile {
        facts,
        holders,
        earlier,
        stale,
        context,
        sources,
    }
}

/// The series' four questions with the paraphrased answers; `text: None` reads "nicht angegeben".
/// Empty when the entity has no series interview.
pub fn series(e: &Entity, lang: Lang) -> Vec<Line> {
    let s = lang.strings();
    let Some(interview) = &e.interview else {
        return Vec::new();
    };
    let a = &interview.answers;
    [
        (s.q_reasons, &a.reasons),
        (s.q_expectations, &a.expectations),
        (s.q_goals, &a.goals),
        (s.q_measurement, &a.measurement),
    ]
    .into_iter()
    .map(|(label, answer)| Line {
        label,
        text: answer.as_ref().map(|t| text(lang, t).to_owned()),
        cites: Vec::new(),
    })
    .collect()
}

/// One question of the series with every interviewed entity's answer, in dataset order (the
/// series page reads the interviews question by question).
#[derive(Clone, Debug)]
pub struct Question<'e> {
    pub label: &'static str,
    /// `None` reads "nicht angegeben": the interview does not say.
    pub answers: Vec<(&'e Entity, Option<String>)>,
}

/// The series' four questions, each with the answers of every entity that has a series
/// interview; empty when none has.
pub fn series_by_question(entities: &[Entity], lang: Lang) -> Vec<Question<'_>> {
    let interviewed: Vec<(&Entity, Vec<Line>)> = entities
        .iter()
        .filter(|e| e.interview.is_some())
        .map(|e| (e, series(e, lang)))
        .collect();
    let Some((_, first)) = interviewed.first() else {
        return Vec::new();
    };
    (0..first.len())
        .map(|k| Question {
            label: first[k].label,
            answers: interviewed
                .iter()
                .map(|(e, lines)| (*e, lines[k].text.clone()))
                .collect(),
        })
        .collect()
}

/// One dimension of the compare view: a label and one value per compared entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    pub label: &'static str,
    /// `None` reads "unbekannt", or "nicht angegeben" where `not_stated`.
    pub values: Vec<Option<String>>,
    /// A series answer: a missing value means the interview is silent, not that it is unknown.
    pub not_stated: bool,
    /// True if not all values are the same.
    pub differs: bool,
}

/// Every dimension of the compared entities, in profile order: model, the profile's facts,
/// holders, context, the series' answers, number of sources.
pub fn compare(entities: &[&Entity], lang: Lang) -> Vec<CompareRow> {
    let columns: Vec<(&Entity, Option<PartialDate>)> =
        entities.iter().map(|e| (*e, None)).collect();
    compare_at(&columns, lang)
}

/// [`compare`] with each column at a date of its own (`None`: today): the entity as the data
/// knew it then ([`Entity::as_of`]); the model reads "noch keine Stelle" or "abgeschafft" where
/// it was neither, and a column with no post yet has no facts. The series' answers and the
/// number of sources are the entity's, whatever the date.
pub fn compare_at(columns: &[(&Entity, Option<PartialDate>)], lang: Lang) -> Vec<CompareRow> {
    let s = lang.strings();
    let entities: Vec<&Entity> = columns.iter().map(|c| c.0).collect();
    let then: Vec<Option<Cow<Entity>>> = columns
        .iter()
        .map(|&(e, at)| match at {
            None => Some(Cow::Borrowed(e)),
            Some(d) => e.as_of(d).map(Cow::Owned),
        })
        .collect();
    let profiles: Vec<Option<Profile>> = then
        .iter()
        .zip(columns)
        .map(|(t, &(e, at))| {
            let t = t.as_ref()?;
            let mut p = profile(t, lang);
            if at.is_some() {
                evidence_of_now(&mut p, e, t, lang);
            }
            Some(p)
        })
        .collect();
    let labels = entities.first().map(|e| profile(e, lang).facts);
    let mut rows = Vec::new();
    let questions = [s.q_reasons, s.q_expectations, s.q_goals, s.q_measurement];
    let mut push = |label: &'static str, values: Vec<Option<String>>| {
        let differs = values.windows(2).any(|w| w[0] != w[1]);
        let not_stated = questions.contains(&label);
        rows.push(CompareRow {
            label,
            values,
            not_stated,
            differs,
        });
    };
    push(
        s.profile_model,
        columns
            .iter()
            .map(|&(e, at)| {
                Some(match at {
                    // Today: a post that ended with no successor was abolished.
                    None if e.ended().is_some() => s.state_abolished.to_owned(),
                    None => crate::headline(lang, e.model().headline()).to_owned(),
                    Some(d) => model_at(lang, e.model_at(d)).to_owned(),
                })
            })
            .collect(),
    );
    for (k, fact) in labels.as_deref().unwrap_or_default().iter().enumerate() {
        push(
            fact.label,
            profiles
                .iter()
                .map(|p| p.as_ref().and_then(|p| p.facts[k].text.clone()))
                .collect(),
        );
    }
    // Holders read "A; B"; context notes are sentences and read on as one text.
    let joined = |lines: &[Line], sep: &str| {
        (!lines.is_empty()).then(|| {
            lines
                .iter()
                .filter_map(|l| l.text.clone())
                .collect::<Vec<_>>()
                .join(sep)
        })
    };
    push(
        s.profile_holders,
        profiles
            .iter()
            .map(|p| joined(&p.as_ref()?.holders, "; "))
            .collect(),
    );
    push(
        s.profile_context,
        profiles
            .iter()
            .map(|p| joined(&p.as_ref()?.context, " "))
            .collect(),
    );
    let answers: Vec<Vec<Line>> = entities.iter().map(|e| series(e, lang)).collect();
    for (k, label) in questions.into_iter().enumerate() {
        push(
            label,
            answers
                .iter()
                .map(|a| a.get(k).and_then(|l| l.text.clone()))
                .collect(),
        );
    }
    push(
        s.profile_sources,
        entities
            .iter()
            .map(|e| Some(e.sources.len().to_string()))
            .collect(),
    );
    rows
}

/// An earlier period: "CIO (Andere Form), 2013 – 2020: Hartmut Beuß; Andreas Meyer-Falcke ·
/// zuletzt belegt: Mai 2020".
fn period(e: &Entity, p: &Period, lang: Lang) -> String {
    let s = lang.strings();
    let when = |d: &Option<cdo_model::Dated>| {
        d.as_ref()
            .map_or(s.unknown.to_owned(), |d| date(lang, d.date))
    };
    let mut out = format!(
        "{} ({}), {} – {}",
        p.post.title,
        crate::form(lang, p.post.form),
        when(&p.since),
        when(&p.until)
    );
    if !p.holders.is_empty() {
        let names: Vec<&str> = p.holders.iter().map(|h| h.name.as_str()).collect();
        out.push_str(&format!(": {}", names.join("; ")));
    }
    out.push_str(&format!(
        " · {}",
        crate::confirmed(lang, e.period_confirmed(p))
    ));
    out
}

/// "Prof. Dieter Rombach, Chief Digital Officer (ehrenamtlich) — 2017 – 31. März 2022"
fn holder(h: &Holder, lang: Lang) -> String {
    let s = lang.strings();
    let mut out = h.name.clone();
    if let Some(role) = &h.role {
        out.push_str(", ");
        out.push_str(text(lang, role));
    }
    let period = match (h.since, h.until) {
        (Some(a), Some(b)) => format!("{} – {}", date(lang, a), date(lang, b)),
        (Some(a), None) => format!("{} {}", s.profile_since, date(lang, a)),
        (None, Some(b)) => format!("{} {}", s.profile_until, date(lang, b)),
        (None, None) => format!("{}: {}", s.profile_period, s.unknown),
    };
    out.push_str(" — ");
    out.push_str(&period);
    if let Some(b) = &h.background {
        out.push_str(&format!(". {}: {}", s.profile_background, text(lang, b)));
    }
    out
}

/// A profile of an entity as of a date ([`Entity::as_of`], its later ends left out) keeps the
/// evidence known now: "zuletzt belegt" of the period and each holder as the whole entry has it
/// (a later end is evidence too), the dates of those in office then as known now, and no
/// "möglicherweise nicht mehr aktuell", which is about today.
fn evidence_of_now(p: &mut Profile, e: &Entity, then: &Entity, lang: Lang) {
    let s = lang.strings();
    let k = then.periods.len() - 1;
    let (Some(period), Some(was)) = (e.periods.get(k), then.periods.get(k)) else {
        return;
    };
    for fact in p
        .facts
        .iter_mut()
        .filter(|f| f.label == s.profile_last_confirmed)
    {
        fact.text = crate::confirmed_date(lang, e.period_confirmed(period));
    }
    p.stale = false;
    for (line, h) in p.holders.iter_mut().zip(&was.holders) {
        let now = period
            .holders
            .iter()
            .find(|x| x.name == h.name)
            .unwrap_or(h);
        // The holder's dates as known now: who was in office then, and for how long.
        line.text = Some(format!(
            "{} · {}",
            holder(now, lang),
            crate::confirmed(lang, e.holder_confirmed(now))
        ));
    }
}

/// What an entity was on a date, in a word: its headline model, or "noch keine Stelle", or
/// "abgeschafft".
pub fn model_at(lang: Lang, m: ModelAt) -> &'static str {
    let s = lang.strings();
    match m {
        ModelAt::NotYet => s.state_no_post,
        ModelAt::In(p) => crate::headline(lang, p.post.headline()),
        ModelAt::Ended(_) => s.state_abolished,
    }
}

/// One period of a profile's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelinePeriod {
    pub headline: Headline,
    /// The headline model's name.
    pub model: &'static str,
    /// The title of the post or unit, with its citations (the post's sources).
    pub title: Line,
    /// "2017 – 31. März 2022", "seit August 2017", with the citations of its start and end.
    pub when: Line,
    /// One line per holder, as the profile's holders read.
    pub holders: Vec<Line>,
    /// "zuletzt belegt: Mai 2022".
    pub confirmed: String,
    /// The post ended with no successor: "abgeschafft".
    pub abolished: bool,
}

/// Every period of `e`, oldest first, as the profile's timeline shows it (issue #23).
pub fn timeline(e: &Entity, lang: Lang) -> Vec<TimelinePeriod> {
    let cites = |ids: &mut dyn Iterator<Item = &String>| cites_of(e, ids);
    let last = e.periods.len() - 1;
    e.periods
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let dated = [&p.since, &p.until].into_iter().flatten();
            TimelinePeriod {
                headline: p.post.headline(),
                model: crate::headline(lang, p.post.headline()),
                title: Line {
                    label: "",
                    text: Some(p.post.title.to_string()),
                    cites: cites(&mut p.sources.iter()),
                },
                when: Line {
                    label: "",
                    text: Some(crate::phrase::span(
                        lang,
                        p.since.as_ref().map(|d| d.date),
                        p.until.as_ref().map(|d| d.date),
                    )),
                    cites: cites(&mut dated.flat_map(|d| &d.sources)),
                },
                holders: p
                    .holders
                    .iter()
                    .map(|h| Line {
                        label: "",
                        text: Some(format!(
                            "{} · {}",
                            holder(h, lang),
                            crate::confirmed(lang, e.holder_confirmed(h))
                        )),
                        cites: cites(&mut h.sources.iter()),
                    })
                    .collect(),
                confirmed: crate::confirmed(lang, e.period_confirmed(p)),
                abolished: k == last && p.until.is_some(),
            }
        })
        .collect()
}

/// Citation marks for `ids`, each once, in the entity's order of sources.
fn cites_of(e: &Entity, ids: &mut dyn Iterator<Item = &String>) -> Vec<Cite> {
    let ids: Vec<&String> = ids.collect();
    e.sources
        .iter()
        .enumerate()
        .filter(|(_, src)| ids.contains(&&src.id))
        .map(|(n, src)| Cite {
            href: format!("#{}", source_anchor(&src.id)),
            label: format!("[{}]", n + 1),
        })
        .collect()
}

/// A change in "Was ist daraus geworden?": when, from what to what, and its sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryStep {
    pub text: String,
    /// Marks to the entity's sources, which its profile lists (`href` on the profile's page).
    pub cites: Vec<Cite>,
}

/// "Was ist daraus geworden?" for an interviewed entity (issue #23): the model at the
/// interview's date, today's, and the changes in between. The series' interviews have no date
/// in the data (none is invented): then `date_unknown`, no "then" but at first, and every
/// change since the first period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThenNow {
    /// "Zur Zeit des Interviews (2018)" or "Zuerst", and the model then; `None` where the date
    /// is unknown and the history begins with the first post's start.
    pub then: Option<(String, String)>,
    pub date_unknown: bool,
    pub steps: Vec<HistoryStep>,
    /// Today's model.
    pub now: String,
}

/// [`ThenNow`] of `e` on `today` (the dataset's Stand).
pub fn then_now(e: &Entity, today: PartialDate, lang: Lang) -> ThenNow {
    let s = lang.strings();
    let interview = e.interview.as_ref().and_then(|i| i.date);
    // Unknown: from before any period, so every start is a change.
    let from = interview.unwrap_or(PartialDate {
        year: 1900,
        month: None,
        day: None,
        approx: false,
    });
    let t = then_and_now(e, from, today);
    let name = |m: ModelAt| match m {
        ModelAt::In(p) => format!("{} ({})", model_at(lang, m), p.post.title),
        m => model_at(lang, m).to_owned(),
    };
    let then = match (interview, t.then) {
        (Some(d), m) => Some((crate::phrase::at_interview(lang, d), name(m))),
        (None, ModelAt::NotYet) => None,
        (None, m) => Some((s.then_first.to_owned(), name(m))),
    };
    let steps = t
        .between
        .iter()
        .map(|step: &Step| HistoryStep {
            text: crate::phrase::history_step(lang, step.date, &name(step.from), &name(step.to)),
            cites: cites_of(e, &mut step.sources.iter().map(|src| &src.id)),
        })
        .collect();
    ThenNow {
        then,
        date_unknown: interview.is_none(),
        steps,
        now: name(t.now),
    }
}

pub fn text(lang: Lang, t: &Localized) -> &str {
    match lang {
        Lang::De => &t.de,
        Lang::En => &t.en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdo_model::{parse_dataset, PartialDate};

    fn shipped_entities() -> Vec<Entity> {
        let text = include_str!("../../../public/data/cdo-atlas.json");
        let loaded = parse_dataset(text, PartialDate::ymd(2026, 12, 4)).unwrap();
        loaded.dataset.entities
    }

    fn shipped(id: &str) -> Entity {
        shipped_entities().into_iter().find(|e| e.id == id).unwrap()
    }

    #[test]
    fn facts_read_in_order_with_unknowns_and_citations() {
        let p = profile(&shipped("heidelberg"), Lang::De);
        let rows: Vec<(&str, Option<&str>)> = p
            .facts
            .iter()
            .map(|l| (l.label, l.text.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Amt oder Einheit", Some("Digital-Agentur Heidelberg GmbH")),
                ("Organisationsform", Some("Agentur oder Gesellschaft")),
                ("Herkunft der Person", None),
                // No source is dated, but one reports the agency's start in August 2017.
                ("Zuletzt belegt", Some("August 2017")),
                ("Beendet", Some("kein Ende belegt")),
                ("Eingerichtet", Some("August 2017")),
                ("Anbindung", None),
                ("Einwohnerzahl", Some("162.960 (Stand 2023)")),
            ]
        );
        assert_eq!(
            p.facts[0].cites,
            vec![Cite {
                href: "#src-s20".into(),
                label: "[1]".into()
            }]
        );
    }

    #[test]
    fn holders_read_as_one_line_each() {
        let p = profile(&shipped("duesseldorf"), Lang::En);
        assert_eq!(
            p.holders[0].text.as_deref(),
            Some("Peter Adelskamp — 1 May 2017 – c. January 2019. Background: With the city administration since 1985, most recently deputy head of the central administration office · last confirmed: January 2019")
        );
        let p = profile(&shipped("wolfsburg"), Lang::De);
        assert_eq!(
            p.holders[0].text.as_deref(),
            Some("Dennis Weilmann — Zeitraum: unbekannt · zuletzt belegt: unbekannt")
        );
    }

    #[test]
    fn series_answers_in_order_with_gaps_left_open() {
        let answers = series(&shipped("hamburg"), Lang::De);
        let rows: Vec<(&str, bool)> = answers
            .iter()
            .map(|l| (l.label, l.text.is_some()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Warum dieses Modell?", false),
                ("Was wird erwartet?", true),
                ("Ziele und erste Projekte", true),
                ("Wie wird Erfolg gemessen?", true),
            ]
        );
        assert!(
            series(&shipped("bonn"), Lang::De).is_empty(),
            "no series interview"
        );
    }

    #[test]
    fn series_by_question_gives_every_interviewed_entity_once_per_question() {
        let entities = shipped_entities();
        let questions = series_by_question(&entities, Lang::En);
        let labels: Vec<&str> = questions.iter().map(|q| q.label).collect();
        assert_eq!(
            labels,
            [
                "Why this model?",
                "What is expected?",
                "Goals and first projects",
                "How is success measured?"
            ]
        );
        for q in &questions {
            let ids: Vec<&str> = q.answers.iter().map(|(e, _)| e.id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "darmstadt",
                    "duesseldorf",
                    "kaiserslautern",
                    "hamburg",
                    "heidelberg"
                ]
            );
        }
        // Hamburg's interview does not say why: left open, not left out.
        assert_eq!(questions[0].answers[3].1, None);
        assert!(questions[1].answers[3].1.is_some());
        assert!(series_by_question(&[shipped("bonn")], Lang::De).is_empty());
    }

    #[test]
    fn compare_rows_mark_differences() {
        let (a, b) = (shipped("darmstadt"), shipped("ludwigshafen"));
        let rows = compare(&[&a, &b], Lang::De);
        let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap().clone();
        assert!(!row("Modell").differs, "both: CDO aus der Wissenschaft");
        assert!(!row("Herkunft der Person").differs);
        assert!(row("Amt oder Einheit").differs);
        assert!(row("Einwohnerzahl").differs);
        let reasons = row("Warum dieses Modell?");
        assert!(
            reasons.values[0].is_some() && reasons.values[1].is_none(),
            "Ludwigshafen has no interview"
        );
        assert!(reasons.differs);
        assert_eq!(rows.len(), 1 + 8 + 2 + 4 + 1);
    }

    /// Issue #23: a profile's timeline lists every period, the ended one as abolished.
    #[test]
    fn the_timeline_lists_every_period_with_its_dates_holders_and_sources() {
        let t = timeline(&shipped("saarland"), Lang::De);
        assert_eq!(t.len(), 1);
        assert!(t[0].abolished, "ended with no successor");
        assert_eq!(t[0].when.text.as_deref(), Some("1. August 2018 – 2022"));
        assert!(!t[0].when.cites.is_empty() && !t[0].title.cites.is_empty());
        assert!(t[0].holders[0]
            .text
            .as_deref()
            .unwrap()
            .starts_with("Ammar Alkassar"));
        assert!(t[0].confirmed.starts_with("zuletzt belegt: "));
        let t = timeline(&shipped("kaiserslautern"), Lang::En);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].when.text.as_deref(), Some("2017 – 31 March 2022"));
        assert_eq!(t[1].when.text.as_deref(), Some("Period: unknown"));
        assert!(!t[0].abolished && !t[1].abolished);
        assert_eq!(t[0].model, "Honorary CDO");
    }

    /// Issue #23, "What became of it?": no interview has a date, none is invented; the
    /// history from the first post, with sources.
    #[test]
    fn what_became_of_each_interviewed_entity() {
        let today = PartialDate::ymd(2026, 12, 4);
        for e in shipped_entities().iter().filter(|e| e.interview.is_some()) {
            let t = then_now(e, today, Lang::De);
            assert!(t.date_unknown, "{}", e.id);
            assert!(!t.now.is_empty());
            assert!(
                t.steps.iter().all(|s| !s.cites.is_empty()),
                "{}: {t:?}",
                e.id
            );
        }
        let kl = then_now(&shipped("kaiserslautern"), today, Lang::En);
        assert_eq!(
            kl.then, None,
            "the first post is dated: its start is a step"
        );
        let texts: Vec<&str> = kl.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(
            texts[0].starts_with("2017: no post yet → Honorary CDO"),
            "{}",
            texts[0]
        );
        assert!(
            texts[1].starts_with("31 March 2022: Honorary CDO"),
            "{}",
            texts[1]
        );
        assert!(
            kl.now.starts_with("CDO, origin unknown") || kl.now.contains("KL.digital"),
            "{}",
            kl.now
        );
        // A known date: "then" is the model on it.
        let mut d = shipped("duesseldorf");
        d.interview.as_mut().unwrap().date = Some(PartialDate::parse("2018").unwrap());
        let t = then_now(&d, today, Lang::De);
        assert_eq!(t.then.as_ref().unwrap().0, "Zur Zeit des Interviews (2018)");
        assert!(t.then.unwrap().1.starts_with("CDO intern besetzt"));
        assert!(t.steps.is_empty());
    }

    /// Issue #23: compare at two dates; the Saarland in 2019 and today.
    #[test]
    fn compare_at_dates_shows_each_column_then() {
        let s = shipped("saarland");
        let d = |y: &str| Some(PartialDate::parse(y).unwrap());
        let rows = compare_at(&[(&s, d("2019")), (&s, None), (&s, d("2010"))], Lang::De);
        let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap().clone();
        let model = row("Modell");
        assert_eq!(model.values[2].as_deref(), Some("noch keine Stelle"));
        assert_eq!(model.values[1].as_deref(), Some("abgeschafft"), "today");
        assert_eq!(
            model.values[0].as_deref(),
            Some("Regierung: Ministerium oder Staatssekretariat")
        );
        assert!(model.differs);
        assert_eq!(
            row("Beendet").values[0].as_deref(),
            Some("kein Ende belegt")
        );
        assert_eq!(row("Beendet").values[1].as_deref(), Some("2022"));
        assert_eq!(row("Herkunft der Person").values[2], None);
        // The evidence is today's: last confirmed as the entry has it, never "may be out of date".
        assert_eq!(
            row("Zuletzt belegt").values[0],
            row("Zuletzt belegt").values[1]
        );
        let holders = row("Amtsinhaber:innen");
        let then = holders.values[0].as_deref().unwrap();
        assert_eq!(
            then,
            "Ammar Alkassar — bis Mai 2022 · zuletzt belegt: Mai 2022"
        );
        assert!(!then.contains("nicht mehr aktuell"), "{then}");
        assert_eq!(rows.len(), 1 + 8 + 2 + 4 + 1);
    }

    #[test]
    fn sources_are_labelled_by_title_publisher_or_host() {
        let p = profile(&shipped("kaiserslautern"), Lang::De);
        assert_eq!(p.sources[0].label, "Ein CDO im Ehrenamt");
        assert_eq!(p.sources[0].detail, " – Verwaltung der Zukunft (VdZ)");
        assert_eq!(p.sources[1].label, "nachrichten-kl.de");
        assert_eq!(p.sources[1].detail, " (Datum der Seite: 17. Mai 2022)");
        assert!(p.sources.iter().all(|s| s.url.starts_with("http")));
    }

    #[test]
    fn a_profile_shows_earlier_periods_old_evidence_and_party_sources() {
        // Kaiserslautern: the honorary posts, then the CDO at KL.digital.
        let p = profile(&shipped("kaiserslautern"), Lang::De);
        assert_eq!(p.earlier.len(), 1);
        let earlier = p.earlier[0].text.as_deref().unwrap();
        assert!(
            earlier.starts_with("Ehrenamtlicher Chief Digital Officer"),
            "{earlier}"
        );
        assert!(earlier.contains("31. März 2022"), "{earlier}");
        assert!(earlier.contains("zuletzt belegt: "), "{earlier}");
        assert!(!p.earlier[0].cites.is_empty());
        // Bonn's CDO was last confirmed in 2019: still in office by the data, maybe not in fact.
        let p = profile(&shipped("bonn"), Lang::En);
        let holder = p.holders[0].text.as_deref().unwrap();
        assert!(
            holder.ends_with("last confirmed: October 2019 (may be out of date)"),
            "{holder}"
        );
        assert!(p.stale);
        let last = p
            .facts
            .iter()
            .find(|l| l.label == "Last confirmed")
            .unwrap();
        assert_eq!(last.text.as_deref(), Some("October 2019"));
        // A party's website says what it is.
        let p = profile(&shipped("ludwigsburg"), Lang::De);
        let party = p.sources.iter().find(|s| s.anchor == "src-s31").unwrap();
        assert!(
            party.detail.ends_with("Website einer Partei oder Fraktion"),
            "{}",
            party.detail
        );
        assert!(!profile(&shipped("frankfurt"), Lang::De)
            .earlier
            .iter()
            .any(|l| l.text.is_none()));
    }
}
