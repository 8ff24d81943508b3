//! Native benchmark of the analysis core (`cargo bench --bench analysis`; see bench/README.md).
//!
//! Cases, on bench/data/ (written by `python3 bench/make_inputs.py`):
//! - `parse_fingerprint_*`: PEM decoding, then `certificate::parse` of every certificate (all
//!   fields decoded, SHA-1 + SHA-256 fingerprints, a self-issued certificate's own signature
//!   verified) — the work comparable with pyca/cryptography and @peculiar/x509;
//! - `full_*`: `analyze_with`, the whole analysis (chain building with every name-matching issuer
//!   signature verified, key matching, lints);
//! - `recover_*`: input recovery (issue 13): its pass over clean PEM, and a bundle given as a JSON
//!   string recovered and decoded;
//! - `floor_*`: bench/floor.rs, base64 + one SHA-256 per certificate and nothing else: the least
//!   any parse + fingerprint can cost;
//! - `hostile_*`: `analyze_with` on each hostile input of bench/hostile.rs (made here, not read):
//!   300 certificates sharing one name, 20,000 empty blocks, 20 MB of noise, deep nesting, 4 GiB
//!   length fields; the figure is the worst case's cost, the anchors above say how fast the
//!   machine was in the same run.
//!
//! Each case runs a few warm-up iterations, then up to a count of timed iterations within a time
//! budget (at least 5); the figure is the median. Without `--bench` (as `cargo test --benches` runs
//! it) every case runs once as a smoke test and nothing is written. With `--bench` it prints a table
//! and writes bench/results/native.json. Timings go to files, never into assertions. Arguments that
//! are not flags select cases by substring (`cargo bench --bench analysis -- full_bundle`), for
//! profiling; a selection prints its table but writes no file.

use cert_preflight::analysis::input::{self, ItemKind};
use cert_preflight::analysis::recover;
use cert_preflight::analysis::{Input, Options, analyze_with, certificate};
use cert_preflight::time::Timestamp;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "floor.rs"]
mod floor;
#[path = "hostile.rs"]
mod hostile;

/// 2026-11-22T00:00:00Z, the validation time of every case.
const NOW: Timestamp = Timestamp::from_unix_seconds(1_795_305_600);

/// Parse + fingerprint every certificate of one PEM input; the number of certificates parsed.
fn parse_fingerprint(name: &str, bytes: &[u8]) -> usize {
    let decoded = input::decode(name, bytes);
    let mut diagnostics = Vec::new();
    let mut parsed = 0;
    for (index, item) in decoded
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Certificate)
        .enumerate()
    {
        if let Some(certificate) =
            certificate::parse(&item.der, index, &item.location, NOW, &mut diagnostics)
        {
            black_box(&certificate.summary.sha256);
            parsed += 1;
        }
    }
    parsed
}

/// What one full analysis found, to show that the work was done.
struct FullOutcome {
    certificates: usize,
    diagnostics: usize,
    signatures_checked: usize,
    signatures_verified: usize,
}

fn full(inputs: &[(&str, &[u8])]) -> FullOutcome {
    let inputs: Vec<Input> = inputs
        .iter()
        .map(|(name, bytes)| Input::new(name, bytes))
        .collect();
    let options = Options {
        now: NOW,
        passphrase: None,
        pkcs12_password: None,
    };
    let analysis = analyze_with(&inputs, &options);
    let report = black_box(analysis.report);
    FullOutcome {
        certificates: report.certificates.len(),
        diagnostics: report.diagnostics.len(),
        signatures_checked: report.chain.signatures.len(),
        signatures_verified: report
            .chain
            .signatures
            .iter()
            .filter(|s| s.verified)
            .count(),
    }
}

struct Case {
    name: &'static str,
    what: &'static str,
    max_runs: usize,
    budget: Duration,
    run: Box<dyn Fn() -> String>,
}

