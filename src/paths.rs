//! Every route of the app in one place: the pages, their paths and how to link to them.
//! Views never build route strings themselves.

/// The top-level pages, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Map,
    Explore,
    Compare,
    About,
}

impl Page {
    pub const NAV: [Page; 5] = [
        Page::Overview,
        Page::Map,
        Page::Explore,
        Page::Compare,
        Page::About,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Map => "/map",
            Page::Explore => "/explore",
            Page::Compare => "/compare",
            Page::About => "/about",
        }
    }

    pub fn label(self, s: &cdo_text::Strings) -> &'static str {
        match self {
            Page::Overview => s.nav_overview,
            Page::Map => s.nav_map,
            Page::Explore => s.nav_explore,
            Page::Compare => s.nav_compare,
            Page::About => s.nav_about,
        }
    }
}

/// The profile of one entity. Ids are validated slugs, so they need no escaping.
pub fn entity(id: &str) -> String {
    format!("/entity/{id}")
}

/// Where the dataset is served from (absolute, so deep links load it too).
pub const DATASET_URL: &str = "/data/cdo-atlas.json";
