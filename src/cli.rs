//! The native command line: arguments, files, standard input, the environment, exit codes and
//! JSON. Native only; everything it prints comes from the pure core.
//!
//! The arguments are parsed against one table of flags ([`FLAGS`]), from which `cert-preflight
//! --help` and `cert-preflight COMMAND --help` print the usage, into one value per command
//! ([`Command`]). `-` reads standard input. Exit status: 0 without error diagnostics (and for
//! `--help`), 1 with one (and then no request is printed), 2 on a usage error, an unreadable
//! file or an output that cannot be written (`| head` that has read enough). Secrets are read from the environment only, and never printed.

use crate::analysis::{self, Analysis, Input, Options, Report};
use crate::auth::{self, Needs};
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::json_output;
use crate::lang::{Lang, Text, Words};
use crate::material_routing;
use crate::providers::{self, Fields, Mode, ProviderId};
use crate::request::{self, Auth};
use crate::signing::{Scheme, Secret, huawei_token};
use crate::time::Timestamp;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::SystemTime;

/// The commands, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    Inspect,
    Check,
    Request,
    Targets,
}

impl Name {
    const ALL: [Self; 4] = [Self::Inspect, Self::Check, Self::Request, Self::Targets];

    fn as_str(self) -> &'static str {
        match self {
            Self::Inspect => "inspect",
            Self::Check => "check",
            Self::Request => "request",
            Self::Targets => "targets",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|name| name.as_str() == text)
    }

    /// What the command does, in one line of the usage.
    fn summary(self) -> Words {
        match self {
            Self::Inspect => Words::new(
                "what the material holds: certificates, chain, keys, requests, diagnostics",
                "材料里有什么：证书、证书链、私钥、证书请求（CSR）、诊断信息",
            ),
            Self::Check => Words::new(
                "the inspection, then a target's rules on it, with the fixes",
                "先检查材料，再按目标的规则检查，并给出修复",
            ),
            Self::Request => Words::new(
                "the signed upload request for a target: curl, raw HTTP, JSON or the vendor CLI",
                "为目标生成已签名的上传请求：curl、原始 HTTP、JSON 或厂商 CLI",
            ),
            Self::Targets => Words::new(
                "every target's data: regions, fields, rules with their sources",
                "每个目标的数据：地域/区域、字段、规则及其来源",
            ),
        }
    }

    /// Whether the command reads material from FILEs.
    fn takes_files(self) -> bool {
        self != Self::Targets
    }
}

/// What a flag sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Provider,
    Region,
    Auth,
    AccessKeyId,
    SecretEnv,
    TokenEnv,
    DomainId,
    Field,
    Format,
    Now,
    Nonce,
    PassphraseEnv,
    Json,
    Lang,
    Help,
}

/// One flag of the command line: the table below is the parser's and the usage's only source.
#[derive(Debug)]
struct Flag {
    id: Key,
    /// The name, `--` included.
    name: &'static str,
    /// Other spellings that do the same.
    aliases: &'static [&'static str],
    /// The value's name in the usage, for a flag that takes one.
    value: Option<&'static str>,
    /// The commands that take it.
    commands: &'static [Name],
    /// The commands that require it.
    required: &'static [Name],
    /// One line of help, in both languages.
    help: Words,
}

const MATERIAL: &[Name] = &[Name::Inspect, Name::Check, Name::Request];
const REQUEST: &[Name] = &[Name::Request];

/// Every flag, in the order the usage lists them.
const FLAGS: &[Flag] = &[
    Flag {
        id: Key::Provider,
        name: "--provider",
        aliases: &[],
        value: Some("ID"),
        commands: &[Name::Check, Name::Request],
        required: &[Name::Check, Name::Request],
        help: Words::new(
            "the target (the IDs are listed below; `targets` describes them)",
            "目标（ID 列在下面；`targets` 介绍每个目标）",
        ),
    },
    Flag {
        id: Key::Region,
        name: "--region",
        aliases: &[],
        value: Some("R"),
        commands: REQUEST,
        required: REQUEST,
        help: Words::new(
            "the region ID (the endpoint depends on it)",
            "地域/区域 ID（端点由它决定）",
        ),
    },
    Flag {
        id: Key::Auth,
        name: "--auth",
        aliases: &[],
        value: Some("SCHEME"),
        commands: REQUEST,
        required: REQUEST,
        help: Words::new(
            "the signing scheme: v2, acs3 (Alibaba), aksk or token (Huawei)",
            "签名方式：v2、acs3（阿里云），aksk 或 token（华为云）",
        ),
    },
    Flag {
        id: Key::AccessKeyId,
        name: "--access-key-id",
        aliases: &[],
        value: Some("ID"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "the access key ID (v2, acs3, aksk)",
            "AccessKey ID / 访问密钥 AK（v2、acs3、aksk）",
        ),
    },
    Flag {
        id: Key::SecretEnv,
        name: "--secret-env",
        aliases: &[],
        value: Some("VAR"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "the variable holding the access key secret (v2, acs3, aksk)",
            "存放 AccessKey Secret / SK 的环境变量（v2、acs3、aksk）",
        ),
    },
    Flag {
        id: Key::TokenEnv,
        name: "--token-env",
        aliases: &[],
        value: Some("VAR"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "the variable the generated command reads the IAM token from (token)",
            "生成的命令从中读取 IAM Token 的环境变量（token）",
        ),
    },
    Flag {
        id: Key::DomainId,
        name: "--domain-id",
        aliases: &[],
        value: Some("ID"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "the account ID (X-Domain-Id) for aksk on account-level services",
            "账号 ID（X-Domain-Id），账号级服务的 aksk 签名需要它",
        ),
    },
    Flag {
        id: Key::Field,
        name: "--field",
        aliases: &[],
        value: Some("NAME=VALUE"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "a field by its API name (repeatable); @PATH reads a PEM field from a file",
            "按 API 中的名称给出一个字段（可重复）；@PATH 从文件读取 PEM 字段",
        ),
    },
    Flag {
        id: Key::Format,
        name: "--format",
        aliases: &[],
        value: Some("FORMAT"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "curl (the default), http, json (every signing stage), cli (the vendor's) or console (what to paste into each field of the console)",
            "curl（默认）、http、json（含每个签名步骤）、cli（厂商的 CLI）或 console（控制台每个字段要粘贴的内容）",
        ),
    },
    Flag {
        id: Key::Now,
        name: "--now",
        aliases: &["--timestamp"],
        value: Some("RFC3339"),
        commands: MATERIAL,
        required: &[],
        help: Words::new(
            "validation and signing time, e.g. 2026-11-22T00:00:00Z (default: the clock)",
            "校验和签名所用的时间，例如 2026-11-22T00:00:00Z（默认：系统时钟）",
        ),
    },
    Flag {
        id: Key::Nonce,
        name: "--nonce",
        aliases: &[],
        value: Some("N"),
        commands: REQUEST,
        required: &[],
        help: Words::new(
            "the signature's nonce (default: random)",
            "签名用的 nonce（默认：随机生成）",
        ),
    },
    Flag {
        id: Key::PassphraseEnv,
        name: "--passphrase-env",
        aliases: &[],
        value: Some("VAR"),
        commands: MATERIAL,
        required: &[],
        help: Words::new(
            "the variable holding the passphrase of an encrypted key or PKCS#12",
            "存放加密私钥或 PKCS#12 口令的环境变量",
        ),
    },
    Flag {
        id: Key::Json,
        name: "--json",
        aliases: &[],
        value: None,
        commands: &[Name::Inspect, Name::Check, Name::Request, Name::Targets],
        required: &[],
        help: Words::new(
            "JSON output (request: the same as --format json)",
            "以 JSON 输出（request：等同于 --format json）",
        ),
    },
    Flag {
        id: Key::Lang,
        name: "--lang",
        aliases: &[],
        value: Some("LANG"),
        commands: &[Name::Inspect, Name::Check, Name::Request, Name::Targets],
        required: &[],
        help: Words::new(
            "en (the default) or zh-CN: the language of the text report, diagnostics, help and \
             usage errors; with --json, adds message_localized and hint_localized",
            "en（默认）或 zh-CN：文本报告、诊断信息、帮助和用法错误的语言；与 --json 同用时添加 \
             message_localized 和 hint_localized",
        ),
    },
    Flag {
        id: Key::Help,
        name: "--help",
        aliases: &["-h"],
        value: None,
        commands: &[Name::Inspect, Name::Check, Name::Request, Name::Targets],
        required: &[],
        help: Words::new("this help", "显示本帮助"),
    },
];

