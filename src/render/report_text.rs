//! The text report of `cert-preflight inspect` and `check` (without `--json`): inputs,
//! certificates, the chain, keys, requests and the diagnostics, in English (`Display for Report`)
//! or in a chosen language ([`Report::text_in`], `--lang`).

use crate::analysis::{Report, certificate};
use crate::lang::Lang;
use crate::providers::Preparation;
use std::fmt::{self, Write};

/// The readable text form of a report (what `cert-preflight inspect` prints without `--json`).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(f, self, Lang::En)
    }
}

impl Report {
    /// The text report in `lang`: the labels and the diagnostics' messages and hints translated,
    /// the facts (names, fingerprints, codes) as they are.
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = write_report(&mut out, self, lang);
        out
    }
}

fn write_report(f: &mut impl Write, report: &Report, lang: Lang) -> fmt::Result {
    let zh = lang == Lang::ZhCn;
    for input in &report.inputs {
        if zh {
            writeln!(
                f,
                "{}：{}，{}，{} 个块，换行符：{}",
                input.file,
                input.kind.as_str(),
                input.format.as_str(),
                input.blocks,
                input.line_endings.as_str()
            )?;
        } else {
            writeln!(
                f,
                "{}: {}, {}, {} block(s), line endings: {}",
                input.file,
                input.kind.as_str(),
                input.format.as_str(),
                input.blocks,
                input.line_endings.as_str()
            )?;
        }
    }
    for c in &report.certificates {
        let block = c.block.unwrap_or(1);
        if zh {
            writeln!(f, "\n证书 {}（{}，第 {block} 块）", c.index, c.file)?;
        } else {
            writeln!(f, "\ncertificate {} ({}, block {block})", c.index, c.file)?;
        }
        let label = |en: &'static str, zh_label: &'static str| lang.pick(en, zh_label);
        // An empty subject (the names in the subject alternative name) is said, not left blank.
        let subject = if c.subject.is_empty() {
            lang.pick("(empty)", "（空）")
        } else {
            &c.subject
        };
        writeln!(f, "  {} {}", label("subject:  ", "使用者：  "), subject)?;
        writeln!(f, "  {} {}", label("issuer:   ", "颁发者：  "), c.issuer)?;
        for san in &c.sans {
            let san_label = label("SAN:      ", "备用名称：");
            match &san.unicode {
                Some(unicode) if unicode != &san.value => {
                    writeln!(f, "  {san_label} {} {} ({unicode})", san.kind, san.value)?
                }
                _ => writeln!(f, "  {san_label} {} {}", san.kind, san.value)?,
            }
        }
        writeln!(
            f,
            "  {} {}",
            label("serial:   ", "序列号：  "),
            c.serial_hex
        )?;
        let days = c.days_until_expiry;
        let status = match (c.expiry, zh) {
            (certificate::Expiry::Valid, false) => format!("valid, {days} days left"),
            (certificate::Expiry::Valid, true) => format!("有效，剩余 {days} 天"),
            (certificate::Expiry::Expired, false) => format!("expired {} days ago", -days),
            (certificate::Expiry::Expired, true) => format!("已过期 {} 天", -days),
            (certificate::Expiry::NotYetValid, false) => "not yet valid".to_owned(),
            (certificate::Expiry::NotYetValid, true) => "尚未生效".to_owned(),
        };
        if zh {
            writeln!(
                f,
                "  有效期：   {} 至 {}（{status}）",
                c.not_before, c.not_after
            )?;
        } else {
            writeln!(
                f,
                "  valid:     {} to {} ({status})",
                c.not_before, c.not_after
            )?;
        }
        let key = &c.public_key;
        let size = key
            .bits
            .map(|b| lang.pick(format!(" {b} bits"), format!(" {b} 位")))
            .unwrap_or_default();
        let curve = key.curve.map(|c| format!(" {c}")).unwrap_or_default();
        writeln!(
            f,
            "  {} {}{size}{curve}",
            label("key:      ", "公钥：    "),
            key.key_type.as_str()
        )?;
        writeln!(
            f,
            "  {} {}",
            label("algorithm:", "签名算法："),
            c.signature_algorithm
        )?;
        let flags = c.flags();
        if !flags.is_empty() {
            writeln!(
                f,
                "  {} {}",
                label("flags:    ", "属性：    "),
                flags.join("; ")
            )?;
        }
        writeln!(f, "  SHA-1:     {}", c.sha1)?;
        writeln!(f, "  SHA-256:   {}", c.sha256)?;
    }
    if !report.certificates.is_empty() {
        let chain = &report.chain;
        let order = chain
            .order
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" → ");
        let verdict = chain.verdict.as_str();
        if zh {
            let root = if chain.root_included { "是" } else { "否" };
            writeln!(f, "\n证书链：{verdict}，顺序 {order}，包含根证书：{root}")?;
        } else {
            writeln!(
                f,
                "\nchain: {verdict}, order {order}, root included: {}",
                chain.root_included
            )?;
        }
    }
    for k in &report.private_keys {
        let kind = k
            .key_type
            .map_or(lang.pick("unreadable", "无法读取"), |t| t.as_str());
        let size = k
            .bits
            .map(|b| lang.pick(format!(" {b} bits"), format!(" {b} 位")))
            .unwrap_or_default();
        let leaf = match k.matches_leaf {
            Some(true) => lang.pick(", matches the leaf", "，与叶子证书匹配"),
            Some(false) => lang.pick(", does not match the leaf", "，与叶子证书不匹配"),
            None => "",
        };
        let encrypted = if k.encrypted {
            lang.pick(" (encrypted)", "（已加密）")
        } else {
            ""
        };
        let (index, file, block, format) =
            (k.index, &k.file, k.block.unwrap_or(1), k.format.as_str());
        if zh {
            let alias = k
                .alias
                .as_ref()
                .map(|alias| format!("，别名“{alias}”"))
                .unwrap_or_default();
            writeln!(
                f,
                "\n私钥 {index}（{file}，第 {block} 块{alias}）：{format}{encrypted}，{kind}{size}{leaf}"
            )?;
        } else {
            let alias = k
                .alias
                .as_ref()
                .map(|alias| format!(", alias \"{alias}\""))
                .unwrap_or_default();
            writeln!(
                f,
                "\nprivate key {index} ({file}, block {block}{alias}): {format}{encrypted}, {kind}{size}{leaf}"
            )?;
        }
    }
    for c in &report.csrs {
        let signature = if c.signature_valid {
            lang.pick("signature valid", "签名有效")
        } else {
            lang.pick("signature INVALID", "签名无效")
        };
        let leaf = match c.matches_leaf {
            Some(true) => lang.pick(", matches the leaf", "，与叶子证书匹配"),
            Some(false) => lang.pick(", does not match the leaf", "，与叶子证书不匹配"),
            None => "",
        };
        let key = match c.matches_private_key {
            Some(true) => lang.pick(", matches the private key", "，与私钥匹配"),
            Some(false) => lang.pick(", does not match the private key", "，与私钥不匹配"),
            None => "",
        };
        let subject = if c.subject.is_empty() {
            lang.pick("(empty subject)", "（使用者为空）")
        } else {
            &c.subject
        };
        let (index, file) = (c.index, &c.file);
        if zh {
            writeln!(
                f,
                "\n证书请求 {index}（{file}）：{subject}，{signature}{leaf}{key}"
            )?;
        } else {
            writeln!(
                f,
                "\ncertificate request {index} ({file}): {subject}, {signature}{leaf}{key}"
            )?;
        }
    }
    if !report.diagnostics.is_empty() {
        writeln!(f)?;
    }
    for diagnostic in &report.diagnostics {
        writeln!(f, "{}", diagnostic.text_in(lang))?;
    }
    Ok(())
}

