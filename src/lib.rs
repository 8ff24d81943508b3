//! cert-preflight: check certificate material before uploading it to a cloud API, and build the
//! signed upload request — in the browser (Yew, wasm32) or on the command line.
//!
//! The core (everything but [`ui`] and [`cli`]) is pure: it never imports a browser crate, never
//! reads a clock or a random source and never does I/O. See ARCHITECTURE.md for the map.

pub mod analysis;
pub mod diagnostic;
pub mod fixes;
pub mod providers;
pub mod render;
pub mod request;
pub mod signing;
mod words;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
// The page's files are restructured on their own branch; once merged, `cargo clippy --fix
// --target wasm32-unknown-unknown` applies `use_self` there and this allow goes.
#[allow(clippy::use_self)]
pub mod ui;

pub use analysis::{Input, Report, analyze};
pub use diagnostic::{Code, Diagnostic, InputLocation, Location, Severity};