impl Flag {
    fn find(arg: &str) -> Option<&'static Self> {
        FLAGS
            .iter()
            .find(|flag| flag.name == arg || flag.aliases.contains(&arg))
    }

    fn of(id: Key) -> &'static Self {
        // Every Key has its row in FLAGS (`every_key_has_one_row_in_the_table`).
        FLAGS
            .iter()
            .find(|flag| flag.id == id)
            .expect("every Key is in FLAGS")
    }

    /// `--name VALUE`, as the usage writes it.
    fn synopsis(&self) -> String {
        let mut text = self.name.to_owned();
        for alias in self.aliases.iter().filter(|a| a.starts_with("--")) {
            text.push_str(", ");
            text.push_str(alias);
        }
        for alias in self.aliases.iter().filter(|a| !a.starts_with("--")) {
            text = format!("{alias}, {text}");
        }
        if let Some(value) = self.value {
            text.push(' ');
            text.push_str(value);
        }
        text
    }
}

/// The usage in `lang`: of every command, or of one.
fn usage(only: Option<Name>, lang: Lang) -> String {
    let commands: Vec<Name> = match only {
        Some(name) => vec![name],
        None => Name::ALL.to_vec(),
    };
    let mut text = String::new();
    for (i, name) in commands.iter().enumerate() {
        text.push_str(match (i, lang) {
            (0, Lang::En) => "usage: ",
            (_, Lang::En) => "       ",
            (0, Lang::ZhCn) => "用法：",
            (_, Lang::ZhCn) => "      ",
        });
        text.push_str("cert-preflight ");
        text.push_str(name.as_str());
        for flag in FLAGS.iter().filter(|f| f.required.contains(name)) {
            text.push(' ');
            text.push_str(flag.name);
            if let Some(value) = flag.value {
                text.push(' ');
                text.push_str(value);
            }
        }
        text.push_str(" [OPTION...]");
        if name.takes_files() {
            text.push_str(" FILE...");
        }
        text.push('\n');
    }
    if only.is_none() {
        text.push_str(lang.pick(
            "       cert-preflight COMMAND --help\n\ncommands:\n",
            "      cert-preflight COMMAND --help\n\n命令：\n",
        ));
        for name in Name::ALL {
            let summary = name.summary().get(lang);
            text.push_str(&format!("  {:<9} {summary}\n", name.as_str()));
        }
    } else if let Some(name) = only {
        text.push_str(&format!("\n{}\n", name.summary().get(lang)));
    }
    let flags: Vec<&Flag> = FLAGS
        .iter()
        .filter(|f| only.is_none_or(|name| f.commands.contains(&name)))
        .collect();
    let width = flags.iter().map(|f| f.synopsis().len()).max().unwrap_or(0);
    text.push_str(lang.pick("\noptions:\n", "\n选项：\n"));
    for flag in flags {
        let help = flag.help.get(lang);
        text.push_str(&format!("  {:<width$}  {help}", flag.synopsis()));
        if only.is_none() && flag.commands.len() < Name::ALL.len() {
            let names: Vec<&str> = flag.commands.iter().map(|n| n.as_str()).collect();
            text.push_str(&format!(" [{}]", names.join(", ")));
        }
        text.push('\n');
    }
    let providers: Vec<&str> = ProviderId::all().map(ProviderId::as_str).collect();
    if only.is_none_or(|name| name != Name::Inspect && name != Name::Targets) {
        let label = lang.pick("provider IDs: ", "目标 ID：");
        text.push_str(&format!("\n{label}{}\n", providers.join(", ")));
    }
    if only.is_none_or(Name::takes_files) {
        text.push_str(lang.pick(
            "FILE may be - for standard input. ",
            "FILE 为 - 时读取标准输入。",
        ));
    }
    text.push_str(lang.pick(
        "Exit status: 0 without error diagnostics, 1 with one, 2 on a usage error or an \
         unreadable file.",
        "退出状态：没有错误级诊断时为 0，有则为 1，用法错误或文件无法读取时为 2。",
    ));
    text
}

/// The parsed command line: one value per command, holding only what that command takes.
#[derive(Debug)]
enum Command {
    /// `inspect`.
    Inspect(InspectArgs),
    /// `check`.
    Check(CheckArgs),
    /// `request`.
    Request(RequestArgs),
    /// `targets`, as JSON or not, its text in a language.
    Targets { json: bool, lang: Lang },
    /// `--help`, of every command or of one, in a language.
    Help(Option<Name>, Lang),
    /// `--version`.
    Version,
}

