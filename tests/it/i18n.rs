//! The command line in Simplified Chinese: `--lang zh-CN` translates the text report and the
//! diagnostics; the JSON keeps its English keys and values and adds `message_localized` and
//! `hint_localized`; English (the default, or `--lang en`) is byte for byte what it was.

use crate::binary;
use crate::corpus::{NOW, inspect_input};

fn path(case: &str, file: &str) -> String {
    inspect_input(case, file).to_string_lossy().into_owned()
}

fn stdout(args: &[&str]) -> (Option<i32>, String) {
    let output = binary::run(args, &[]);
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
    )
}

/// Whether `text` holds a Han character.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_text_report_is_chinese_with_lang_zh_cn() {
    let chain = path("chain-shuffled", "chain.pem");
    let (code_en, english) = stdout(&["inspect", "--now", NOW, &chain]);
    let (code_default, default) = stdout(&["inspect", "--now", NOW, "--lang", "en", &chain]);
    let (code_zh, chinese) = stdout(&["inspect", "--now", NOW, "--lang", "zh-CN", &chain]);
    assert_eq!((code_en, code_default), (code_zh, code_zh));
    assert_eq!(english, default, "--lang en is the default");
    assert!(!has_chinese(&english));
    // The labels and the diagnostics are Chinese; codes, names and fingerprints stay.
    assert!(chinese.contains("证书链顺序不对"), "{chinese}");
    assert!(chinese.contains("使用者："), "{chinese}");
    assert!(chinese.contains("建议："), "{chinese}");
    assert!(chinese.contains("[chain-out-of-order]"), "{chinese}");
    assert!(!chinese.contains("hint:"), "{chinese}");
    for line in english
        .lines()
        .filter(|l| l.trim_start().starts_with("SHA-256:"))
    {
        assert!(chinese.contains(line), "{line} kept");
    }
}

#[test]
fn check_text_translates_the_target_section() {
    let chain = path("chain-shuffled", "chain.pem");
    let (_, chinese) = stdout(&[
        "check",
        "--now",
        NOW,
        "--provider",
        "huawei-elb",
        "--lang",
        "zh-CN",
        &chain,
    ]);
    assert!(chinese.contains("目标：华为云 ELB"), "{chinese}");
    assert!(chinese.contains("修复："), "{chinese}");
    assert!(chinese.contains("按证书链顺序排列证书"), "{chinese}");
}

