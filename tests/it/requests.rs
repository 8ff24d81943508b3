//! Every generated curl command runs, as printed, in bash and in zsh against the loopback HTTPS server
//! `tests/server/verify_server.py`, which recomputes each signature with the vendors' official
//! SDKs (aliyun-python-sdk-core, alibabacloud-openapi-util, alibabacloud-tea-openapi,
//! huaweicloudsdkcore) from the bytes that arrived. curl is pointed at the server by a test-only
//! `.curlrc` (`connect-to`, `cacert`) in `CURL_HOME`, so the command itself is not edited.
//!
//! Every flow's command with `--lang zh-CN` is the English one but for its notes (every
//! target × scheme, the curl and the vendor CLI command), and one Chinese curl command is run.
//!
//! The fields are hostile on purpose: quotes, `$`, backticks, backslashes, newlines, tabs,
//! non-ASCII text and `'; rm -rf ~ #`. Needs `.venv` (scripts/setup.sh --python), bash, zsh, dash
//! and curl.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ALIBABA_AK: &str = "LTAI-test-key";
const ALIBABA_SECRET: &str = "alibaba-secret-\"'$`\\-value";
const HUAWEI_AK: &str = "HWTESTAK0001";
const HUAWEI_SECRET: &str = "huawei-secret-value-0001";
const TOKEN: &str = "MIIT-test-token-0001";
/// Everything a shell or a signer could trip over.
const NASTY: &str = "q\"uote 'single' $HOME ${PATH} `id` $(id) \\back\\ tab\tnew\nline\r\ncrlf 中文名 ünïcödé ✓ 🔐 %20 + * ~ & = '; rm -rf ~ #";

use crate::binary::run as cli;
use crate::corpus::{NOW, inspect_input as input, repo};

