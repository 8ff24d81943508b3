//! The native command line: arguments, files, standard input, exit codes and JSON. Native only.
//!
//! `cert-preflight inspect [--now RFC3339] [--passphrase-env VAR] [--json] FILE...` (`-` is stdin).
//! Exit status: 0 without error diagnostics, 1 with one, 2 on a usage error or an unreadable file.

use crate::analysis::{self, Input};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::{Duration, SystemTime};

const USAGE: &str = "\
usage: cert-preflight inspect [--now RFC3339] [--passphrase-env VAR] [--json] FILE...
       (FILE may be - for standard input)";

/// How the report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Output {
    Text,
    Json,
}

#[derive(Debug)]
struct InspectArgs {
    now: Option<Duration>,
    output: Output,
    files: Vec<String>,
}

/// Runs the command line with the arguments after the program name.
pub fn run(args: Vec<OsString>) -> ExitCode {
    let args: Vec<String> = match args.into_iter().map(OsString::into_string).collect() {
        Ok(args) => args,
        Err(_) => return usage_error("arguments must be valid UTF-8"),
    };
    match args.first().map(String::as_str) {
        Some("inspect") => match parse_inspect(&args[1..]) {
            Ok(parsed) => inspect(parsed),
            Err(message) => usage_error(&message),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("cert-preflight {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command {other:?}")),
        None => usage_error("a command is required"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("cert-preflight: {message}\n{USAGE}");
    ExitCode::from(2)
}

fn parse_inspect(args: &[String]) -> Result<InspectArgs, String> {
    let mut parsed = InspectArgs {
        now: None,
        output: Output::Text,
        files: Vec::new(),
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => parsed.output = Output::Json,
            "--now" => {
                let value = iter
                    .next()
                    .ok_or("--now needs a time such as 2026-11-22T00:00:00Z")?;
                let time = der::DateTime::from_str(value).map_err(|_| {
                    format!(
                        "--now {value:?} is not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z"
                    )
                })?;
                parsed.now = Some(time.unix_duration());
            }
            "--passphrase-env" => {
                // Read when key decryption needs it; only the variable's name is on the command line.
                iter.next()
                    .ok_or("--passphrase-env needs the name of an environment variable")?;
            }
            "-" => parsed.files.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag:?}")),
            file => parsed.files.push(file.to_owned()),
        }
    }
    if parsed.files.is_empty() {
        return Err("inspect needs at least one FILE (or - for standard input)".into());
    }
    Ok(parsed)
}

fn inspect(args: InspectArgs) -> ExitCode {
    let mut contents = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let bytes = if file == "-" {
            let mut buffer = Vec::new();
            std::io::stdin().read_to_end(&mut buffer).map(|_| buffer)
        } else {
            std::fs::read(file)
        };
        match bytes {
            Ok(bytes) => contents.push(bytes),
            Err(error) => {
                eprintln!("cert-preflight: cannot read {file}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    let inputs: Vec<Input> = args
        .files
        .iter()
        .zip(&contents)
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let now = args.now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
    });
    let report = analysis::analyze(&inputs, now);

    let mut stdout = std::io::stdout().lock();
    let written = match args.output {
        Output::Json => serde_json::to_writer_pretty(&mut stdout, &report)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(stdout)),
        Output::Text => write!(stdout, "{report}"),
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
