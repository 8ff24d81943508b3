//! cert-preflight: check certificate material before uploading it to a cloud API, and build the
//! signed upload request — in the browser (Yew, wasm32) or on the command line.
//!
//! The core (everything but [`ui`], `js_api` and [`cli`]) is pure: it never imports a browser crate, never
//! reads a clock or a random source and never does I/O. See ARCHITECTURE.md for the map.

// First, so that `tr!` is in scope in every module after it.
#[macro_use]
pub mod lang;
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
pub(crate) mod render;
pub mod request;
pub mod signing;
pub mod time;
mod words;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub mod js_api;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod ui;

// The public surface: the two pipelines' entry points and the values they take and give. The
// modules stay public for the tests, the benchmarks and the fuzz target, which reach further in.

/// Checking: inputs → [`Report`] (or the whole [`Analysis`] with the decoded material).
pub use analysis::{Analysis, Input, Options, Report, Role, analyze, analyze_with};
/// What every finding is made of.
pub use diagnostic::{Code, Diagnostic, Hint, InputLocation, Location, Severity, Surface};
/// The two languages, and a text in both.
pub use lang::{Lang, Text};
/// A target's rules run on an analysis, and the request built from it.
pub use providers::{Fields, Mode, Preparation, ProviderId, prepare};
/// Building and signing the upload request.
pub use request::{Auth, Outcome, Outputs, build as build_request};
/// The signing schemes and the secrets they take.
pub use signing::{Credentials, Scheme, Secret};
/// An instant: the validation time, a certificate's validity, the signing time.
pub use time::Timestamp;