/// What every command that reads material takes. Secrets are held only as values read from the
/// environment, never as arguments.
#[derive(Debug)]
struct MaterialArgs {
    files: Vec<String>,
    /// The language of the text output (and of the JSON's `*_localized` keys).
    lang: Lang,
    now: Option<Timestamp>,
    passphrase: Option<Secret>,
}

#[derive(Debug)]
struct InspectArgs {
    material: MaterialArgs,
    json: bool,
}

#[derive(Debug)]
struct CheckArgs {
    material: MaterialArgs,
    provider: ProviderId,
    json: bool,
}

#[derive(Debug)]
struct RequestArgs {
    material: MaterialArgs,
    provider: ProviderId,
    region: String,
    auth: Auth,
    nonce: Option<String>,
    /// As given: `@PATH` values are read by `run`, for the fields the target takes as PEM.
    fields: Vec<(String, String)>,
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Curl,
    Http,
    VendorCli,
    /// What to paste into each field of the target's web console.
    Console,
}

/// A usage error: the message, the command whose usage to print with it, and the language to
/// print both in.
#[derive(Debug)]
struct UsageError {
    command: Option<Name>,
    message: Text,
    lang: Lang,
}

/// The flags and files of one command, as given, in order.
#[derive(Debug, Default)]
struct Given {
    values: Vec<(Key, String)>,
    files: Vec<String>,
}

impl Given {
    /// The last value of `id` (a later flag overrides an earlier one).
    fn last(&self, id: Key) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(i, _)| *i == id)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, id: Key) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(move |(i, _)| *i == id)
            .map(|(_, v)| v.as_str())
    }

    fn has(&self, id: Key) -> bool {
        self.last(id).is_some()
    }

    /// The value of a required flag, or the error naming it (and `why`, both forms starting with
    /// their punctuation).
    fn required(&self, id: Key, why: Words) -> Result<&str, Text> {
        let (name, why_zh) = (Flag::of(id).name, why.zh);
        let why = why.en;
        self.last(id)
            .ok_or_else(|| tr!("{name} is required{why}", "必须给出 {name}{why_zh}"))
    }
}

/// The language the command line asks for: the last `--lang` anywhere on it (before or after the
/// command, values of other flags skipped), English without one. A value other than `en` or
/// `zh-CN` is an error, said in English.
fn lang_of(args: &[String]) -> Result<Lang, Text> {
    let mut lang = Lang::En;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(flag) = Flag::find(arg) else {
            continue;
        };
        if flag.value.is_none() {
            continue;
        }
        let value = iter.next();
        if flag.id == Key::Lang {
            lang = match value.map(String::as_str) {
                Some("en") => Lang::En,
                Some("zh-CN") => Lang::ZhCn,
                // A missing value is the parser's error, said in the language asked so far.
                None => lang,
                Some(other) => {
                    let other = excerpt(other);
                    return Err(tr!(
                        "--lang {other:?}: use en or zh-CN",
                        "--lang {other:?}：请使用 en 或 zh-CN"
                    ));
                }
            };
        }
    }
    Ok(lang)
}

/// Parses the arguments after the program name. `--lang LANG` may come before the command too.
fn parse(args: &[String]) -> Result<Command, UsageError> {
    let lang = lang_of(args).map_err(|message| UsageError {
        command: args.iter().find_map(|a| Name::parse(a)),
        message,
        lang: Lang::En,
    })?;
    let error = |command, message: Text| UsageError {
        command,
        message,
        lang,
    };
    let mut args = args;
    // `--lang LANG` before the command (its value was read above).
    while let [flag, _, rest @ ..] = args
        && flag == "--lang"
    {
        args = rest;
    }
    let unknown = |text: &str| {
        let text = excerpt(text);
        tr!("unknown command {text:?}", "未知命令 {text:?}")
    };
    let name = match args.first().map(String::as_str) {
        None => {
            return Err(error(
                None,
                tr!("a command is required", "需要给出一个命令"),
            ));
        }
        Some("-h" | "--help") => return Ok(Command::Help(None, lang)),
        Some("help") => {
            return match args.get(1).filter(|a| *a != "--lang") {
                None => Ok(Command::Help(None, lang)),
                Some(text) => Name::parse(text)
                    .map(|n| Command::Help(Some(n), lang))
                    .ok_or_else(|| error(None, unknown(text))),
            };
        }
        Some("--version" | "-V") => return Ok(Command::Version),
        Some(text) => Name::parse(text).ok_or_else(|| error(None, unknown(text)))?,
    };
    let given = collect(name, &args[1..]).map_err(|message| error(Some(name), message))?;
    if given.has(Key::Help) {
        return Ok(Command::Help(Some(name), lang));
    }
    command(name, &given, lang).map_err(|message| error(Some(name), message))
}

/// Sorts the arguments into flags of the table and files.
fn collect(name: Name, args: &[String]) -> Result<Given, Text> {
    let mut given = Given::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "-" || !arg.starts_with('-') {
            if !name.takes_files() {
                let name = name.as_str();
                return Err(tr!("{name} takes no FILE", "{name} 不接受 FILE"));
            }
            given.files.push(arg.clone());
            continue;
        }
        let Some(flag) = Flag::find(arg) else {
            let arg = excerpt(arg);
            return Err(tr!("unknown option {arg:?}", "未知选项 {arg:?}"));
        };
        if !flag.commands.contains(&name) {
            let names: Vec<&str> = flag.commands.iter().map(|n| n.as_str()).collect();
            let (flag, name) = (flag.name, name.as_str());
            let (names, names_zh) = (names.join(", "), names.join("、"));
            return Err(tr!(
                "{flag} is an option of {names}, not of {name}",
                "{flag} 是 {names_zh} 的选项，不是 {name} 的"
            ));
        }
        let value = match flag.value {
            Some(what) => iter
                .next()
                .ok_or_else(|| tr!("{arg} needs {what}", "{arg} 后面需要 {what}"))?
                .clone(),
            None => String::new(),
        };
        given.values.push(match (flag.id, name) {
            // `request --json` is `--format json`.
            (Key::Json, Name::Request) => (Key::Format, "json".to_owned()),
            (id, _) => (id, value),
        });
    }
    Ok(given)
}

/// The command's value, with every flag's value checked.
fn command(name: Name, given: &Given, lang: Lang) -> Result<Command, Text> {
    let json = given.has(Key::Json);
    Ok(match name {
        Name::Inspect => Command::Inspect(InspectArgs {
            material: material(given, lang)?,
            json,
        }),
        Name::Check => Command::Check(CheckArgs {
            material: material(given, lang)?,
            provider: provider(given)?,
            json,
        }),
        Name::Request => Command::Request(request_args(given, lang)?),
        Name::Targets => Command::Targets { json, lang },
    })
}

