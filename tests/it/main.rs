//! The one integration-test binary (`cargo test --test it`): every test of the command line, the
//! vector corpora and the repository's invariants, one module per concern, with the helpers they
//! share (`corpus`: where the vectors are and the validation time; `binary`: running
//! `cert-preflight`). The browser component tests are their own binary (`tests/components.rs`,
//! wasm-bindgen-test). Run one module with `cargo test --test it MODULE::`.
#![cfg(not(target_arch = "wasm32"))]
// A test binary: an unwrap is one of the test's assertions (clippy.toml allows them in test
// functions; here the helpers they call assert too).
#![allow(clippy::unwrap_used)]

mod binary;
mod corpus;

mod archives;
mod console;

mod hostile;
mod i18n;
mod key_corpus;
mod layout;
mod messages;
mod page_worker;
mod providers;
mod requests;
mod robustness;
mod signing_vectors;
mod sliced;
mod tidy;
mod vectors;