/// The text `cert-preflight check` prints after the report: the target, the fixes applied for it
/// and its findings.
impl fmt::Display for Preparation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_preparation(f, self, Lang::En)
    }
}

impl Preparation {
    /// The text of the target's section in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = write_preparation(&mut out, self, lang);
        out
    }
}

fn write_preparation(f: &mut impl Write, prep: &Preparation, lang: Lang) -> fmt::Result {
    let spec = prep.provider.spec();
    let fix = lang.pick("fix: ", "修复：");
    writeln!(
        f,
        "\n{}{} ({} {})",
        lang.pick("target: ", "目标："),
        spec.title_in(lang),
        spec.api,
        spec.version
    )?;
    if let Some(bundle) = &prep.bundle {
        for change in bundle.changes_in(lang) {
            writeln!(f, "  {fix}{change}")?;
        }
    }
    if let Some(key_fix) = &prep.key_fix {
        writeln!(
            f,
            "  {fix}{} {} → {} ({})",
            lang.pick("private key", "私钥"),
            key_fix.from,
            key_fix.to,
            key_fix.reason_in(lang)
        )?;
    }
    if prep.diagnostics.is_empty() {
        writeln!(
            f,
            "  {}",
            lang.pick("no findings for this target", "此目标没有发现问题")
        )?;
    }
    for diagnostic in &prep.diagnostics {
        writeln!(f, "{}", diagnostic.text_in(lang))?;
    }
    Ok(())
}
