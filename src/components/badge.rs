//! The headline model as a badge: a shape and a text label, so colour is never the only signal.

use cdo_model::{Headline, Standing, Summary};
use cdo_text::Lang;
use leptos::prelude::*;

/// CSS modifier for a headline's colour and marker shape (see `public/style.css`).
pub fn headline_class(h: Headline) -> &'static str {
    match h {
        Headline::CdoFromAcademia => "m-academia",
        Headline::CdoInternal => "m-internal",
        Headline::CdoFromPrivateSector => "m-private",
        Headline::CdoFromPublicSector => "m-public",
        Headline::CdoFromPolitics => "m-politics",
        Headline::CdoOriginUnknown => "m-cdo",
        Headline::HonoraryCdo => "m-honorary",
        Headline::AgencyInsteadOfCdo => "m-agency",
        Headline::Department => "m-department",
        Headline::StaffUnit => "m-staff",
        Headline::StateGovernment => "m-state",
        Headline::AdministrativeUnit => "m-office",
        Headline::Other => "m-other",
    }
}

pub fn model_badge(headline: Headline, lang: Lang) -> impl IntoView {
    view! {
        <span class=format!("badge {}", headline_class(headline))>
            <span class="badge-mark" aria-hidden="true"></span>
            {cdo_text::headline(lang, headline)}
        </span>
    }
}

/// An entity's standing at the date shown as a badge: its model, or, muted and in no model's
/// colour, "noch keine Stelle" (a hollow mark) or "abgeschafft" (a cross).
pub fn standing_badge(e: &Summary, lang: Lang) -> AnyView {
    let (class, text) = match e.standing() {
        Standing::Active => return model_badge(e.model().headline(), lang).into_any(),
        Standing::NoPost => ("m-none", lang.strings().state_no_post),
        Standing::Abolished => ("m-gone", lang.strings().state_abolished),
    };
    view! {
        <span class=format!("badge {class}")>
            <span class="badge-mark" aria-hidden="true"></span>
            {text}
        </span>
    }
    .into_any()
}
