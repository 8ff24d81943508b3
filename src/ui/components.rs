//! One component per file.

pub mod certificate_card;
pub mod diagnostic_list;
pub mod input_panel;