struct Measured {
    name: &'static str,
    what: &'static str,
    outcome: String,
    samples: Vec<f64>,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn measure(case: &Case) -> Measured {
    let mut outcome = String::new();
    for _ in 0..3 {
        outcome = (case.run)();
    }
    let mut samples = Vec::with_capacity(case.max_runs);
    let started = Instant::now();
    while samples.len() < case.max_runs && (samples.len() < 5 || started.elapsed() < case.budget) {
        let t0 = Instant::now();
        let result = (case.run)();
        samples.push(t0.elapsed().as_secs_f64() * 1e3);
        black_box(result);
    }
    samples.sort_by(f64::total_cmp);
    Measured {
        name: case.name,
        what: case.what,
        outcome,
        samples,
    }
}

fn read(dir: &Path, file: &str) -> Option<&'static [u8]> {
    let bytes = std::fs::read(dir.join(file)).ok()?;
    Some(Vec::leak(bytes))
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_json(path: &Path, measured: &[Measured]) -> std::io::Result<()> {
    let mut text =
        String::from("{\n  \"tool\": \"cert-preflight (native, cargo bench profile)\",\n");
    text.push_str(&format!(
        "  \"target\": {},\n  \"debug_assertions\": {},\n  \"results\": {{\n",
        json_string(&format!(
            "{}-{}",
            std::env::consts::ARCH,
            std::env::consts::OS
        )),
        cfg!(debug_assertions)
    ));
    for (i, m) in measured.iter().enumerate() {
        let comma = if i + 1 < measured.len() { "," } else { "" };
        text.push_str(&format!(
            "    {}: {{\"what\": {}, \"outcome\": {}, \"runs\": {}, \"median_ms\": {:.4}, \"min_ms\": {:.4}, \"max_ms\": {:.4}}}{comma}\n",
            json_string(m.name),
            json_string(m.what),
            json_string(&m.outcome),
            m.samples.len(),
            median(&m.samples),
            m.samples[0],
            m.samples[m.samples.len() - 1],
        ));
    }
    text.push_str("  }\n}\n");
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench_mode = args.iter().any(|a| a == "--bench");
    // Other arguments that are not flags select cases by substring (for profiling one case).
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench");
    let data = root.join("data");
    let (Some(chain3), Some(key), Some(bundle)) = (
        read(&data, "chain3.pem"),
        read(&data, "chain3-key.pem"),
        read(&data, "bundle1000.pem"),
    ) else {
        eprintln!(
            "bench/data is missing its inputs: run `python3 bench/make_inputs.py` first (bench/run.sh does)"
        );
        if bench_mode {
            std::process::exit(1);
        }
        return;
    };

    let ms = Duration::from_millis;
    let json_bundle: &'static str = Box::leak(
        serde_json::to_string(std::str::from_utf8(bundle).unwrap_or_default())
            .unwrap_or_default()
            .into_boxed_str(),
    );
    let full_outcome = |o: FullOutcome| {
        format!(
            "{} certificates, {} diagnostics, {}/{} signatures verified",
            o.certificates, o.diagnostics, o.signatures_verified, o.signatures_checked
        )
    };
    let cases = vec![
        Case {
            name: "parse_fingerprint_chain3",
            what: "PEM decode + certificate::parse (fields, SHA-1 + SHA-256) of chain3.pem",
            max_runs: 5000,
            budget: ms(2000),
            run: Box::new(move || {
                format!("{} certificates", parse_fingerprint("chain3.pem", chain3))
            }),
        },
        Case {
            name: "parse_fingerprint_bundle1000",
            what: "PEM decode + certificate::parse (fields, SHA-1 + SHA-256) of bundle1000.pem",
            max_runs: 200,
            budget: ms(5000),
            run: Box::new(move || {
                format!(
                    "{} certificates",
                    parse_fingerprint("bundle1000.pem", bundle)
                )
            }),
        },
        Case {
            name: "recover_bundle1000",
            what: "recover::recover of bundle1000.pem: clean PEM, nothing to undo (the pass every input pays)",
            max_runs: 200,
            budget: ms(3000),
            run: Box::new(move || {
                let text = std::str::from_utf8(bundle).unwrap_or_default();
                let recovered = recover::recover("bundle1000.pem", black_box(text));
                format!("changed: {}", recovered.changed())
            }),
        },
        Case {
            name: "recover_json_bundle1000",
            what: "input::decode of bundle1000.pem as one JSON string (json.dumps): recovered, then decoded",
            max_runs: 100,
            budget: ms(5000),
            run: Box::new(move || {
                let decoded = input::decode("bundle1000.json", black_box(json_bundle.as_bytes()));
                format!("{} items", decoded.items.len())
            }),
        },
        Case {
            name: "floor_bundle1000",
            what: "bench/floor.rs: base64 (base64ct) + SHA-256 of each certificate of bundle1000.pem",
            max_runs: 200,
            budget: ms(3000),
            run: Box::new(move || {
                format!(
                    "{} certificates",
                    black_box(floor::base64_and_sha256(bundle)).0
                )
            }),
        },
        Case {
            name: "full_chain3_key",
            what: "analyze_with(chain3.pem + chain3-key.pem): chain built, signatures verified, key matched",
            max_runs: 2000,
            budget: ms(3000),
            run: Box::new(move || {
                full_outcome(full(&[("chain3.pem", chain3), ("chain3-key.pem", key)]))
            }),
        },
        Case {
            name: "full_bundle1000",
            what: "analyze_with(bundle1000.pem): every issuer signature verified",
            max_runs: 30,
            budget: ms(15000),
            run: Box::new(move || full_outcome(full(&[("bundle1000.pem", bundle)]))),
        },
    ];

    let mut cases = cases;
    for (name, bytes) in hostile::all() {
        let bytes: &'static [u8] = Vec::leak(bytes);
        let what: &'static str = String::leak(format!("analyze_with({name})"));
        let large = bytes.len() > 1_000_000;
        cases.push(Case {
            name: String::leak(hostile::case_name(&name)),
            what,
            max_runs: if large { 10 } else { 50 },
            budget: ms(if large { 8000 } else { 4000 }),
            run: Box::new(move || full_outcome(full(&[("hostile", bytes)]))),
        });
    }
    let cases: Vec<Case> = cases
        .into_iter()
        .filter(|c| filters.is_empty() || filters.iter().any(|f| c.name.contains(f.as_str())))
        .collect();
    if !bench_mode {
        for case in &cases {
            println!("{}: {}", case.name, (case.run)());
        }
        return;
    }

    println!(
        "{:<56} {:>6} {:>12} {:>12} {:>12}  outcome",
        "case", "runs", "median ms", "min ms", "max ms"
    );
    let mut measured = Vec::new();
    for case in &cases {
        let m = measure(case);
        println!(
            "{:<56} {:>6} {:>12.4} {:>12.4} {:>12.4}  {}",
            m.name,
            m.samples.len(),
            median(&m.samples),
            m.samples[0],
            m.samples[m.samples.len() - 1],
            m.outcome
        );
        measured.push(m);
    }
    if !filters.is_empty() {
        println!("(a selection of cases: bench/results/native.json is not written)");
        return;
    }
    let results = root.join("results");
    let out = results.join("native.json");
    match std::fs::create_dir_all(&results).and_then(|()| write_json(&out, &measured)) {
        Ok(()) => println!("wrote {}", out.display()),
        Err(error) => {
            eprintln!("cannot write {}: {error}", out.display());
            std::process::exit(1);
        }
    }
}
