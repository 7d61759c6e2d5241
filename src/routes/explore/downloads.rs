//! Downloads of the explorer's view: every hit (all pages), in its order, in full — from the
//! dataset, which the explorer asks for only when a download does (the lists read the index).
//! At a date (`at`), each entity as the data knew it then, the date in the file's name, a
//! column and a field.

use std::sync::Arc;

use cdo_model::explore::entries_of;
use cdo_model::Loaded;
use leptos::prelude::*;

use super::{Ctx, Prepared};
use crate::components::needs_app::needs_app;
use crate::data::{peek_dataset, Load};

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

pub(super) fn downloads(cx: Ctx, data: Arc<Prepared>) -> impl IntoView {
    let Ctx {
        state,
        evaluated,
        lang,
        s,
        ..
    } = cx;
    let dataset = peek_dataset();
    let save = move |format: Format, full: &Loaded| {
        let location = window().location();
        // The date the view shows (issue #23): the rows are the entities then.
        let at = state.with_untracked(|st| st.at.map(|a| a.date()));
        let origin = cdo_text::export::Origin {
            view_url: &location.href().unwrap_or_default(),
            site: &location.origin().unwrap_or_default(),
            at,
        };
        let picked = evaluated
            .with_untracked(|(hits, _)| entries_of(hits, &data.entities, &full.dataset.entities));
        let meta = &full.dataset;
        let (text, mime, ext) = match format {
            Format::Csv => (
                cdo_text::export::csv(lang, &picked, &origin, full.dataset.as_of),
                "text/csv;charset=utf-8",
                "csv",
            ),
            Format::Json => (
                cdo_text::export::json(lang, meta, &picked, &origin),
                "application/json",
                "json",
            ),
        };
        // Named by the date the rows show.
        let named = at.unwrap_or(meta.as_of);
        crate::download::save_text(&format!("cdo-atlas-{named}.{ext}"), mime, &text);
    };
    let save = Arc::new(save);
    // A download asked for while the dataset loads; done once it has.
    let pending = RwSignal::new(None::<Format>);
    let failed = RwSignal::new(None::<String>);
    let when_loaded = save.clone();
    Effect::new(move |_| {
        let Some(format) = pending.get() else { return };
        match dataset.get().as_deref() {
            None => {}
            Some(Ok(full)) => {
                pending.set(None);
                failed.set(None);
                when_loaded(format, full);
            }
            Some(Err(e)) => {
                pending.set(None);
                failed.set(Some(e.message(lang)));
            }
        }
    });
    let download = move |format: Format| match dataset.get_untracked().as_deref() {
        // Loaded: saved at once, still within the click.
        Some(Ok(full)) => save(format, full),
        // Loading: saved once it is there. Never asked for, or failed: asked for (again).
        loading => {
            if loading.is_some() || !dataset.asked() {
                dataset.load();
            }
            pending.set(Some(format));
        }
    };
    let status = move || {
        let text = match (pending.get(), failed.get()) {
            (Some(_), _) => s.loading.to_owned(),
            (None, Some(reason)) => reason,
            (None, None) => return None,
        };
        Some(view! { <span class="download-status">" " {text}</span> })
    };
    let download = StoredValue::new(download);
    view! {
        <p class="downloads">
            {s.download_view} " "
            <button type="button" class="button secondary" {..needs_app()} on:click=move |_| download.with_value(|f| f(Format::Csv))>{s.download_csv}</button>
            " "
            <button type="button" class="button secondary" {..needs_app()} on:click=move |_| download.with_value(|f| f(Format::Json))>{s.download_json}</button>
            <span role="status">{status}</span>
        </p>
    }
}
