//! The text report of `cert-preflight inspect` and `check` (without `--json`): inputs,
//! certificates, the chain, keys, requests and the diagnostics, as `Display for Report`.

use crate::analysis::{Report, certificate};
use crate::providers::Preparation;
use std::fmt;

/// The readable text form of a report (what `cert-preflight inspect` prints without `--json`).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for input in &self.inputs {
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
        for c in &self.certificates {
            writeln!(
                f,
                "\ncertificate {} ({}, block {})",
                c.index,
                c.file,
                c.block.unwrap_or(1)
            )?;
            writeln!(f, "  subject:   {}", c.subject)?;
            writeln!(f, "  issuer:    {}", c.issuer)?;
            for san in &c.sans {
                match &san.unicode {
                    Some(unicode) if unicode != &san.value => {
                        writeln!(f, "  SAN:       {} {} ({unicode})", san.kind, san.value)?
                    }
                    _ => writeln!(f, "  SAN:       {} {}", san.kind, san.value)?,
                }
            }
            writeln!(f, "  serial:    {}", c.serial_hex)?;
            let status = match c.expiry {
                certificate::Expiry::Valid => format!("valid, {} days left", c.days_until_expiry),
                certificate::Expiry::Expired => {
                    format!("expired {} days ago", -c.days_until_expiry)
                }
                certificate::Expiry::NotYetValid => "not yet valid".to_owned(),
            };
            writeln!(
                f,
                "  valid:     {} to {} ({status})",
                c.not_before, c.not_after
            )?;
            let key = &c.public_key;
            let size = key.bits.map(|b| format!(" {b} bits")).unwrap_or_default();
            let curve = key.curve.map(|c| format!(" {c}")).unwrap_or_default();
            writeln!(f, "  key:       {}{size}{curve}", key.key_type.as_str())?;
            writeln!(f, "  algorithm: {}", c.signature_algorithm)?;
            let flags = c.flags();
            if !flags.is_empty() {
                writeln!(f, "  flags:     {}", flags.join("; "))?;
            }
            writeln!(f, "  SHA-1:     {}", c.sha1)?;
            writeln!(f, "  SHA-256:   {}", c.sha256)?;
        }
        if !self.certificates.is_empty() {
            let chain = &self.chain;
            let order = chain
                .order
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" → ");
            let verdict = chain.verdict.as_str();
            writeln!(
                f,
                "\nchain: {verdict}, order {order}, root included: {}",
                chain.root_included
            )?;
        }
        for k in &self.private_keys {
            let kind = k.key_type.map_or("unreadable", |t| t.as_str());
            let size = k.bits.map(|b| format!(" {b} bits")).unwrap_or_default();
            let leaf = match k.matches_leaf {
                Some(true) => ", matches the leaf",
                Some(false) => ", does not match the leaf",
                None => "",
            };
            let encrypted = if k.encrypted { " (encrypted)" } else { "" };
            let (index, file, block, format) =
                (k.index, &k.file, k.block.unwrap_or(1), k.format.as_str());
            writeln!(
                f,
                "\nprivate key {index} ({file}, block {block}): {format}{encrypted}, {kind}{size}{leaf}"
            )?;
        }
        for c in &self.csrs {
            writeln!(
                f,
                "\ncertificate request {} ({}): {}, signature {}, matches leaf: {:?}, matches key: {:?}",
                c.index,
                c.file,
                c.subject,
                if c.signature_valid {
                    "valid"
                } else {
                    "INVALID"
                },
                c.matches_leaf,
                c.matches_private_key
            )?;
        }
        if !self.diagnostics.is_empty() {
            writeln!(f)?;
        }
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// The text `cert-preflight check` prints after the report: the target, the fixes applied for it
/// and its findings.
impl fmt::Display for Preparation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spec = self.provider.spec();
        writeln!(
            f,
            "\ntarget: {} ({} {})",
            spec.title, spec.api, spec.version
        )?;
        if let Some(bundle) = &self.bundle {
            for change in &bundle.changes {
                writeln!(f, "  fix: {change}")?;
            }
        }
        if let Some(fix) = &self.key_fix {
            writeln!(
                f,
                "  fix: private key {} → {} ({})",
                fix.from, fix.to, fix.reason
            )?;
        }
        if self.diagnostics.is_empty() {
            writeln!(f, "  no findings for this target")?;
        }
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}