fn material(given: &Given, lang: Lang) -> Result<MaterialArgs, Text> {
    if given.files.is_empty() {
        return Err(tr!(
            "at least one FILE is needed (or - for standard input)",
            "至少需要一个 FILE（或用 - 表示标准输入）"
        ));
    }
    let now = match given.last(Key::Now) {
        Some(text) => Some(rfc3339(text)?),
        None => None,
    };
    let passphrase = match given.last(Key::PassphraseEnv) {
        Some(name) => Some(env_secret(Key::PassphraseEnv, name)?),
        None => None,
    };
    Ok(MaterialArgs {
        files: given.files.clone(),
        lang,
        now,
        passphrase,
    })
}

fn provider(given: &Given) -> Result<ProviderId, Text> {
    let id = given.required(Key::Provider, Words::new("", ""))?;
    ProviderId::parse(id).ok_or_else(|| {
        let ids: Vec<&str> = ProviderId::all().map(ProviderId::as_str).collect();
        let (id, ids, ids_zh) = (excerpt(id), ids.join(", "), ids.join("、"));
        tr!(
            "unknown provider {id:?}; use one of {ids}",
            "未知目标 {id:?}；请使用以下之一：{ids_zh}"
        )
    })
}

fn request_args(given: &Given, lang: Lang) -> Result<RequestArgs, Text> {
    let material = material(given, lang)?;
    let provider = provider(given)?;
    let region = given
        .required(
            Key::Region,
            Words::new(" (the endpoint depends on it)", "（端点由它决定）"),
        )?
        .to_owned();
    let name = given.required(
        Key::Auth,
        Words::new(
            ": v2, acs3 (Alibaba), aksk or token (Huawei)",
            "：v2、acs3（阿里云），aksk 或 token（华为云）",
        ),
    )?;
    let scheme = Scheme::from_auth_name(name).ok_or_else(|| {
        let name = excerpt(name);
        tr!(
            "--auth {name:?}: use v2, acs3, aksk or token",
            "--auth {name:?}：请使用 v2、acs3、aksk 或 token"
        )
    })?;
    let token_env = given.last(Key::TokenEnv);
    if let Some(name) = token_env
        && !huawei_token::is_env_name(name)
    {
        return Err(not_a_variable_name("--token-env", name));
    }
    let secret = match given.last(Key::SecretEnv) {
        Some(name) => Some(env_secret(Key::SecretEnv, name)?),
        None => None,
    };
    let access_key_id = given.last(Key::AccessKeyId);
    let auth = match (auth::needs(scheme), access_key_id, secret, token_env) {
        (Needs::AccessKey, Some(access_key_id), Some(secret), _) => auth::build(
            scheme,
            auth::Given {
                access_key_id,
                secret,
                token_env: "",
                domain_id: given.last(Key::DomainId).unwrap_or_default(),
            },
        ),
        (Needs::AccessKey, ..) => {
            let auth = scheme.auth_name();
            return Err(tr!(
                "--auth {auth} needs --access-key-id ID and --secret-env VAR",
                "--auth {auth} 需要 --access-key-id ID 和 --secret-env VAR"
            ));
        }
        (Needs::TokenVariable, _, _, Some(token_env)) => auth::build(
            scheme,
            auth::Given {
                access_key_id: "",
                secret: Secret::new(""),
                token_env,
                domain_id: "",
            },
        ),
        (Needs::TokenVariable, ..) => {
            return Err(tr!(
                "--auth token needs --token-env VAR (the variable that will hold the token)",
                "--auth token 需要 --token-env VAR（将存放 Token 的环境变量）"
            ));
        }
    };
    let nonce = match given.last(Key::Nonce) {
        Some(nonce) if nonce.is_empty() || nonce.chars().any(char::is_control) => {
            return Err(tr!(
                "--nonce must be a non-empty string without control characters",
                "--nonce 必须是不含控制字符的非空字符串"
            ));
        }
        nonce => nonce.map(str::to_owned),
    };
    let fields = given
        .all(Key::Field)
        .map(|pair| {
            pair.split_once('=')
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .ok_or_else(|| {
                    let pair = excerpt(pair);
                    tr!(
                        "--field {pair:?} is not NAME=VALUE",
                        "--field {pair:?} 不是 NAME=VALUE 的形式"
                    )
                })
        })
        .collect::<Result<_, _>>()?;
    let format = match given.last(Key::Format).unwrap_or("curl") {
        "curl" => Format::Curl,
        "http" => Format::Http,
        "json" => Format::Json,
        "cli" => Format::VendorCli,
        "console" => Format::Console,
        other => {
            let other = excerpt(other);
            return Err(tr!(
                "--format {other:?}: use curl, http, json, cli or console",
                "--format {other:?}：请使用 curl、http、json、cli 或 console"
            ));
        }
    };
    Ok(RequestArgs {
        material,
        provider,
        region,
        auth,
        nonce,
        fields,
        format,
    })
}

/// The error for a flag given something that is not an environment variable's name.
fn not_a_variable_name(flag: &str, name: &str) -> Text {
    let name = excerpt(name);
    tr!(
        "{flag} takes the NAME of an environment variable, not {name:?}",
        "{flag} 接受的是环境变量的名称，而不是 {name:?}"
    )
}

/// The secret held by the environment variable `name` (only its name is on the command line).
fn env_secret(id: Key, name: &str) -> Result<Secret, Text> {
    let flag = Flag::of(id).name;
    if !huawei_token::is_env_name(name) {
        return Err(not_a_variable_name(flag, name));
    }
    std::env::var(name).map(Secret::new).map_err(|_| {
        tr!(
            "{flag}: the environment variable {name} is not set (or not UTF-8)",
            "{flag}：环境变量 {name} 未设置（或不是 UTF-8）"
        )
    })
}

fn rfc3339(text: &str) -> Result<Timestamp, Text> {
    Timestamp::parse_rfc3339(text).ok_or_else(|| {
        let text = excerpt(text);
        tr!(
            "--now {text:?} is not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z",
            "--now {text:?} 不是 RFC 3339 格式的 UTC 时间（例如 2026-11-22T00:00:00Z）"
        )
    })
}