#[test]
fn json_adds_the_localized_texts_and_keeps_the_english_ones() {
    let chain = path("key-matches-nothing", "chain.pem");
    let key = path("key-matches-nothing", "key.test-only.pem");
    let args = ["inspect", "--json", "--now", NOW, &chain, &key];
    let (_, english) = binary::run_json(&args, &[]);
    let mut zh_args = args.to_vec();
    zh_args.extend(["--lang", "zh-CN"]);
    let (_, chinese) = binary::run_json(&zh_args, &[]);
    let (en_list, zh_list) = (
        english["diagnostics"].as_array().expect("a list"),
        chinese["diagnostics"].as_array().expect("a list"),
    );
    assert!(!en_list.is_empty());
    assert_eq!(en_list.len(), zh_list.len());
    for (en, zh) in en_list.iter().zip(zh_list) {
        assert!(
            en.get("message_localized").is_none(),
            "English adds nothing"
        );
        // Every key English has is there, with the same value.
        for (key, value) in en.as_object().expect("an object") {
            assert_eq!(&zh[key], value, "{key}");
        }
        let message = zh["message_localized"].as_str().expect("a message");
        assert!(has_chinese(message), "{message}");
        assert_ne!(message, en["message"].as_str().expect("a message"));
        let hint = zh["hint_localized"].as_str().expect("a hint");
        assert_eq!(hint.is_empty(), en["hint"] == "", "{hint}");
    }
    let mismatch = zh_list
        .iter()
        .find(|d| d["code"] == "key-does-not-match-certificate")
        .expect("the key matches nothing");
    assert!(
        mismatch["message_localized"]
            .as_str()
            .is_some_and(|m| m.contains("证书的公钥与私钥不匹配")),
        "{mismatch}"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let chain = path("chain-shuffled", "chain.pem");
    let output = binary::run(&["inspect", "--lang", "fr", &chain], &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--lang \"fr\": use en or zh-CN"),
        "{stderr}"
    );
    let help = binary::run(&["inspect", "--help"], &[]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--lang LANG"));
}

#[test]
fn request_diagnostics_are_chinese_on_standard_error() {
    let chain = path("chain-shuffled", "chain.pem");
    let output = binary::run(
        &[
            "request",
            "--provider",
            "huawei-elb",
            "--region",
            "cn-north-4",
            "--auth",
            "aksk",
            "--access-key-id",
            "AKIDEXAMPLE",
            "--secret-env",
            "I18N_TEST_SECRET",
            "--now",
            NOW,
            "--lang",
            "zh-CN",
            &chain,
        ],
        &[("I18N_TEST_SECRET", "not-a-real-secret")],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(has_chinese(&stderr), "{stderr}");
    assert!(!stderr.contains("hint:"), "{stderr}");
}

/// The targets' data people read, in Chinese: titles, the region word each provider uses (Alibaba
/// 地域, Huawei 区域), region names, field help, pattern descriptions, disagreements and legacy
/// notes. The types make each form required (`Words`); this checks that each is Chinese.
#[test]
fn the_targets_data_reads_in_chinese() {
    use cert_preflight::ProviderId;
    use cert_preflight::providers::Shape;
    for provider in ProviderId::all() {
        let spec = provider.spec();
        let id = spec.id;
        assert!(has_chinese(spec.title_zh), "{id}: {}", spec.title_zh);
        let word = if id.starts_with("alibaba") {
            "地域"
        } else {
            "区域"
        };
        assert_eq!(spec.region_word_zh, word, "{id}");
        for region in spec.regions {
            assert!(has_chinese(region.name_zh), "{id} {}", region.id);
        }
        for field in spec.fields {
            assert!(
                has_chinese(field.help.zh),
                "{id} {}: {}",
                field.name,
                field.help.zh
            );
            assert_ne!(field.help.zh, field.help.en);
            if let Shape::Pattern(_, description) = field.shape {
                assert!(has_chinese(description.zh), "{id} {}", field.name);
            }
        }
        for family in spec.numbered {
            for part in family.parts {
                assert!(
                    has_chinese(part.help.zh),
                    "{id} {}.N.{}",
                    family.stem,
                    part.name
                );
            }
        }
        for rule in spec.rules {
            if let Some(disagreement) = rule.disagreement {
                assert!(has_chinese(disagreement.zh), "{}", rule.id);
            }
        }
        if let Some(legacy) = &spec.legacy {
            assert!(has_chinese(legacy.note.zh), "{id}");
        }
        // Nowhere the other provider's word for a region: what the target's own texts say
        // (field help, rules, disagreements, legacy notes, the console's menu, labels and pitfalls).
        let other = if word == "地域" { "区域" } else { "地域" };
        let texts =
            spec.fields
                .iter()
                .map(|f| f.help.zh)
                .chain(spec.rules.iter().map(|r| r.statement.zh))
                .chain(
                    spec.rules
                        .iter()
                        .filter_map(|r| r.disagreement.map(|d| d.zh)),
                )
                .chain(spec.legacy.iter().map(|l| l.note.zh))
                .chain([spec.console.menu.zh])
                .chain(spec.console.fields.iter().flat_map(|f| {
                    std::iter::once(f.label.zh).chain(f.pitfalls.iter().map(|p| p.zh))
                }));
        for text in texts {
            assert!(!text.contains(other), "{id} says {other}: {text}");
        }
    }
}

/// `--help` and `COMMAND --help` in Chinese with `--lang zh-CN` anywhere on the line; English,
/// as it was, without it.
#[test]
fn help_reads_in_chinese_with_lang_zh_cn() {
    let (code, english) = stdout(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(
        english.starts_with("usage: cert-preflight inspect"),
        "{english}"
    );
    assert!(!has_chinese(&english), "{english}");
    for args in [
        &["--lang", "zh-CN", "--help"][..],
        &["--help", "--lang", "zh-CN"][..],
        &["help", "--lang", "zh-CN"][..],
    ] {
        let (code, chinese) = stdout(args);
        assert_eq!(code, Some(0), "{args:?}");
        assert!(
            chinese.starts_with("用法：cert-preflight inspect"),
            "{args:?}: {chinese}"
        );
        assert!(chinese.contains("\n选项：\n"), "{chinese}");
        assert!(chinese.contains("显示本帮助"), "{chinese}");
        assert_eq!(chinese.lines().count(), english.lines().count());
    }
    for command in ["inspect", "check", "request", "targets"] {
        let (_, english) = stdout(&[command, "--help"]);
        let (code, chinese) = stdout(&[command, "--help", "--lang", "zh-CN"]);
        let (_, before) = stdout(&["--lang", "zh-CN", command, "-h"]);
        assert_eq!(code, Some(0));
        assert_eq!(chinese, before, "{command}: --lang applies wherever it is");
        assert!(
            chinese.starts_with(&format!("用法：cert-preflight {command}")),
            "{chinese}"
        );
        assert!(english.starts_with(&format!("usage: cert-preflight {command}")));
        // Each option's help line is Chinese; the options themselves are the same.
        for (en, zh) in english.lines().zip(chinese.lines()) {
            if let Some(option) = en.strip_prefix("  -") {
                let synopsis = option.split("  ").next().unwrap_or_default();
                assert!(zh.starts_with(&format!("  -{synopsis}")), "{zh}");
                assert!(has_chinese(zh), "{command}: {zh}");
            }
        }
    }
}

/// Usage errors in Chinese on standard error, with the command's usage, exit status 2.
#[test]
fn usage_errors_read_in_chinese_with_lang_zh_cn() {
    let chain = path("chain-shuffled", "chain.pem");
    let run = |args: &[&str]| {
        let output = binary::run(args, &[]);
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, english) = run(&["check", &chain]);
    assert_eq!(code, Some(2));
    assert!(
        english.starts_with("cert-preflight: --provider is required\nusage: cert-preflight check"),
        "{english}"
    );
    let (code, chinese) = run(&["check", "--lang", "zh-CN", &chain]);
    assert_eq!(code, Some(2));
    assert!(
        chinese.starts_with("cert-preflight: 必须给出 --provider\n用法：cert-preflight check"),
        "{chinese}"
    );
    for (args, said) in [
        (
            &["--lang", "zh-CN", "frobnicate"][..],
            "未知命令 \"frobnicate\"",
        ),
        (&["inspect", "--lang", "zh-CN"][..], "至少需要一个 FILE"),
        (
            &["inspect", "--lang", "zh-CN", "--frob", "x"][..],
            "未知选项 \"--frob\"",
        ),
        (
            &["inspect", "--lang", "zh-CN", "--now", "soon", "x"][..],
            "不是 RFC 3339 格式的 UTC 时间",
        ),
        (
            &[
                "inspect",
                "--lang",
                "zh-CN",
                "/nonexistent/cert-preflight.pem",
            ][..],
            "无法读取 /nonexistent/cert-preflight.pem（系统错误：",
        ),
    ] {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
    }
}
