//! Downloads of the explorer's view: every hit (all pages), in its order, in full — from the
//! dataset, which the explorer asks for only when a download does (the lists read the index).
//! At a date (`at`), each entity as the data knew it then, the date in the file's name, a
//! column and a field.
//!
//! The writer ([`write`]: the CSV and JSON of `cdo_text::export`, each entity as of the date) is
//! a module of its own, fetched with the first download (`on_demand::download_writer`): few
//! visits download, and none needs it to read.

use std::sync::Arc;

use cdo_model::explore::entries_of;
use cdo_model::{Loaded, Summary};
use cdo_text::export::Origin;
use cdo_text::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Ctx, Prepared};
use crate::components::needs_app::needs_app;
use crate::data::{peek_dataset, Load};
use crate::on_demand::{self, Unavailable, WriteFile};

#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Json,
}

/// The file of `format` for the summaries at `hits`, each entry in full from `full`: its text,
/// type and extension.
pub fn write(
    format: Format,
    lang: Lang,
    hits: &[usize],
    summaries: &[Summary],
    full: &Loaded,
    origin: &Origin,
) -> (String, &'static str, &'static str) {
    let picked = entries_of(hits, summaries, &full.dataset.entities);
    match format {
        Format::Csv => (
            cdo_text::export::csv(lang, &picked, origin, full.dataset.as_of),
            "text/csv;charset=utf-8",
            "csv",
        ),
        Format::Json => (
            cdo_text::export::json(lang, &full.dataset, &picked, origin),
            "application/json",
            "json",
        ),
    }
}

/// Where the writer's module is.
#[derive(Clone, Copy)]
enum Writer {
    NotAsked,
    Loading,
    Ready(WriteFile),
    Failed,
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
    let save = move |format: Format, full: &Loaded, write: WriteFile| {
        let location = window().location();
        // The date the view shows (issue #23): the rows are the entities then.
        let at = state.with_untracked(|st| st.at.map(|a| a.date()));
        let origin = Origin {
            view_url: &location.href().unwrap_or_default(),
            site: &location.origin().unwrap_or_default(),
            at,
        };
        let (text, mime, ext) = evaluated
            .with_untracked(|(hits, _)| write(format, lang, hits, &data.entities, full, &origin));
        // Named by the date the rows show.
        let named = at.unwrap_or(full.dataset.as_of);
        crate::download::save_text(&format!("cdo-atlas-{named}.{ext}"), mime, &text);
    };
    let save = Arc::new(save);
    // The writer: asked for with the first download; after a failure, asked for again.
    let writer = RwSignal::new(Writer::NotAsked);
    let ask_writer = move || {
        if matches!(writer.get_untracked(), Writer::NotAsked | Writer::Failed) {
            writer.set(Writer::Loading);
            spawn_local(async move {
                let got = match on_demand::download_writer().await {
                    Ok(write) => Writer::Ready(write),
                    Err(Unavailable) => Writer::Failed,
                };
                let _ = writer.try_set(got);
            });
        }
    };
    // A download asked for while the dataset or the writer loads; done once both have.
    let pending = RwSignal::new(None::<Format>);
    let failed = RwSignal::new(None::<String>);
    let when_loaded = save.clone();
    Effect::new(move |_| {
        let Some(format) = pending.get() else { return };
        let problem = match (dataset.get().as_deref(), writer.get()) {
            (Some(Err(e)), _) => e.message(lang),
            (_, Writer::Failed) => s.download_unavailable.to_owned(),
            (Some(Ok(full)), Writer::Ready(write)) => {
                pending.set(None);
                failed.set(None);
                when_loaded(format, full, write);
                return;
            }
            _ => return,
        };
        pending.set(None);
        failed.set(Some(problem));
    });
    let download =
        move |format: Format| match (dataset.get_untracked().as_deref(), writer.get_untracked()) {
            // Both here: saved at once, still within the click.
            (Some(Ok(full)), Writer::Ready(write)) => save(format, full, write),
            // Either missing: saved once both are there. The dataset never asked for, or failed:
            // asked for (again); the writer likewise.
            (loaded, _) => {
                let ready = matches!(loaded, Some(Ok(_)));
                if !ready && (loaded.is_some() || !dataset.asked()) {
                    dataset.load();
                }
                ask_writer();
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