/// Runs the command line with the arguments after the program name.
pub fn run(args: Vec<OsString>) -> ExitCode {
    let args: Vec<String> = match args.into_iter().map(OsString::into_string).collect() {
        Ok(args) => args,
        Err(_) => {
            let message = tr!("arguments must be valid UTF-8", "参数必须是有效的 UTF-8");
            return usage_error(None, &message, Lang::En);
        }
    };
    let command = match parse(&args) {
        Ok(command) => command,
        Err(UsageError {
            command,
            message,
            lang,
        }) => return usage_error(command, &message, lang),
    };
    match command {
        Command::Help(only, lang) => print(&format!("{}\n", usage(only, lang)))
            .map_or_else(|code| code, |()| ExitCode::SUCCESS),
        Command::Version => print(concat!("cert-preflight ", env!("CARGO_PKG_VERSION"), "\n"))
            .map_or_else(|code| code, |()| ExitCode::SUCCESS),
        Command::Targets { json, lang } => targets(json, lang),
        Command::Inspect(args) => match analyse(&args.material) {
            Ok(material) => inspect(&args, &material.analysis.report),
            Err(code) => code,
        },
        Command::Check(args) => match analyse(&args.material) {
            Ok(material) => check(&args, &material),
            Err(code) => code,
        },
        Command::Request(mut args) => {
            if let Err(message) = read_pem_fields(args.provider, &mut args.fields) {
                return usage_error(Some(Name::Request), &message, args.material.lang);
            }
            match analyse(&args.material) {
                Ok(material) => make_request(&args, &material),
                Err(code) => code,
            }
        }
    }
}

fn usage_error(command: Option<Name>, message: &Text, lang: Lang) -> ExitCode {
    say(&format!(
        "cert-preflight: {}\n{}",
        message.get(lang),
        usage(command, lang)
    ));
    ExitCode::from(2)
}

/// The material read and analysed.
struct Analysed {
    analysis: Analysis,
    /// The certificate text as given, for the before/after view.
    before: String,
    /// The validation (and signing) time.
    now: Timestamp,
}

/// Reads the FILEs and analyses them.
fn analyse(args: &MaterialArgs) -> Result<Analysed, ExitCode> {
    let contents = read_files(&args.files, args.lang)?;
    let inputs: Vec<Input> = args
        .files
        .iter()
        .zip(&contents)
        .map(|(name, bytes)| Input::new(name, bytes))
        .collect();
    let wall_clock = || {
        Timestamp::from_unix_duration(
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap_or_default(),
        )
    };
    let now = args.now.unwrap_or_else(wall_clock);
    let options = Options {
        now,
        passphrase: args.passphrase.as_ref().map(Secret::expose),
        pkcs12_password: None,
    };
    Ok(Analysed {
        analysis: analysis::analyze_with(&inputs, &options),
        before: material_routing::certificate_text_as_given(
            args.files
                .iter()
                .map(String::as_str)
                .zip(contents.iter().map(Vec::as_slice)),
        ),
        now,
    })
}

