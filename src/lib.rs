//! cert-preflight: check certificate material before uploading it to a cloud API, and build the
//! signed upload request — in the browser (Yew, wasm32) or on the command line.
//!
//! The core (everything but [`ui`], `js_api` and [`cli`]) is pure: it never imports a browser crate, never
//! reads a clock or a random source and never does I/O. See ARCHITECTURE.md for the map.

pub mod analysis;
// The library interface and the command line's JSON: native, and in the npm package's module.
#[cfg(any(not(target_arch = "wasm32"), feature = "js-api"))]
pub mod api;
pub mod auth;
pub mod diagnostic;
pub mod fix_choice;
pub mod fixes;
#[cfg(any(not(target_arch = "wasm32"), feature = "js-api"))]
pub mod json_output;
pub mod material_routing;
pub mod providers;
pub mod render;
pub mod request;
pub mod signing;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub mod js_api;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod ui;

pub use analysis::{Input, Report, analyze};
pub use diagnostic::{Code, Diagnostic, Location, Severity};
