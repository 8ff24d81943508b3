//! One component per file.

pub mod certificate_card;
pub mod chain_view;
pub mod diagnostic_list;
pub mod field_form;
pub mod fixes_panel;
pub mod input_panel;
pub mod request_panel;
pub mod target_picker;
