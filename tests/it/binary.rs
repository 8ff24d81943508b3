//! Running `cert-preflight` as a user would: the real binary, its arguments and environment.

use std::process::{Command, Output};

/// A command for the binary, to add arguments, environment and a directory to.
pub(crate) fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cert-preflight"))
}

/// Runs the binary with `args` and the variables `env`.
#[track_caller]
pub(crate) fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = command();
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

/// Runs the binary and reads its standard output as JSON; the exit status beside it.
#[track_caller]
pub(crate) fn run_json(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, serde_json::Value) {
    let output = run(args, env);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code(), json)
}
