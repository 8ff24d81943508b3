//! cert-preflight: check certificate material before uploading it to a cloud API, and build the
//! signed upload request — in the browser (Yew, wasm32) or on the command line.
//!
//! The core (everything but [`ui`] and [`cli`]) is pure: it never imports a browser crate, never
//! reads a clock or a random source and never does I/O. See ARCHITECTURE.md for the map.

pub mod analysis;
pub mod diagnostic;
pub mod fixes;
pub mod providers;
pub(crate) mod render;
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

// The public surface: the two pipelines' entry points and the values they take and give. The
// modules stay public for the tests, the benchmarks and the fuzz target, which reach further in.

/// Checking: inputs → [`Report`] (or the whole [`Analysis`] with the decoded material).
pub use analysis::{Analysis, Input, Options, Report, Role, analyze, analyze_with};
/// What every finding is made of.
pub use diagnostic::{Code, Diagnostic, Hint, InputLocation, Location, Severity, Surface};
/// A target's rules run on an analysis, and the request built from it.
pub use providers::{Fields, Mode, Preparation, ProviderId, prepare};
/// Building and signing the upload request.
pub use request::{Auth, Outcome, Outputs, build as build_request};
/// The signing schemes and the secrets they take.
pub use signing::{Credentials, Scheme, Secret};