struct Server {
    child: Child,
    dir: PathBuf,
    record: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Server {
    fn start(name: &str) -> Self {
        let python = repo().join(".venv/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run scripts/setup.sh --python (the test command does)",
            python.display()
        );
        let dir =
            std::env::temp_dir().join(format!("cert-preflight-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let record = dir.join("record.jsonl");
        let ready = dir.join("ready.json");
        let mut command = Command::new(python);
        command
            .arg(repo().join("tests/server/verify_server.py"))
            .arg("--cert-dir")
            .arg(dir.join("certs"))
            .arg("--record")
            .arg(&record)
            .arg("--ready-file")
            .arg(&ready)
            .env(
                "ALIBABA_TEST_SECRETS",
                serde_json::json!({ ALIBABA_AK: ALIBABA_SECRET }).to_string(),
            )
            .env(
                "HUAWEI_TEST_SECRETS",
                serde_json::json!({ HUAWEI_AK: HUAWEI_SECRET }).to_string(),
            )
            .env("HUAWEI_TEST_TOKENS", serde_json::json!([TOKEN]).to_string())
            .stdout(Stdio::null());
        for host in [
            "slb.cn-shanghai.aliyuncs.com",
            "kms.cn-hangzhou.aliyuncs.com",
            "ccm.cn-north-4.myhuaweicloud.com",
            "elb.cn-north-4.myhuaweicloud.com",
            "scm.cn-north-4.myhuaweicloud.com",
            "iam.cn-north-4.myhuaweicloud.com",
        ] {
            command.arg("--san").arg(host);
        }
        let child = command.spawn().expect("python runs");
        let started = Instant::now();
        while !ready.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the verifying server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let ready: Value = serde_json::from_str(&std::fs::read_to_string(&ready).unwrap()).unwrap();
        let curlrc = format!(
            "cacert = \"{}\"\nconnect-to = \"::127.0.0.1:{}\"\n",
            ready["ca"].as_str().unwrap(),
            ready["port"]
        );
        std::fs::write(dir.join(".curlrc"), curlrc).unwrap();
        Self { child, dir, record }
    }

    fn records(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.record)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// Runs a command text in bash, with curl pointed at this server.
    fn bash(&self, script: &str, env: &[(&str, &str)]) -> std::process::Output {
        self.shell("bash", script, env)
    }

    /// Runs a command text in `shell` (`bash`, `zsh`), with curl pointed at this server. zsh
    /// reads it as an interactive zsh reads a pasted command (`-i`, from its input, no startup
    /// files: `INTERACTIVE_COMMENTS` off, as zsh and macOS leave it), where a `#` line is a
    /// command, not a comment.
    fn shell(&self, shell: &str, script: &str, env: &[(&str, &str)]) -> std::process::Output {
        let mut command = Command::new(shell);
        if shell == "zsh" {
            command.args(["-f", "-i", "-s"]).stdin(Stdio::piped());
        } else {
            command.arg("-c").arg(script);
        }
        command
            .env("CURL_HOME", &self.dir)
            .env("HOME", &self.dir) // `~` in a broken quote would point here, never at a real home
            .current_dir(&self.dir);
        for (k, v) in env {
            command.env(k, v);
        }
        if shell != "zsh" {
            return command.output().expect("the shell runs");
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("zsh runs");
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(script.as_bytes()).unwrap();
        drop(stdin);
        let output = child.wait_with_output().expect("zsh runs");
        assert_no_shell_error(&String::from_utf8_lossy(&output.stderr), script);
        output
    }
}

/// Builds the request twice (JSON for the facts, curl to run), runs the curl command and returns
/// the JSON and the server's record of what arrived.
fn run_case(
    server: &Server,
    args: &[&str],
    files: &[&Path],
    env: &[(&str, &str)],
) -> (Value, Value) {
    let mut json_args = vec!["request"];
    json_args.extend_from_slice(args);
    json_args.extend(["--format", "json"]);
    let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    json_args.extend(files.iter().map(String::as_str));
    let json = cli(&json_args, env);
    let stdout = String::from_utf8_lossy(&json.stdout);
    assert!(
        json.status.success(),
        "request failed: {stdout}\n{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();

    let mut curl_args = vec!["request"];
    curl_args.extend_from_slice(args);
    curl_args.extend(files.iter().map(String::as_str));
    let curl = cli(&curl_args, env);
    assert!(curl.status.success());
    let script = String::from_utf8(curl.stdout).unwrap();
    for secret in [ALIBABA_SECRET, HUAWEI_SECRET, TOKEN] {
        assert!(
            !script.contains(secret),
            "the command holds a secret:\n{script}"
        );
    }
    assert!(
        script.ends_with(json["request"]["curl"].as_str().unwrap()),
        "--format curl prints the JSON's curl command"
    );
    // The permission the target's page names is said above the command.
    let provider = args[args.iter().position(|a| *a == "--provider").unwrap() + 1];
    let targets: Value = serde_json::from_slice(&cli(&["targets", "--json"], &[]).stdout).unwrap();
    let spec = targets
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == provider)
        .unwrap();
    if let Some(action) = spec["permission"]["action"].as_str() {
        assert!(script.contains(&format!("\nNeeds {action}: ")), "{script}");
    }
    same_commands_in_chinese(&curl_args, env, &script);
    koocli_reads_the_signed_body(&json);
    // In bash, and in zsh (macOS's shell, where `=word` would be a path expansion).
    let mut record = Value::Null;
    for shell in ["bash", "zsh"] {
        let before = server.records().len();
        let output = server.shell(shell, &script, &[("HUAWEI_TOKEN", TOKEN)]);
        let records = server.records();
        assert_eq!(
            records.len(),
            before + 1,
            "one request arrived; {shell} said {output:?}"
        );
        record = records.last().unwrap().clone();
        assert_eq!(
            record["accepted"], true,
            "the server refused: {record:#}\n{script}"
        );
        assert!(
            output.status.success(),
            "curl failed in {shell}: {output:?}"
        );
        let answer = String::from_utf8_lossy(&output.stdout);
        assert!(
            answer.replace(" : ", ": ").contains("\"accepted\": true"),
            "{answer}"
        );
        // The server answers an ELB create as ELB does, with the keys it was sent: the command
        // prints them masked, never the key (in a terminal's scrollback or a CI job's log).
        assert!(
            !answer.contains("PRIVATE KEY"),
            "the answer's copy of the key was printed:\n{answer}"
        );
        assert_eq!(
            record["body_sha256"], json["request"]["body_sha256"],
            "the body that arrived in {shell} is not the body that was signed"
        );
    }
    (json, record)
}

/// What a shell printed (`said`) holds none of the errors bash and zsh give for a line they could
/// not run as written: a `#` line run as a command, a quote or parenthesis left open, a pattern.
fn assert_no_shell_error(said: &str, what: &str) {
    for error in [
        "command not found",
        "parse error",
        "unmatched",
        "no matches found",
    ] {
        assert!(!said.contains(error), "{said}\n{what}");
    }
}

/// A Huawei target's `KooCLI` command gives `hcloud` the body that was signed, byte for byte, as
/// `{"body": BODY}` in its `--cli-jsonInput` file, and none of it as an argument (where `ps` shows
/// it): run in bash and in dash with a stand-in `hcloud` on `PATH` that keeps its arguments and the
/// file. The Alibaba targets' commands are left alone.
fn koocli_reads_the_signed_body(json: &Value) {
    let Some(script) = json["request"]["vendor_cli"].as_str() else {
        return;
    };
    if !json["provider"].as_str().unwrap().starts_with("huawei-") {
        return;
    }
    assert!(script.contains("\n  hcloud "), "{script}");
    let body = json["request"]["body"].as_str().unwrap();
    let dir = std::env::temp_dir().join(format!(
        "cert-preflight-hcloud-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("hcloud"),
        r#"#!/usr/bin/env bash
printf '%s\n' "$@" > "$FAKE_DIR/argv"
for arg in "$@"; do
  case "$arg" in --cli-jsonInput=*) cp "${arg#--cli-jsonInput=}" "$FAKE_DIR/input.json" ;; esac
done
echo '{}'
"#,
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(dir.join("hcloud"))
        .status()
        .unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for shell in ["bash", "sh"] {
        let _ = std::fs::remove_file(dir.join("input.json"));
        let run = Command::new(shell)
            .arg("-c")
            .arg(script)
            .env("PATH", &path)
            .env("FAKE_DIR", &dir)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(run.status.success(), "{shell}: {run:?}\n{script}");
        let argv = std::fs::read_to_string(dir.join("argv")).unwrap();
        assert!(
            !argv.contains("-----BEGIN"),
            "PEM in hcloud's arguments: {argv}"
        );
        assert!(argv.contains("--cli-region="), "{argv}");
        let given = std::fs::read_to_string(dir.join("input.json")).unwrap();
        assert_eq!(given, format!("{{\"body\":{body}}}"), "{shell}");
        let given: Value = serde_json::from_str(&given).expect("the file is JSON");
        assert_eq!(given["body"], serde_json::from_str::<Value>(body).unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A command's lines split into its notes (the lines of each ` : <<'NOTE'` block) and the rest.
fn notes_and_code(script: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut notes, mut code) = (Vec::new(), Vec::new());
    let mut delimiter: Option<&str> = None;
    for line in script.lines() {
        match delimiter {
            Some(end) if line == end => delimiter = None,
            Some(_) => notes.push(line),
            None => match line
                .strip_prefix(" : <<'")
                .and_then(|d| d.strip_suffix('\''))
            {
                Some(end) => delimiter = Some(end),
                None => code.push(line),
            },
        }
    }
    assert!(delimiter.is_none(), "a notes block left open:\n{script}");
    (notes, code)
}

/// With `--lang zh-CN`, the curl command (`english`, made by `args`) and the vendor CLI command
/// differ only in their notes, which are Chinese: nothing sent changes with the language. No line
/// outside the notes is a `#` comment (in an interactive zsh it would be a command).
fn same_commands_in_chinese(args: &[&str], env: &[(&str, &str)], english: &str) {
    let mut vendor_args = args.to_vec();
    vendor_args.extend(["--format", "cli"]);
    let vendor = String::from_utf8(cli(&vendor_args, env).stdout).unwrap();
    for (args, english) in [(args.to_vec(), english), (vendor_args, vendor.as_str())] {
        let mut zh_args = args.clone();
        zh_args.extend(["--lang", "zh-CN"]);
        let output = cli(&zh_args, env);
        assert!(output.status.success(), "{zh_args:?}");
        let chinese = String::from_utf8(output.stdout).unwrap();
        let (notes, code) = notes_and_code(&chinese);
        assert_eq!(
            code,
            notes_and_code(english).1,
            "{args:?}: only the notes may differ"
        );
        assert!(!notes.is_empty(), "{args:?}: no notes:\n{chinese}");
        assert!(
            !code.iter().any(|line| line.trim_start().starts_with('#')),
            "{args:?}: a comment line:\n{chinese}"
        );
        for line in notes {
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{args:?}: an English note in the Chinese command: {line}"
            );
        }
        assert!(
            english.is_empty() || chinese != english,
            "{args:?}: the notes are translated"
        );
    }
}

fn slb_args(auth: &str) -> Vec<&str> {
    vec![
        "--provider",
        "alibaba-slb-ca",
        "--region",
        "cn-shanghai",
        "--auth",
        auth,
        "--access-key-id",
        ALIBABA_AK,
        "--secret-env",
        "ALIBABA_SECRET",
        "--timestamp",
        NOW,
        "--nonce",
        "3f1c1d64-5f2b-4c4e-9b7a-0d6e2a1f9c01",
        "--field",
        "ResourceGroupId=rg-acfm2example",
    ]
}

#[test]
fn alibaba_requests_are_accepted_with_hostile_fields() {
    let server = Server::start("alibaba");
    let env = [("ALIBABA_SECRET", ALIBABA_SECRET)];
    let name = format!("CACertificateName={NASTY}");
    let tag_key = "Tag.1.Key=owner \"'$`".to_owned();
    let tag_value = format!(
        "Tag.1.Value={}",
        &NASTY[..NASTY.char_indices().nth(100).unwrap().0]
    );
    let root = input("public-isrg-root-x1", "isrg-root-x1.pem");
    for auth in ["v2", "acs3"] {
        let mut args = slb_args(auth);
        args.extend([
            "--field",
            &name,
            "--field",
            &tag_key,
            "--field",
            &tag_value,
            "--field",
            "Tag.2.Key=中文",
            "--field",
            "Tag.2.Value=",
        ]);
        let (json, record) = run_case(&server, &args, &[&root], &env);
        let parameters = &record["parameters"];
        assert_eq!(parameters["CACertificateName"], NASTY, "{auth}");
        assert_eq!(parameters["Tag.1.Key"], "owner \"'$`");
        assert_eq!(parameters["Tag.2.Value"], "");
        assert_eq!(parameters["RegionId"], "cn-shanghai");
        assert_eq!(record["host"], "slb.cn-shanghai.aliyuncs.com");
        let pem = std::fs::read_to_string(&root).unwrap();
        assert_eq!(
            parameters["CACertificate"].as_str().unwrap(),
            pem,
            "{auth}: the PEM arrived intact"
        );
        assert_eq!(json["auth"], auth);
    }

    // KMS: the leaf, the CSR KMS made, and the chain (intermediate + root) in a shuffled file.
    let chain = std::fs::read_to_string(input("chain-ordered-leaf-int-root", "chain.pem")).unwrap();
    let blocks: Vec<&str> = chain
        .split_inclusive("-----END CERTIFICATE-----\n")
        .collect();
    let shuffled = server.dir.join("root-then-intermediate.pem");
    std::fs::write(
        &shuffled,
        format!("{}\r\nstray text\r\n{}", blocks[2], blocks[1]),
    )
    .unwrap();
    let leaf = input("csr-matches-leaf", "leaf.pem");
    let csr = input("csr-matches-leaf", "request.csr");
    for auth in ["v2", "acs3"] {
        let args = [
            "--provider",
            "alibaba-kms",
            "--region",
            "cn-hangzhou",
            "--auth",
            auth,
            "--access-key-id",
            ALIBABA_AK,
            "--secret-env",
            "ALIBABA_SECRET",
            "--timestamp",
            NOW,
            "--nonce",
            "nonce-kms",
            "--field",
            "CertificateId=0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a",
        ];
        let (json, record) = run_case(&server, &args, &[&shuffled, &leaf, &csr], &env);
        let parameters = &record["parameters"];
        assert_eq!(
            parameters["Certificate"],
            std::fs::read_to_string(&leaf).unwrap()
        );
        assert_eq!(
            parameters["CertificateChain"].as_str().unwrap(),
            format!("{}{}", blocks[1], blocks[2]),
            "intermediate then root, normalised"
        );
        let changes = json["fixes"]["bundle"]["changes"].to_string();
        assert!(changes.contains("chain order"), "{changes}");
    }

    // SLB UploadServerCertificate: the RSA chain given root first with its PKCS#8-less key; the
    // root is dropped, the key goes as PKCS#1; hostile tags.
    let rsa_chain = input("key-pkcs1-rsa-matches-leaf", "chain.pem");
    let rsa_key = input("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem");
    let rsa_blocks: Vec<String> = std::fs::read_to_string(&rsa_chain)
        .unwrap()
        .split_inclusive("-----END CERTIFICATE-----\n")
        .map(str::to_owned)
        .collect();
    let reversed = server.dir.join("root-first.pem");
    std::fs::write(
        &reversed,
        format!("{}\n\n{}{}", rsa_blocks[2], rsa_blocks[1], rsa_blocks[0]),
    )
    .unwrap();
    for auth in ["v2", "acs3"] {
        let mut args = slb_args(auth);
        args[1] = "alibaba-slb-server";
        args.extend([
            "--field",
            "ServerCertificateName=www.example.com-2026",
            "--field",
            &tag_key,
            "--field",
            &tag_value,
        ]);
        let (json, record) = run_case(&server, &args, &[&reversed, &rsa_key], &env);
        assert_eq!(record["api"], "UploadServerCertificate", "{auth}");
        let parameters = &record["parameters"];
        assert_eq!(
            parameters["ServerCertificate"].as_str().unwrap(),
            format!("{}{}", rsa_blocks[0], rsa_blocks[1]),
            "{auth}: leaf then intermediate, root dropped, blank line gone"
        );
        assert_eq!(
            parameters["PrivateKey"].as_str().unwrap(),
            std::fs::read_to_string(&rsa_key).unwrap()
        );
        assert_eq!(parameters["Tag.1.Key"], "owner \"'$`");
        assert_eq!(parameters["RegionId"], "cn-shanghai");
        let cli = json["request"]["vendor_cli"].as_str().unwrap();
        assert!(
            cli.contains("aliyun slb UploadServerCertificate \\\n    --region cn-shanghai"),
            "{cli}"
        );
    }

    // CAS UploadUserCertificate: an EC leaf with its PKCS#8 key (sent as SEC1), a hostile name.
    let ec_leaf = input("key-pkcs8-ec-matches-leaf", "leaf.pem");
    let ec_key = input("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem");
    let cas_name = "Name=q\"uote '$HOME `id` \\ 中文 ✓";
    let tags_value = tag_value.replacen("Tag.1.", "Tags.1.", 1);
    for auth in ["v2", "acs3"] {
        let args = [
            "--provider",
            "alibaba-cas",
            "--region",
            "cn-hangzhou",
            "--auth",
            auth,
            "--access-key-id",
            ALIBABA_AK,
            "--secret-env",
            "ALIBABA_SECRET",
            "--timestamp",
            NOW,
            "--nonce",
            "nonce-cas",
            "--field",
            cas_name,
            "--field",
            "Tags.1.Key=env",
            "--field",
            &tags_value,
        ];
        let (json, record) = run_case(&server, &args, &[&ec_leaf, &ec_key], &env);
        assert_eq!(record["api"], "UploadUserCertificate", "{auth}");
        assert_eq!(record["host"], "cas.aliyuncs.com");
        let parameters = &record["parameters"];
        assert_eq!(parameters["Name"], "q\"uote '$HOME `id` \\ 中文 ✓");
        assert_eq!(
            parameters["Cert"].as_str().unwrap(),
            std::fs::read_to_string(&ec_leaf).unwrap()
        );
        assert!(
            parameters["Key"]
                .as_str()
                .unwrap()
                .starts_with("-----BEGIN EC PRIVATE KEY-----\n")
        );
        assert_eq!(parameters["Tags.1.Key"], "env");
        assert_eq!(json["fixes"]["key"]["to"], "EC PRIVATE KEY");
        assert!(
            json["diagnostics"]
                .to_string()
                .contains("alibaba-cas/name-portable"),
            "a name outside what every version allows is warned about"
        );
    }

    // A wrong secret is refused: the server really checks.
    let args = slb_args("v2");
    let mut all = vec!["request"];
    all.extend_from_slice(&args);
    let root_path = root.display().to_string();
    all.push(&root_path);
    let script = cli(&all, &[("ALIBABA_SECRET", "not-the-secret")]).stdout;
    let output = server.bash(&String::from_utf8(script).unwrap(), &[]);
    assert!(
        !output.status.success(),
        "a bad signature must make curl fail"
    );
    assert_eq!(server.records().last().unwrap()["accepted"], false);
}

/// The Chinese curl command, run as printed, sends what the English one sends: the server accepts
/// it and receives the signed body.
#[test]
fn the_chinese_curl_command_is_accepted() {
    let server = Server::start("alibaba-zh");
    let env = [("ALIBABA_SECRET", ALIBABA_SECRET)];
    let root = input("public-isrg-root-x1", "isrg-root-x1.pem");
    let root = root.display().to_string();
    let name = format!("CACertificateName={NASTY}");
    let mut args = vec!["request"];
    args.extend(slb_args("acs3"));
    args.extend(["--field", &name, "--lang", "zh-CN", &root]);
    let output = cli(&args, &env);
    assert!(output.status.success());
    let script = String::from_utf8(output.stdout).unwrap();
    assert!(script.contains("\n签名方式：阿里云 V3 签名"), "{script}");
    let run = server.bash(&script, &[]);
    assert!(run.status.success(), "curl failed: {run:?}");
    let record = server.records().last().unwrap().clone();
    assert_eq!(record["accepted"], true, "{record:#}");
    assert_eq!(record["parameters"]["CACertificateName"], NASTY);
    let pem = std::fs::read_to_string(&root).unwrap();
    assert_eq!(record["parameters"]["CACertificate"].as_str().unwrap(), pem);
}

/// ELB's answer repeats the key it was sent (its private-key echo, on by default): the curl and
/// `KooCLI` commands print the answer's keys as `******` (`KooCLI` asked for JSON), and a failure of
/// the program still ends the script with its status, in bash and in a POSIX shell (dash). Run
/// against stand-ins on `PATH`: `hcloud` answers as the API page's example does, with the key of the
/// body file it was given; `curl` answers with the body it was sent. Both commands name the permission, and
/// pasted into an interactive bash or zsh (on a pseudo-terminal) leave no key in its history file.
#[test]
fn the_elb_commands_never_print_the_key_the_answer_repeats() {
    let dir = std::env::temp_dir().join(format!("cert-preflight-koocli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let hcloud = dir.join("hcloud");
    std::fs::write(
        &hcloud,
        r#"#!/usr/bin/env bash
key=""
for arg in "$@"; do
  case "$arg" in
    --cli-output=json) echo json > "$FAKE_DIR/output" ;;
    --cli-jsonInput=*) key=$(sed -E 's/.*"private_key":"([^"]*)".*/\1/' "${arg#--cli-jsonInput=}") ;;
  esac
done
case "$key" in *"PRIVATE KEY"*) echo key > "$FAKE_DIR/received" ;; esac
printf '{\n  "certificate": {\n    "id": "233a325e5e3e4ce8beeb320aa714cc12",\n    "private_key": "%s",\n    "name": "private_key"\n  },\n  "request_id": "98414965"\n}\n' "$key"
exit "${FAKE_EXIT:-0}"
"#,
    )
    .unwrap();
    // A stand-in curl answers with the body it was sent, which holds the key as `private_key`.
    let curl = dir.join("curl");
    std::fs::write(
        &curl,
        r#"#!/usr/bin/env bash
for arg in "$@"; do
  case "$arg" in @*) cat "${arg#@}"; echo key > "$FAKE_DIR/received" ;; esac
done
exit "${FAKE_EXIT:-0}"
"#,
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&hcloud)
        .arg(&curl)
        .status()
        .unwrap();
    let leaf = input("key-pkcs8-ec-matches-leaf", "leaf.pem");
    let key = input("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem");
    let (leaf, key) = (leaf.display().to_string(), key.display().to_string());
    let mut args = vec![
        "request",
        "--provider",
        "huawei-elb",
        "--region",
        "cn-north-4",
        "--auth",
        "aksk",
        "--access-key-id",
        HUAWEI_AK,
        "--secret-env",
        "HUAWEI_SECRET",
        "--timestamp",
        NOW,
        "--field",
        "project_id=0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    ];
    args.extend([leaf.as_str(), key.as_str()]);
    let script = |format: &str| {
        let mut args = args.clone();
        args.extend(["--format", format]);
        let output = cli(&args, &[("HUAWEI_SECRET", HUAWEI_SECRET)]);
        assert!(output.status.success());
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(
            script.contains("\nThe answer repeats the private key"),
            "{script}"
        );
        assert!(
            script.contains("\nNeeds elb:certificates:create"),
            "{script}"
        );
        script
    };
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let runs = [
        ("cli", "bash"),
        ("cli", "sh"),
        ("curl", "bash"),
        ("curl", "sh"),
    ];
    // bash, and dash (Debian's sh) for POSIX shells; curl and hcloud succeeding, then failing.
    for ((format, shell), exit) in runs.iter().flat_map(|run| [(run, "0"), (run, "22")]) {
        let _ = std::fs::remove_file(dir.join("received"));
        let _ = std::fs::remove_file(dir.join("output"));
        let run = Command::new(shell)
            .arg("-c")
            .arg(script(format))
            .env("PATH", &path)
            .env("FAKE_DIR", &dir)
            .env("FAKE_EXIT", exit)
            .current_dir(&dir)
            .output()
            .unwrap();
        let answer = String::from_utf8_lossy(&run.stdout);
        assert!(dir.join("received").exists(), "{format} was given the key");
        assert!(!answer.contains("PRIVATE KEY"), "{answer}");
        if *format == "cli" {
            assert!(dir.join("output").exists(), "hcloud was asked for JSON");
            assert!(answer.contains("\"private_key\": \"******\""), "{answer}");
            assert!(answer.contains("\"name\": \"private_key\""), "{answer}");
        } else {
            assert!(answer.contains("\"private_key\":\"******\""), "{answer}");
            assert!(answer.contains("BEGIN CERTIFICATE"), "{answer}");
        }
        assert_eq!(
            run.status.code(),
            Some(exit.parse().unwrap()),
            "{format} in {shell}: {run:?}"
        );
    }
    // Pasted into an interactive bash or zsh (its options as zsh and macOS leave them: `#` lines
    // are not comments), at once as terminals paste or line by line, each command runs, leaves
    // neither the key nor the certificate in the history file, and history is on again afterwards
    // (the line after the command is recorded).
    let shells = ["bash", "zsh", "zsh-shared"];
    let pastes = ["curl", "cli"]
        .iter()
        .flat_map(|f| shells.map(|s| (*f, s)))
        .flat_map(|(f, s)| ["bracketed", "lines"].map(|m| (f, s, m)));
    for (format, shell, mode) in pastes {
        let _ = std::fs::remove_file(dir.join("received"));
        let histfile = dir.join(format!("history-{format}-{shell}-{mode}"));
        let mut paste = Command::new(repo().join(".venv/bin/python"))
            .arg(repo().join("tests/server/interactive_shell.py"))
            .arg(shell)
            .arg(&histfile)
            .arg(mode)
            .env("PATH", &path)
            .env("FAKE_DIR", &dir)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write as _;
        let text = script(format);
        paste
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let history = paste.wait_with_output().unwrap();
        assert!(history.status.success(), "{shell}: {history:?}");
        let shown = String::from_utf8_lossy(&history.stderr);
        let history = String::from_utf8_lossy(&history.stdout);
        let case = format!("{format} pasted into {shell} ({mode})");
        assert_no_shell_error(&shown, &case);
        assert!(dir.join("received").exists(), "{case}: {shown}");
        assert!(
            history.contains("history-after-marker"),
            "{case}: {history}"
        );
        assert!(!history.contains("PRIVATE KEY"), "{case}: {history}");
        assert!(!history.contains("BEGIN CERTIFICATE"), "{case}: {history}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn huawei_requests_are_accepted_with_hostile_fields() {
    let server = Server::start("huawei");
    let env = [("HUAWEI_SECRET", HUAWEI_SECRET)];
    let chain = std::fs::read_to_string(input("chain-ordered-leaf-int-root", "chain.pem")).unwrap();
    let blocks: Vec<&str> = chain
        .split_inclusive("-----END CERTIFICATE-----\n")
        .collect();

    // ELB server: leaf + PKCS#8 EC key + the chain given root first; hostile name and description.
    let bundle = server.dir.join("bundle.pem");
    std::fs::write(&bundle, format!("{}{}", blocks[2], blocks[1])).unwrap();
    let leaf = input("key-pkcs8-ec-matches-leaf", "leaf.pem");
    let key = input("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem");
    let name = format!("name={}", NASTY);
    let description = format!("description={NASTY}{NASTY}");
    let common = |auth: &'static str| -> Vec<String> {
        let mut args: Vec<String> = [
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            auth,
            "--timestamp",
            NOW,
            "--field",
            "project_id=0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "--field",
            "domain=api.example.com",
        ]
        .map(String::from)
        .to_vec();
        args.extend([
            "--field".into(),
            name.clone(),
            "--field".into(),
            description.clone(),
        ]);
        if auth == "aksk" {
            args.extend(
                [
                    "--access-key-id",
                    HUAWEI_AK,
                    "--secret-env",
                    "HUAWEI_SECRET",
                ]
                .map(String::from),
            );
        } else {
            args.extend(["--token-env", "HUAWEI_TOKEN"].map(String::from));
        }
        args
    };
    for auth in ["aksk", "token"] {
        let args = common(auth);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (json, record) = run_case(&server, &args, &[&bundle, &leaf, &key], &env);
        assert_eq!(
            record["path"],
            "/v3/0a1b2c3d4e5f60718293a4b5c6d7e8f9/elb/certificates"
        );
        let body: Value = serde_json::from_str(record["body"].as_str().unwrap()).unwrap();
        let option = &body["certificate"];
        assert_eq!(option["name"], NASTY);
        assert_eq!(option["description"], format!("{NASTY}{NASTY}"));
        assert_eq!(option["domain"], "api.example.com");
        assert!(
            option["private_key"]
                .as_str()
                .unwrap()
                .starts_with("-----BEGIN EC PRIVATE KEY-----\n")
        );
        assert_eq!(
            option["certificate"].as_str().unwrap(),
            format!("{}{}", std::fs::read_to_string(&leaf).unwrap(), blocks[1]),
            "leaf then intermediate, root dropped"
        );
        assert_eq!(json["fixes"]["key"]["to"], "EC PRIVATE KEY");
        // The server's answer repeated the key, as ELB's does; `run_case` found it masked.
        assert_eq!(record["echoed"], serde_json::json!(["private_key"]));
        if auth == "aksk" {
            assert_eq!(record["project_id"], "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
            assert!(
                record["signed_headers"]
                    .as_str()
                    .unwrap()
                    .contains("x-project-id")
            );
        } else {
            assert_eq!(record["scheme"], "token");
        }
    }

    // CCM: the intermediate CA with its root, AK/SK with the account ID.
    let ca = server.dir.join("ca.pem");
    std::fs::write(&ca, format!("{}{}", blocks[1], blocks[2])).unwrap();
    let args = [
        "--provider",
        "huawei-ccm-pca",
        "--region",
        "cn-north-4",
        "--auth",
        "aksk",
        "--access-key-id",
        HUAWEI_AK,
        "--secret-env",
        "HUAWEI_SECRET",
        "--domain-id",
        "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
        "--timestamp",
        NOW,
        "--field",
        "ca_id=6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6",
    ];
    let (_, record) = run_case(&server, &args, &[&ca], &env);
    assert_eq!(record["domain_id"], "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
    assert_eq!(
        record["path"],
        "/v1/private-certificate-authorities/6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6/import"
    );
    let body: Value = serde_json::from_str(record["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["certificate"], blocks[1]);
    assert_eq!(body["certificate_chain"], blocks[2]);
    // And with a token (the IAM token commands come first, scoped to the account).
    let args = [
        "--provider",
        "huawei-ccm-pca",
        "--region",
        "cn-north-4",
        "--auth",
        "token",
        "--token-env",
        "HUAWEI_TOKEN",
        "--timestamp",
        NOW,
        "--field",
        "ca_id=6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6",
    ];
    let (_, record) = run_case(&server, &args, &[&ca], &env);
    assert_eq!(
        record["path"],
        "/v1/private-certificate-authorities/6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6/import"
    );

    // SCM import: the RSA leaf with its chain and key; AK/SK with the account ID, then a token.
    let rsa_chain = input("key-pkcs1-rsa-matches-leaf", "chain.pem");
    let rsa_key = input("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem");
    let rsa_blocks: Vec<String> = std::fs::read_to_string(&rsa_chain)
        .unwrap()
        .split_inclusive("-----END CERTIFICATE-----\n")
        .map(str::to_owned)
        .collect();
    for auth in ["aksk", "token"] {
        let mut args = vec![
            "--provider",
            "huawei-scm",
            "--region",
            "cn-north-4",
            "--auth",
            auth,
            "--timestamp",
            NOW,
            "--field",
            "name=www.example.com_2026-01",
            "--field",
            "duplicate_check=false",
        ];
        if auth == "aksk" {
            args.extend([
                "--access-key-id",
                HUAWEI_AK,
                "--secret-env",
                "HUAWEI_SECRET",
                "--domain-id",
                "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
            ]);
        } else {
            args.extend(["--token-env", "HUAWEI_TOKEN"]);
        }
        let (json, record) = run_case(&server, &args, &[&rsa_chain, &rsa_key], &env);
        assert_eq!(record["api"], "ImportCertificate", "{auth}");
        assert_eq!(record["host"], "scm.cn-north-4.myhuaweicloud.com");
        let body: Value = serde_json::from_str(record["body"].as_str().unwrap()).unwrap();
        assert_eq!(body["certificate"], rsa_blocks[0]);
        assert_eq!(body["certificate_chain"], rsa_blocks[1], "root dropped");
        assert_eq!(body["duplicate_check"], false);
        assert_eq!(body["name"], "www.example.com_2026-01");
        assert_eq!(
            body["private_key"].as_str().unwrap(),
            std::fs::read_to_string(&rsa_key).unwrap()
        );
        if auth == "aksk" {
            assert_eq!(record["domain_id"], "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
        }
        let cli = json["request"]["vendor_cli"].as_str().unwrap();
        assert!(
            cli.contains("hcloud SCM ImportCertificate \\\n    --cli-region=cn-north-4"),
            "{cli}"
        );
    }
    // Without the account ID, AK/SK for the global SCM is refused before anything is signed.
    let output = cli(
        &[
            "request",
            "--provider",
            "huawei-scm",
            "--region",
            "cn-north-4",
            "--auth",
            "aksk",
            "--access-key-id",
            HUAWEI_AK,
            "--secret-env",
            "HUAWEI_SECRET",
            "--field",
            "name=abc",
            "--format",
            "json",
            &rsa_chain.display().to_string(),
            &rsa_key.display().to_string(),
        ],
        &env,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("--domain-id"));

    // Token users first get a token from IAM: the generated commands do it, with a hostile
    // password, then the request goes out with it.
    let args: Vec<String> = common("token");
    let mut all: Vec<&str> = vec!["request"];
    all.extend(args.iter().map(String::as_str));
    let files = [
        bundle.display().to_string(),
        leaf.display().to_string(),
        key.display().to_string(),
    ];
    all.extend(files.iter().map(String::as_str));
    let script = String::from_utf8(cli(&all, &[]).stdout).unwrap();
    assert!(script.contains("HUAWEI_TOKEN=$("), "{script}");
    assert!(
        script.contains("if [ -z \"${HUAWEI_TOKEN:-}\" ]"),
        "{script}"
    );
    let output = server.bash(
        &script,
        &[
            ("HUAWEI_ACCOUNT", "my-account"),
            ("HUAWEI_IAM_USER", "ci \"user\""),
            (
                "HUAWEI_PASSWORD",
                NASTY.replace(['\n', '\r', '\t'], " ").as_str(),
            ),
        ],
    );
    let records = server.records();
    let iam = &records[records.len() - 2];
    assert_eq!(iam["scheme"], "iam", "{iam:#}\n{output:?}");
    assert_eq!(iam["user"], "ci \"user\"");
    assert!(
        iam.get("body").is_none(),
        "the IAM body (a password) is never recorded"
    );
    assert_eq!(records.last().unwrap()["accepted"], true, "{output:?}");
    assert_eq!(
        iam["scope"]["project"]["name"], "cn-north-4",
        "ELB is project-level"
    );

    // A global service's token is scoped to the account (the target's data says so).
    let script = String::from_utf8(
        cli(
            &[
                "request",
                "--provider",
                "huawei-scm",
                "--region",
                "cn-north-4",
                "--auth",
                "token",
                "--token-env",
                "HUAWEI_TOKEN",
                "--timestamp",
                NOW,
                "--field",
                "name=abc",
                &rsa_chain.display().to_string(),
                &rsa_key.display().to_string(),
            ],
            &[],
        )
        .stdout,
    )
    .unwrap();
    let output = server.bash(
        &script,
        &[
            ("HUAWEI_ACCOUNT", "my-account"),
            ("HUAWEI_IAM_USER", "ci"),
            ("HUAWEI_PASSWORD", "p"),
        ],
    );
    let records = server.records();
    let iam = &records[records.len() - 2];
    assert_eq!(iam["scope"]["domain"]["name"], "my-account", "{output:?}");
    assert_eq!(records.last().unwrap()["api"], "ImportCertificate");
}

#[test]
fn invalid_fields_give_diagnostics_and_no_request() {
    let root = input("public-isrg-root-x1", "isrg-root-x1.pem");
    let root = root.display().to_string();
    let output = cli(
        &[
            "request",
            "--provider",
            "alibaba-slb-ca",
            "--region",
            "cn-shanghai",
            "--auth",
            "v2",
            "--access-key-id",
            "id",
            "--secret-env",
            "S",
            "--timestamp",
            NOW,
            "--nonce",
            "n",
            "--field",
            "Tag.1.Key=aliyun:x",
            "--field",
            "Tag.21.Key=k",
            "--field",
            "Bogus=1",
            "--format",
            "json",
            &root,
        ],
        &[("S", "secret")],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["request"].is_null());
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"field-invalid") && codes.contains(&"field-unknown"),
        "{codes:?}"
    );
    let tag = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("Tag.1.Key"))
        .unwrap();
    assert_eq!(tag["provider_error"], "InvalidParam.TagKey");

    // The secret comes only from the environment: a missing variable is a usage error.
    let output = cli(
        &[
            "request",
            "--provider",
            "alibaba-kms",
            "--region",
            "cn-hangzhou",
            "--auth",
            "v2",
            "--access-key-id",
            "id",
            "--secret-env",
            "NOT_SET_ANYWHERE_1",
            &root,
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    // A scheme of the other vendor is refused.
    let output = cli(
        &[
            "request",
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            "v2",
            "--access-key-id",
            "id",
            "--secret-env",
            "S",
            "--field",
            "project_id=abc",
            "--format",
            "json",
            &root,
        ],
        &[("S", "secret")],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["request"].is_null());
    assert!(
        json["diagnostics"]
            .to_string()
            .contains("--auth v2 does not apply: use --auth aksk or --auth token"),
        "{:#}",
        json["diagnostics"]
    );
}
