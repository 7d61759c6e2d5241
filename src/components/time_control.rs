//! The time control ("Stand" / "As of", issue #23) the map and the explorer share: a range from
//! the data's first year to its Stand, the year beside it, a status the screen reader reads
//! ("2019: 41 von 94 mit Stelle"), a way back to today and a play button.
//!
//! Moving the slider shows each year at once; the address follows. The first step of a
//! movement is a history entry, the rest rewrite it, so that one drag or one key press is one
//! entry that back undoes (`Write`, `crate::url_state`). Playing steps a year every
//! [`PLAY_STEP`] and stops at the end, on a click, when the window loses focus or the page is
//! hidden. Under `prefers-reduced-motion` the steps are the same, but the map draws them
//! without transitions (`public/style.css`). The pre-render draws the control at today,
//! disabled like every control that needs the app.

use std::time::Duration;

use cdo_model::time::{At, Span};
use cdo_text::Lang;
use leptos::ev;
use leptos::prelude::*;

use super::needs_app::needs_app;
use crate::url_state::Write;

/// How long each year stays on screen while playing: long enough to read the changes.
pub const PLAY_STEP: Duration = Duration::from_millis(1200);

/// What the time control needs of its page.
#[component]
pub fn TimeControl(
    /// The date shown; `None`: today (the data's Stand).
    at: Signal<Option<At>>,
    /// Shows a date and writes it to the address.
    set: Callback<(Option<At>, Write)>,
    /// The years the slider walks.
    span: Span,
    /// Entities with a post on a date, and all of them: the status line.
    counts: Signal<(usize, usize)>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let (first, last) = (span.first, span.today.year);
    let year = move || at.get().map_or(last, At::year_of);
    // The last year is today: the address then names no date.
    let at_year = move |y: u16| At::year(y).filter(|_| y < last);
    // The date the last movement wrote as a new history entry (its later steps rewrite it).
    let pushed = StoredValue::new(None::<Option<At>>);
    let moved = move |ev: ev::Event| {
        let Ok(y) = event_target_value(&ev).parse::<u16>() else {
            return;
        };
        let next = at_year(y);
        match pushed.get_value() {
            None => {
                pushed.set_value(Some(next));
                set.run((next, Write::Push));
            }
            Some(_) => set.run((next, Write::ReplaceLater)),
        }
    };
    // Released (or a key's step done): the entry holds the last year shown.
    let released = move |ev: ev::Event| {
        let Ok(y) = event_target_value(&ev).parse::<u16>() else {
            return;
        };
        let next = at_year(y);
        if pushed.get_value().is_some_and(|p| p != next) {
            set.run((next, Write::Replace));
        }
        pushed.set_value(None);
    };

    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        if playing.get_untracked() {
            playing.set(false);
        }
    };
    let step = move || {
        let y = at.get_untracked().map_or(last, At::year_of);
        if y >= last {
            stop();
            return;
        }
        set.run((at_year(y + 1), Write::ReplaceLater));
        if y + 1 >= last {
            stop();
        }
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        // From the first year when at the end; one history entry for the whole play.
        let start = at.get_untracked().filter(|a| a.year_of() < last);
        set.run((start.or(At::year(first)), Write::Push));
        playing.set(true);
        timer.set_value(set_interval_with_handle(step, PLAY_STEP).ok());
    };
    // Stops when the window loses focus or the page is hidden; and when the page goes.
    Effect::new(move |_| {
        let blur = window_event_listener(ev::blur, move |_| stop());
        let hidden = window_event_listener(ev::visibilitychange, move |_| {
            if document().hidden() {
                stop();
            }
        });
        on_cleanup(move || {
            blur.remove();
            hidden.remove();
        });
    });
    on_cleanup(stop);

    let year_text = move || match at.get() {
        Some(a) => a.to_string(),
        None => s.time_today.to_owned(),
    };
    let status = move || {
        let (with_post, total) = counts.get();
        cdo_text::phrase::time_status(lang, &year_text(), with_post, total)
    };
    let initial = untrack(year).to_string();
    view! {
        <div class="time-control" role="group" aria-labelledby="time-label">
            <label id="time-label" for="time-year">{s.time_label}</label>
            <input
                id="time-year"
                type="range"
                min=first
                max=last
                step="1"
                // Also the attribute, so that the pre-render draws the year shown.
                value=initial
                prop:value=move || year().to_string()
                {..needs_app()}
                aria-valuetext=year_text
                on:input=moved
                on:change=released
            />
            <output class="time-year" for="time-year" aria-hidden="true">{move || year().to_string()}</output>
            <button
                type="button"
                class="button secondary time-play"
                aria-pressed=move || playing.get().to_string()
                {..needs_app()}
                on:click=play
            >
                {move || if playing.get() { s.time_pause } else { s.time_play }}
            </button>
            <button
                type="button"
                class="button secondary time-today"
                {..needs_app()}
                on:click=move |_| {
                    stop();
                    set.run((None, Write::Push));
                }
            >
                {s.time_today}
            </button>
            <p class="time-status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}