/// Replaces `@PATH` by the file's content in the fields the target takes as PEM.
fn read_pem_fields(provider: ProviderId, fields: &mut [(String, String)]) -> Result<(), Text> {
    let spec = provider.spec();
    for (name, value) in fields {
        let pem = spec
            .field(name)
            .is_some_and(|f| f.input == providers::FieldInput::Pem);
        if let (true, Some(path)) = (pem, value.strip_prefix('@')) {
            // No further than the ceiling of an input: a field's text is a few KB.
            let ceiling = analysis::input::MAX_INPUT_BYTES;
            let limit = u64::try_from(ceiling + 1).unwrap_or(u64::MAX);
            let mut text = String::new();
            let read =
                std::fs::File::open(path).and_then(|f| f.take(limit).read_to_string(&mut text));
            let path = excerpt(path);
            if let Err(e) = read {
                return Err(tr!(
                    "--field {name}=@{path}: {e}",
                    "--field {name}=@{path}：无法读取该文件（系统错误：“{e}”）"
                ));
            }
            if text.len() > ceiling {
                let mib = ceiling >> 20;
                return Err(tr!(
                    "--field {name}=@{path}: the file is larger than {mib} MiB; a field's text is a few KB",
                    "--field {name}=@{path}：文件大于 {mib} MiB；字段的文本通常只有几 KB"
                ));
            }
            *value = text;
        }
    }
    Ok(())
}
/// `targets`: every target's data (regions with their names and hosts, fields, rules with their
/// sources, the material it takes, its vendor CLI), as text or JSON.
fn targets(json: bool, lang: Lang) -> ExitCode {
    let specs: Vec<&providers::ProviderSpec> = ProviderId::all().map(ProviderId::spec).collect();
    let text = if json {
        json_output::to_text(&json_output::targets())
    } else {
        let mut text = String::new();
        for spec in specs {
            text.push_str(&format!(
                "{}  {} ({} {}){}\n",
                spec.id,
                spec.title_in(lang),
                spec.api,
                spec.version,
                if spec.legacy.is_some() {
                    lang.pick(", legacy", "，旧版")
                } else {
                    ""
                }
            ));
            let regions = match lang {
                Lang::En => "regions: ".to_owned(),
                Lang::ZhCn => format!("{}：", spec.region_word_zh),
            };
            text.push_str(&format!(
                "    {regions}{}\n",
                spec.regions
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let mut fields: Vec<String> = spec.fields.iter().map(|f| f.name.to_owned()).collect();
            fields.extend(spec.numbered.iter().map(|n| format!("{}.N.*", n.stem)));
            let labels = lang.pick(["fields: ", "vendor CLI: "], ["字段：", "厂商 CLI："]);
            text.push_str(&format!("    {}{}\n", labels[0], fields.join(", ")));
            text.push_str(&format!("    {}{}\n", labels[1], spec.vendor_cli));
            if let Some(permission) = &spec.permission {
                let (action, system) = (permission.action, permission.system);
                text.push_str(&lang.pick(
                    format!("    permission: {action} ({system})\n"),
                    format!("    权限：{action}（{system}）\n"),
                ));
            }
        }
        text
    };
    match print(&text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Reads the files (`-`: standard input), each no further than the analysis reads it: one byte
/// past its ceiling tells it an input is too large (`input::MAX_INPUT_BYTES`, and
/// `MAX_INPUTS_BYTES` for all of them), so a file given by mistake is never read whole.
fn read_files(files: &[String], lang: Lang) -> Result<Vec<Vec<u8>>, ExitCode> {
    use crate::analysis::input::{MAX_INPUT_BYTES, MAX_INPUTS_BYTES};
    let mut contents = Vec::with_capacity(files.len());
    let mut read = 0usize;
    for file in files {
        let cap = MAX_INPUT_BYTES.min(MAX_INPUTS_BYTES - read) + 1;
        let limit = u64::try_from(cap).unwrap_or(u64::MAX);
        let mut buffer = Vec::new();
        let bytes = if file == "-" {
            std::io::stdin().lock().take(limit).read_to_end(&mut buffer)
        } else {
            std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut buffer))
        }
        .map(|_| buffer);
        match bytes {
            Ok(bytes) => {
                // Counted as the analysis counts it: only an input it reads.
                if bytes.len() < cap {
                    read += bytes.len();
                }
                contents.push(bytes);
            }
            Err(error) => {
                let message = tr!(
                    "cannot read {file}: {error}",
                    "无法读取 {file}（系统错误：“{error}”）"
                );
                say(&format!("cert-preflight: {}", message.get(lang)));
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(contents)
}

fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `text` to standard output; exit status 2 when it cannot be written (a reader that has
/// gone, such as `| head`, or a full disk), without a word: there is nowhere to say it.
fn print(text: &str) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|_| ExitCode::from(2))
}

/// Writes `line` and a line break to standard error; a standard error that cannot be written to
/// (closed, or a reader that has gone) is no reason to stop.
fn say(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}

fn inspect(args: &InspectArgs, report: &Report) -> ExitCode {
    let lang = args.material.lang;
    let text = if args.json {
        let mut value = json_output::inspect(report);
        json_output::localize(&mut value, &report.diagnostics, lang);
        json_output::to_text(&value)
    } else {
        report.text_in(lang)
    };
    if let Err(code) = print(&text) {
        return code;
    }
    exit_for(&report.diagnostics)
}

fn check(args: &CheckArgs, material: &Analysed) -> ExitCode {
    let (provider, analysis) = (args.provider, &material.analysis);
    let prep = providers::prepare(
        provider,
        Mode::Check,
        analysis,
        &material.before,
        &Fields::default(),
    );
    let mut all = prep.analysis_diagnostics.clone();
    all.extend(prep.diagnostics.iter().cloned());
    let lang = args.material.lang;
    let text = if args.json {
        let mut value = json_output::check(analysis, &prep);
        json_output::localize(&mut value, &all, lang);
        json_output::to_text(&value)
    } else {
        let mut report = analysis.report.clone();
        report.diagnostics = prep.analysis_diagnostics.clone();
        let mut text = report.text_in(lang);
        text.push_str(&prep.text_in(lang));
        text
    };
    if let Err(code) = print(&text) {
        return code;
    }
    exit_for(&all)
}

fn make_request(args: &RequestArgs, material: &Analysed) -> ExitCode {
    let provider = args.provider;
    let fields = Fields {
        values: args.fields.clone(),
        region: args.region.clone(),
    };
    let auth = &args.auth;
    let (analysis, before, now) = (&material.analysis, &material.before, material.now);
    let nonce = args.nonce.clone().unwrap_or_else(fresh_nonce);
    let outcome = request::build(provider, analysis, before, &fields, auth, now, &nonce);
    let diagnostics = outcome.diagnostics();
    let format = args.format;
    let lang = args.material.lang;
    let console = providers::console::console_texts(&outcome.preparation, &fields);
    // The console view prints the key exactly when the curl here-document would: with a request.
    let built = outcome.outputs.is_some();
    let text = match (format, &outcome.outputs) {
        (Format::Json, _) => {
            let mut value = json_output::request(provider, &fields.region, auth.scheme(), &outcome);
            json_output::add_console(&mut value, &outcome.preparation, &console);
            json_output::localize(&mut value, &diagnostics, lang);
            json_output::to_text(&value)
        }
        (Format::Curl, Some(outputs)) => crate::render::curl_tab(outputs, lang),
        (Format::Http, Some(outputs)) => outputs.http.clone(),
        (Format::VendorCli, Some(outputs)) => outputs
            .vendor_cli
            .as_ref()
            .map_or_else(String::new, |cli| cli.get(lang).to_owned()),
        (Format::Console, _) if built => {
            providers::console::console_text_in(&outcome.preparation, &console, lang)
        }
        (_, _) => String::new(),
    };
    if format != Format::Json {
        for diagnostic in &diagnostics {
            say(&diagnostic.text_in(lang));
        }
        if !built {
            say(&format!(
                "cert-preflight: {}",
                lang.pick(
                    "no request was built: fix the errors above",
                    "未生成请求：请先修正上面的错误"
                )
            ));
        }
    }
    if let Err(code) = print(&text) {
        return code;
    }
    if !built {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| s.to_string()).collect()
    }

    fn parsed(text: &[&str]) -> Command {
        parse(&args(text)).unwrap_or_else(|e| panic!("{text:?}: {}", e.message.en()))
    }

    /// A refused command line: the command whose usage is printed, the message in English (and
    /// in Chinese) and the language it is printed in.
    struct Refusal {
        command: Option<Name>,
        message: String,
        zh: String,
        lang: Lang,
    }

    fn refused(text: &[&str]) -> Refusal {
        match parse(&args(text)) {
            Ok(command) => panic!("{text:?} was accepted as {command:?}"),
            Err(error) => Refusal {
                command: error.command,
                message: error.message.en().to_owned(),
                zh: error.message.zh().to_owned(),
                lang: error.lang,
            },
        }
    }

    const IDS: [Key; 15] = [
        Key::Provider,
        Key::Region,
        Key::Auth,
        Key::AccessKeyId,
        Key::SecretEnv,
        Key::TokenEnv,
        Key::DomainId,
        Key::Field,
        Key::Format,
        Key::Now,
        Key::Nonce,
        Key::PassphraseEnv,
        Key::Json,
        Key::Lang,
        Key::Help,
    ];

    #[test]
    fn every_key_has_one_row_in_the_table() {
        assert_eq!(FLAGS.len(), IDS.len());
        for id in IDS {
            assert_eq!(FLAGS.iter().filter(|f| f.id == id).count(), 1, "{id:?}");
        }
        let mut spellings: Vec<&str> = FLAGS
            .iter()
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
            .collect();
        let count = spellings.len();
        spellings.sort_unstable();
        spellings.dedup();
        assert_eq!(spellings.len(), count, "a spelling names two flags");
        for flag in FLAGS {
            for name in flag.required {
                assert!(
                    flag.commands.contains(name),
                    "{} required by {name:?}",
                    flag.name
                );
            }
        }
    }

    #[test]
    fn the_usage_is_generated_from_the_table() {
        let all = usage(None, Lang::En);
        for flag in FLAGS {
            assert!(
                all.contains(flag.name) && all.contains(flag.help.en),
                "{}",
                flag.name
            );
        }
        for name in Name::ALL {
            let one = usage(Some(name), Lang::En);
            assert!(one.starts_with(&format!("usage: cert-preflight {}", name.as_str())));
            for flag in FLAGS {
                assert_eq!(
                    one.contains(&format!("  {}", flag.synopsis())),
                    flag.commands.contains(&name),
                    "{name:?} {}",
                    flag.name
                );
            }
        }
        assert!(usage(Some(Name::Request), Lang::En).starts_with(
            "usage: cert-preflight request --provider ID --region R --auth SCHEME [OPTION...] FILE..."
        ));
        assert!(
            usage(Some(Name::Targets), Lang::En)
                .starts_with("usage: cert-preflight targets [OPTION...]\n")
        );
    }

    #[test]
    fn help_is_a_command_of_its_own() {
        assert!(matches!(parsed(&["--help"]), Command::Help(None, Lang::En)));
        assert!(matches!(parsed(&["-h"]), Command::Help(None, Lang::En)));
        assert!(matches!(parsed(&["help"]), Command::Help(None, Lang::En)));
        assert!(matches!(
            parsed(&["help", "check"]),
            Command::Help(Some(Name::Check), Lang::En)
        ));
        // `--help` wins over values that would be refused, and over missing flags.
        assert!(matches!(
            parsed(&["request", "--provider", "nowhere", "--help"]),
            Command::Help(Some(Name::Request), Lang::En)
        ));
        assert!(matches!(
            parsed(&["targets", "-h"]),
            Command::Help(Some(Name::Targets), Lang::En)
        ));
        assert!(matches!(parsed(&["--version"]), Command::Version));
        assert_eq!(
            run(vec!["inspect".into(), "--help".into()]),
            ExitCode::SUCCESS
        );
        assert_eq!(run(vec!["--help".into()]), ExitCode::SUCCESS);
        assert_eq!(
            run(vec!["help".into(), "frobnicate".into()]),
            ExitCode::from(2)
        );
    }

    #[test]
    fn each_command_takes_only_its_flags() {
        let error = refused(&[
            "check",
            "--provider",
            "huawei-elb",
            "--region",
            "r",
            "x.pem",
        ]);
        assert_eq!(error.command, Some(Name::Check));
        assert_eq!(
            error.message,
            "--region is an option of request, not of check"
        );
        let error = refused(&["inspect", "--provider", "huawei-elb", "x.pem"]);
        assert!(
            error
                .message
                .starts_with("--provider is an option of check, request")
        );
        assert_eq!(
            refused(&["targets", "x.pem"]).message,
            "targets takes no FILE"
        );
        assert_eq!(
            refused(&["inspect", "--frobnicate", "x.pem"]).message,
            "unknown option \"--frobnicate\""
        );
        assert_eq!(
            refused(&["inspect", "--now"]).message,
            "--now needs RFC3339"
        );
        assert_eq!(refused(&["frobnicate"]).command, None);
    }

    #[test]
    fn required_flags_are_named_when_missing() {
        assert!(
            refused(&["inspect"])
                .message
                .starts_with("at least one FILE")
        );
        assert_eq!(
            refused(&["check", "x.pem"]).message,
            "--provider is required"
        );
        let request = ["request", "--provider", "alibaba-kms", "x.pem"];
        assert!(
            refused(&request)
                .message
                .starts_with("--region is required")
        );
        let request = [
            "request",
            "--provider",
            "alibaba-kms",
            "--region",
            "cn-hangzhou",
            "x.pem",
        ];
        assert!(refused(&request).message.starts_with("--auth is required"));
        let mut request = request.to_vec();
        request.extend(["--auth", "v2", "--access-key-id", "id"]);
        assert_eq!(
            refused(&request).message,
            "--auth v2 needs --access-key-id ID and --secret-env VAR"
        );
        let auth = request.len() - 3;
        request[auth] = "token";
        assert!(
            refused(&request)
                .message
                .starts_with("--auth token needs --token-env VAR")
        );
        request.extend(["--token-env", "HUAWEI_TOKEN"]);
        match parsed(&request) {
            Command::Request(args) => {
                assert!(matches!(&args.auth, Auth::HuaweiToken { env } if env == "HUAWEI_TOKEN"));
                assert_eq!(args.format, Format::Curl);
                assert_eq!(args.material.files, ["x.pem"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn values_are_checked_and_the_last_one_wins() {
        let base = [
            "request",
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            "token",
            "--token-env",
            "T",
        ];
        fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
            let mut all = base.to_vec();
            all.extend(more);
            all.push("-");
            all
        }
        // `--timestamp` is `--now`; the later one wins.
        match parsed(&with(
            &base,
            &[
                "--now",
                "2026-01-01T00:00:00Z",
                "--timestamp",
                "2026-11-22T00:00:00Z",
            ],
        )) {
            Command::Request(args) => {
                assert_eq!(
                    args.material.now,
                    Some(Timestamp::from_unix_seconds(1_795_305_600))
                );
                assert_eq!(args.material.files, ["-"]);
            }
            other => panic!("{other:?}"),
        }
        match parsed(&with(
            &base,
            &[
                "--format",
                "http",
                "--json",
                "--field",
                "name=a=b",
                "--field",
                "type=server",
            ],
        )) {
            Command::Request(args) => {
                assert_eq!(args.format, Format::Json);
                assert_eq!(
                    args.fields,
                    [
                        ("name".into(), "a=b".into()),
                        ("type".into(), "server".into())
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        for (more, message) in [
            (
                &["--format", "yaml"][..],
                "--format \"yaml\": use curl, http, json, cli or console",
            ),
            (
                &["--field", "name"][..],
                "--field \"name\" is not NAME=VALUE",
            ),
            (
                &["--nonce", ""][..],
                "--nonce must be a non-empty string without control characters",
            ),
            (
                &["--token-env", "A-B"][..],
                "--token-env takes the NAME of an environment variable, not \"A-B\"",
            ),
            (
                &["--timestamp", "yesterday"][..],
                "--now \"yesterday\" is not an RFC 3339 UTC time such as 2026-11-22T00:00:00Z",
            ),
            (
                &["--passphrase-env", "CERT_PREFLIGHT_SURELY_UNSET"][..],
                "--passphrase-env: the environment variable CERT_PREFLIGHT_SURELY_UNSET is not set (or not UTF-8)",
            ),
        ] {
            assert_eq!(refused(&with(&base, more)).message, message, "{more:?}");
        }
        let mut wrong = with(&base, &[]);
        wrong[6] = "sigv4";
        assert_eq!(
            refused(&wrong).message,
            "--auth \"sigv4\": use v2, acs3, aksk or token"
        );
        wrong[2] = "nowhere";
        assert!(
            refused(&wrong)
                .message
                .starts_with("unknown provider \"nowhere\"; use one of ")
        );
    }

    fn has_han(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn the_language_applies_from_anywhere_on_the_line() {
        use Lang::{En, ZhCn};
        assert!(matches!(
            parsed(&["--lang", "zh-CN", "--help"]),
            Command::Help(None, ZhCn)
        ));
        assert!(matches!(
            parsed(&["help", "--lang", "zh-CN"]),
            Command::Help(None, ZhCn)
        ));
        assert!(matches!(
            parsed(&["help", "check", "--lang", "zh-CN"]),
            Command::Help(Some(Name::Check), ZhCn)
        ));
        assert!(matches!(
            parsed(&["request", "--help", "--lang", "zh-CN"]),
            Command::Help(Some(Name::Request), ZhCn)
        ));
        assert!(matches!(
            parsed(&["targets", "--lang", "zh-CN"]),
            Command::Targets {
                json: false,
                lang: ZhCn
            }
        ));
        for (line, lang) in [
            (&["--lang", "zh-CN", "inspect", "x.pem"][..], ZhCn),
            (&["inspect", "x.pem", "--lang", "zh-CN"][..], ZhCn),
            (
                &["inspect", "--lang", "zh-CN", "x.pem", "--lang", "en"][..],
                En,
            ),
            (&["inspect", "x.pem"][..], En),
        ] {
            match parsed(line) {
                Command::Inspect(args) => {
                    assert_eq!(args.material.lang, lang, "{line:?}");
                    assert_eq!(args.material.files, ["x.pem"], "{line:?}");
                }
                other => panic!("{other:?}"),
            }
        }
        // A usage error is said in the language asked, wherever `--lang` is.
        let error = refused(&["--lang", "zh-CN", "check", "x.pem"]);
        assert_eq!((error.command, error.lang), (Some(Name::Check), ZhCn));
        assert_eq!(error.zh, "必须给出 --provider");
        let error = refused(&["frobnicate", "--lang", "zh-CN"]);
        assert_eq!((error.command, error.lang), (None, ZhCn));
        assert_eq!(error.zh, "未知命令 \"frobnicate\"");
        // Another flag's value is not a language; a language that is not known is said in English.
        let error = refused(&["inspect", "--now", "--lang", "zh-CN", "x.pem"]);
        assert_eq!(error.lang, En);
        assert!(error.message.starts_with("--now \"--lang\" is not"));
        let error = refused(&["inspect", "--lang", "fr", "x.pem"]);
        assert_eq!((error.command, error.lang), (Some(Name::Inspect), En));
        assert_eq!(error.message, "--lang \"fr\": use en or zh-CN");
        let error = refused(&["inspect", "x.pem", "--lang"]);
        assert_eq!(error.message, "--lang needs LANG");
    }

    #[test]
    fn the_usage_and_its_errors_read_in_chinese() {
        for flag in FLAGS {
            assert!(has_han(flag.help.zh), "{}", flag.name);
        }
        for name in Name::ALL {
            assert!(has_han(name.summary().zh), "{name:?}");
        }
        for only in std::iter::once(None).chain(Name::ALL.map(Some)) {
            let (english, chinese) = (usage(only, Lang::En), usage(only, Lang::ZhCn));
            assert!(chinese.starts_with("用法：cert-preflight "), "{chinese}");
            assert!(!has_han(&english), "{english}");
            assert_eq!(english.lines().count(), chinese.lines().count(), "{only:?}");
            for flag in FLAGS
                .iter()
                .filter(|f| only.is_none_or(|n| f.commands.contains(&n)))
            {
                assert!(!chinese.contains(flag.help.en), "{}", flag.name);
                assert!(chinese.contains(flag.help.zh), "{}", flag.name);
                assert!(chinese.contains(&flag.synopsis()), "{}", flag.name);
            }
            // Every line but the synopsis (commands, flags, values: not words) has Chinese.
            for line in chinese
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("cert-preflight"))
            {
                assert!(has_han(line), "{only:?}: {line}");
            }
        }
        let base = ["request", "--lang", "zh-CN", "--provider", "huawei-elb"];
        let lines: [&[&str]; 14] = [
            &[],
            &["help", "frobnicate"],
            &["targets", "x.pem"],
            &["inspect", "--frobnicate", "x.pem"],
            &["inspect", "--provider", "huawei-elb", "x.pem"],
            &["inspect", "--now"],
            &["inspect", "--now", "yesterday", "x.pem"],
            &["inspect"],
            &[&base[..], &["x.pem"]].concat(),
            &[&base[..], &["--region", "r", "x.pem"]].concat(),
            &[&base[..], &["--region", "r", "--auth", "sigv4", "x.pem"]].concat(),
            &[&base[..], &["--region", "r", "--auth", "aksk", "x.pem"]].concat(),
            &[&base[..], &["--region", "r", "--auth", "token", "x.pem"]].concat(),
            &[
                &base[..],
                &[
                    "--region",
                    "r",
                    "--auth",
                    "token",
                    "--token-env",
                    "A-B",
                    "x.pem",
                ],
            ]
            .concat(),
        ];
        for line in lines {
            let mut line = line.to_vec();
            if !line.contains(&"--lang") {
                // First, as `--now`'s value would be whatever follows it.
                line.splice(0..0, ["--lang", "zh-CN"]);
            }
            let error = refused(&line);
            assert_eq!(error.lang, Lang::ZhCn, "{line:?}");
            assert!(has_han(&error.zh), "{line:?}: {}", error.zh);
            assert_ne!(error.zh, error.message, "{line:?}");
        }
    }

    #[test]
    fn inspect_check_and_targets_take_json() {
        match parsed(&["inspect", "--json", "a.pem", "b.der"]) {
            Command::Inspect(args) => {
                assert!(args.json);
                assert_eq!(args.material.files, ["a.pem", "b.der"]);
            }
            other => panic!("{other:?}"),
        }
        match parsed(&["check", "--provider", "alibaba-cas", "a.pem"]) {
            Command::Check(args) => {
                assert!(!args.json);
                assert_eq!(args.provider, ProviderId::parse("alibaba-cas").unwrap());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parsed(&["targets", "--json"]),
            Command::Targets { json: true, .. }
        ));
        assert!(matches!(
            parsed(&["targets"]),
            Command::Targets {
                json: false,
                lang: Lang::En
            }
        ));
    }
}
