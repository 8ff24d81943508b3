//! The page's custom hooks, one per file.

pub mod use_revealed;
pub mod use_worker;
