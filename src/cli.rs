//! The native command line: arguments, files, standard input, the environment, exit codes and
//! JSON. Native only; everything it prints comes from the pure core.
//!
//! ```text
//! cert-preflight inspect [--now RFC3339] [--passphrase-env VAR] [--json] FILE...
//! cert-preflight check --provider ID [--now RFC3339] [--passphrase-env VAR] [--json] FILE...
//! cert-preflight request --provider ID --region R --auth {v2|acs3|aksk|token}
//!     [--access-key-id ID --secret-env VAR | --token-env VAR] [--domain-id ID]
//!     [--timestamp RFC3339] [--nonce N] [--field NAME=VALUE ...] [--passphrase-env VAR]
//!     [--format curl|http|json|cli] FILE...
//! cert-preflight targets [--json]
//! ```
//! `-` reads standard input. Exit status: 0 without error diagnostics, 1 with one (and then no
//! request is printed), 2 on a usage error or an unreadable file. Secrets are read from the
//! environment only, and never printed.

use crate::analysis::{self, Analysis, Input, Options, Report};
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::providers::{self, Fields, Mode, ProviderId};
use crate::request;
use crate::request::Auth;
use crate::signing::{Credentials, Scheme, Secret, huawei_token};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::{Duration, SystemTime};

fn usage() -> String {
    let providers: Vec<&str> = ProviderId::all().map(ProviderId::as_str).collect();
    format!(
        "\
usage: cert-preflight inspect [--now RFC3339] [--passphrase-env VAR] [--json] FILE...
       cert-preflight check --provider ID [--now RFC3339] [--passphrase-env VAR] [--json] FILE...
       cert-preflight request --provider ID --region R --auth {{v2|acs3|aksk|token}}
           [--access-key-id ID --secret-env VAR | --token-env VAR] [--domain-id ID]
           [--timestamp RFC3339] [--nonce N] [--field NAME=VALUE ...] [--passphrase-env VAR]
           [--format curl|http|json|cli] FILE...
       cert-preflight targets [--json]
       (FILE may be - for standard input; providers: {}; a --field value @PATH reads a PEM
        field, such as an SM2 encryption certificate or key, from a file)",
        providers.join(", ")
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Curl,
    Http,
    VendorCli,
}

/// Everything the three commands may take. Secrets are held only as values read from the
/// environment, never as arguments.
#[derive(Debug, Default)]
struct Args {
    now: Option<Duration>,
    passphrase: Option<String>,
    json: bool,
    format: Option<Format>,
    provider: Option<ProviderId>,
    region: Option<String>,
    auth: Option<Scheme>,
    access_key_id: Option<String>,
    secret: Option<Secret>,
    token_env: Option<String>,
    domain_id: Option<String>,
    nonce: Option<String>,
    fields: Vec<(String, String)>,
    files: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Inspect,
    Check,
    Request,
}

/// Runs the command line with the arguments after the program name.
pub fn run(args: Vec<OsString>) -> ExitCode {
    let args: Vec<String> = match args.into_iter().map(OsString::into_string).collect() {
        Ok(args) => args,
        Err(_) => return usage_error("arguments must be valid UTF-8"),
    };
    let command = match args.first().map(String::as_str) {
        Some("inspect") => Command::Inspect,
        Some("check") => Command::Check,
        Some("request") => Command::Request,
        Some("targets") => return targets(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Some("--version" | "-V") => {
            println!("cert-preflight {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some(other) => return usage_error(&format!("unknown command {:?}", excerpt(other))),
        None => return usage_error("a command is required"),
    };
    let parsed = match parse(command, &args[1..]) {
        Ok(parsed) => parsed,
        Err(message) => return usage_error(&message),
    };
    let contents = match read_files(&parsed.files) {
        Ok(contents) => contents,
        Err(code) => return code,
    };
    let inputs: Vec<Input> = parsed
        .files
        .iter()
        .zip(&contents)
        .map(|(name, bytes)| Input::new(name, bytes))
        .collect();
    let wall_clock = || {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
    };
    let now = parsed.now.unwrap_or_else(wall_clock);
    let options = Options {
        now,
        passphrase: parsed.passphrase.as_deref(),
        pkcs12_password: None,
    };
    let analysis = analysis::analyze_with(&inputs, &options);
    let before = certificate_text(&parsed.files, &contents);
    match command {
        Command::Inspect => inspect(&parsed, &analysis.report),
        Command::Check => check(&parsed, &analysis, &before),
        Command::Request => make_request(&parsed, &analysis, &before, now),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("cert-preflight: {message}\n{}", usage());
    ExitCode::from(2)
}

fn value<'a>(
    iter: &mut impl Iterator<Item = &'a String>,
    flag: &str,
    what: &str,
) -> Result<&'a String, String> {
    iter.next().ok_or_else(|| format!("{flag} needs {what}"))
}

fn env_secret(flag: &str, name: &str) -> Result<String, String> {
    if !huawei_token::is_env_name(name) {
        return Err(format!(
            "{flag} takes the NAME of an environment variable, not {name:?}"
        ));
    }
    std::env::var(name)
        .map_err(|_| format!("{flag}: the environment variable {name} is not set (or not UTF-8)"))
}

fn parse(command: Command, args: &[String]) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut iter = args.iter();
    let request_only = |flag: &str| -> Result<(), String> {
        if command == Command::Request {
            Ok(())
        } else {
            Err(format!("{flag} belongs to the request command"))
        }
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" if command != Command::Request => parsed.json = true,
            "--now" => {
                let text = value(&mut iter, "--now", "a time such as 2026-11-22T00:00:00Z")?;
                parsed.now = Some(rfc3339(text, "--now")?);
            }
            "--passphrase-env" => {
                // Only the variable's name is on the command line, never the secret itself.
                let name = value(
                    &mut iter,
                    "--passphrase-env",
                    "the name of an environment variable",
                )?;
                parsed.passphrase = Some(env_secret("--passphrase-env", name)?);
            }
            "--provider" if command != Command::Inspect => {
                let id = value(&mut iter, "--provider", "a provider ID")?;
                parsed.provider = Some(ProviderId::parse(id).ok_or_else(|| {
                    format!(
                        "unknown provider {:?}; use one of {}",
                        excerpt(id),
                        ProviderId::all()
                            .map(ProviderId::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?);
            }
            "--region" => {
                request_only("--region")?;
                parsed.region = Some(value(&mut iter, "--region", "a region ID")?.clone());
            }
            "--auth" => {
                request_only("--auth")?;
                let name = value(&mut iter, "--auth", "v2, acs3, aksk or token")?;
                parsed.auth = Some(Scheme::from_auth_name(name).ok_or_else(|| {
                    format!("--auth {:?}: use v2, acs3, aksk or token", excerpt(name))
                })?);
            }
            "--access-key-id" => {
                request_only("--access-key-id")?;
                parsed.access_key_id =
                    Some(value(&mut iter, "--access-key-id", "an access key ID")?.clone());
            }
            "--secret-env" => {
                request_only("--secret-env")?;
                let name = value(
                    &mut iter,
                    "--secret-env",
                    "the name of an environment variable",
                )?;
                parsed.secret = Some(Secret::new(env_secret("--secret-env", name)?));
            }
            "--token-env" => {
                request_only("--token-env")?;
                let name = value(
                    &mut iter,
                    "--token-env",
                    "the name of an environment variable",
                )?;
                if !huawei_token::is_env_name(name) {
                    return Err(format!(
                        "--token-env takes the NAME of an environment variable, not {:?}",
                        excerpt(name)
                    ));
                }
                parsed.token_env = Some(name.clone());
            }
            "--domain-id" => {
                request_only("--domain-id")?;
                parsed.domain_id = Some(value(&mut iter, "--domain-id", "the account ID")?.clone());
            }
            "--timestamp" => {
                request_only("--timestamp")?;
                let text = value(
                    &mut iter,
                    "--timestamp",
                    "a time such as 2026-11-22T00:00:00Z",
                )?;
                parsed.now = Some(rfc3339(text, "--timestamp")?);
            }
            "--nonce" => {
                request_only("--nonce")?;
                let nonce = value(&mut iter, "--nonce", "a nonce")?;
                if nonce.is_empty() || nonce.chars().any(char::is_control) {
                    return Err(
                        "--nonce must be a non-empty string without control characters".into(),
                    );
                }
                parsed.nonce = Some(nonce.clone());
            }
            "--field" => {
                request_only("--field")?;
                let pair = value(&mut iter, "--field", "NAME=VALUE")?;
                let (name, text) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("--field {:?} is not NAME=VALUE", excerpt(pair)))?;
                parsed.fields.push((name.to_owned(), text.to_owned()));
            }
            "--format" => {
                request_only("--format")?;
                parsed.format = Some(
                    match value(&mut iter, "--format", "curl, http, json or cli")?.as_str() {
                        "curl" => Format::Curl,
                        "http" => Format::Http,
                        "json" => Format::Json,
                        "cli" => Format::VendorCli,
                        other => {
                            return Err(format!(
                                "--format {:?}: use curl, http, json or cli",
                                excerpt(other)
                            ));
                        }
                    },
                );
            }
            "-" => parsed.files.push(arg.clone()),
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {:?}", excerpt(flag)));
            }
            file => parsed.files.push(file.to_owned()),
        }
    }
    if parsed.files.is_empty() {
        return Err("at least one FILE is needed (or - for standard input)".into());
    }
    if command != Command::Inspect && parsed.provider.is_none() {
        return Err("--provider is required".into());
    }
    if let Some(provider) = parsed.provider {
        read_pem_fields(provider, &mut parsed.fields)?;
    }
    if command == Command::Request {
        if parsed.region.is_none() {
            return Err("--region is required (the endpoint depends on it)".into());
        }
        let Some(auth) = parsed.auth else {
            return Err("--auth is required: v2, acs3 (Alibaba), aksk or token (Huawei)".into());
        };
        match auth {
            Scheme::HuaweiToken if parsed.token_env.is_none() => {
                return Err(
                    "--auth token needs --token-env VAR (the variable that will hold the token)"
                        .into(),
                );
            }
            Scheme::HuaweiToken => {}
            _ if parsed.access_key_id.is_none() || parsed.secret.is_none() => {
                return Err(format!(
                    "--auth {} needs --access-key-id ID and --secret-env VAR",
                    auth.auth_name()
                ));
            }
            _ => {}
        }
    }
    Ok(parsed)
}

/// Replaces `@PATH` by the file's content in the fields the target takes as PEM.
fn read_pem_fields(provider: ProviderId, fields: &mut [(String, String)]) -> Result<(), String> {
    let spec = provider.spec();
    for (name, value) in fields {
        let pem = spec
            .field(name)
            .is_some_and(|f| f.input == providers::FieldInput::Pem);
        if let (true, Some(path)) = (pem, value.strip_prefix('@')) {
            *value = std::fs::read_to_string(path)
                .map_err(|e| format!("--field {name}=@{}: {e}", excerpt(path)))?;
        }
    }
    Ok(())
}

/// `targets`: every target's data (regions with their names and hosts, fields, rules with their
/// sources, the material it takes, its vendor CLI), as text or JSON.
fn targets(args: &[String]) -> ExitCode {
    let json = match args {
        [] => false,
        [flag] if flag == "--json" => true,
        _ => return usage_error("targets takes only --json"),
    };
    let specs: Vec<&providers::ProviderSpec> = ProviderId::all().map(ProviderId::spec).collect();
    let text = if json {
        to_json(&specs)
    } else {
        let mut text = String::new();
        for spec in specs {
            text.push_str(&format!(
                "{}  {} ({} {}){}\n",
                spec.id,
                spec.title,
                spec.api,
                spec.version,
                if spec.legacy.is_some() {
                    ", legacy"
                } else {
                    ""
                }
            ));
            text.push_str(&format!(
                "    regions: {}\n",
                spec.regions
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let mut fields: Vec<String> = spec.fields.iter().map(|f| f.name.to_owned()).collect();
            fields.extend(spec.numbered.iter().map(|n| format!("{}.N.*", n.stem)));
            text.push_str(&format!("    fields: {}\n", fields.join(", ")));
            text.push_str(&format!("    vendor CLI: {}\n", spec.vendor_cli));
        }
        text
    };
    match print(&text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn rfc3339(text: &str, flag: &str) -> Result<Duration, String> {
    der::DateTime::from_str(text)
        .map(|t| t.unix_duration())
        .map_err(|_| {
            format!(
                "{flag} {:?} is not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z",
                excerpt(text)
            )
        })
}

fn read_files(files: &[String]) -> Result<Vec<Vec<u8>>, ExitCode> {
    let mut contents = Vec::with_capacity(files.len());
    for file in files {
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
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(contents)
}

/// The certificate text as given, for the before/after view (no key material: see
/// `fixes::certificate_text`); binary inputs are named, not shown.
fn certificate_text(files: &[String], contents: &[Vec<u8>]) -> String {
    let mut before = String::new();
    for (name, bytes) in files.iter().zip(contents) {
        match std::str::from_utf8(bytes) {
            Ok(text) => before.push_str(&crate::fixes::certificate_text(text)),
            Err(_) if !bytes.is_empty() => {
                before.push_str(&format!("[{name}: {} bytes of binary data]\n", bytes.len()))
            }
            Err(_) => {}
        }
    }
    before
}

fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print(text: &str) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|_| ExitCode::from(2))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("our types serialize");
    text.push('\n');
    text
}

fn inspect(args: &Args, report: &Report) -> ExitCode {
    let text = if args.json {
        to_json(report)
    } else {
        report.to_string()
    };
    if let Err(code) = print(&text) {
        return code;
    }
    exit_for(&report.diagnostics)
}

fn check(args: &Args, analysis: &Analysis, before: &str) -> ExitCode {
    let provider = args.provider.expect("checked in parse");
    let prep = providers::prepare(provider, Mode::Check, analysis, before, &Fields::default());
    let mut all = prep.analysis_diagnostics.clone();
    all.extend(prep.diagnostics.iter().cloned());
    let text = if args.json {
        let mut value = serde_json::to_value(&analysis.report).expect("reports serialize");
        value["diagnostics"] = serde_json::to_value(&all).expect("diagnostics serialize");
        value["provider"] = serde_json::to_value(&prep).expect("preparations serialize");
        to_json(&value)
    } else {
        let mut report = analysis.report.clone();
        report.diagnostics = prep.analysis_diagnostics.clone();
        let mut text = report.to_string();
        text.push_str(&prep.to_string());
        text
    };
    if let Err(code) = print(&text) {
        return code;
    }
    exit_for(&all)
}

fn make_request(args: &Args, analysis: &Analysis, before: &str, now: Duration) -> ExitCode {
    let provider = args.provider.expect("checked in parse");
    let fields = Fields {
        values: args.fields.clone(),
        region: args.region.clone().unwrap_or_default(),
    };
    let credentials = || Credentials {
        access_key_id: args.access_key_id.clone().unwrap_or_default(),
        secret: args.secret.clone().unwrap_or_else(|| Secret::new("")),
    };
    let auth = match args.auth.expect("checked in parse") {
        Scheme::AlibabaRpcV2 => Auth::AlibabaV2(credentials()),
        Scheme::AlibabaAcs3 => Auth::AlibabaAcs3(credentials()),
        Scheme::HuaweiAksk => Auth::HuaweiAksk {
            credentials: credentials(),
            domain_id: args.domain_id.clone(),
        },
        Scheme::HuaweiToken => Auth::HuaweiToken {
            env: args.token_env.clone().unwrap_or_default(),
        },
    };
    let nonce = args.nonce.clone().unwrap_or_else(fresh_nonce);
    let outcome = request::build(provider, analysis, before, &fields, &auth, now, &nonce);
    let diagnostics = outcome.diagnostics();
    let format = args.format.unwrap_or(Format::Curl);
    let text = match (format, &outcome.outputs) {
        (Format::Json, _) => {
            let value = serde_json::json!({
                "provider": provider.as_str(),
                "region": fields.region,
                "auth": args.auth.map(Scheme::auth_name),
                "diagnostics": diagnostics,
                "fixes": serde_json::to_value(&outcome.preparation).expect("preparations serialize")["fixes"],
                "call": outcome.preparation.call,
                "request": outcome.outputs,
            });
            to_json(&value)
        }
        (Format::Curl, Some(outputs)) => crate::render::curl_tab(outputs),
        (Format::Http, Some(outputs)) => outputs.http.clone(),
        (Format::VendorCli, Some(outputs)) => outputs.vendor_cli.clone().unwrap_or_default(),
        (_, None) => String::new(),
    };
    if format != Format::Json {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        if outcome.outputs.is_none() {
            eprintln!("cert-preflight: no request was built: fix the errors above");
        }
    }
    if let Err(code) = print(&text) {
        return code;
    }
    if outcome.outputs.is_none() {
        return ExitCode::from(1);
    }
    exit_for(&diagnostics)
}

/// A random UUID-shaped nonce from the operating system (the core never reads randomness).
fn fresh_nonce() -> String {
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom: fall back to the clock's nanoseconds, still unique per run.
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        bytes = nanos.to_le_bytes();
    }
    crate::signing::uuid_nonce(bytes)
}
