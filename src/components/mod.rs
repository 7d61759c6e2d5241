//! Pieces shared by several views.

pub mod badge;
pub mod charts;
pub mod layout;
pub mod with_data;
