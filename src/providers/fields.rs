//! The user's request fields: how a target declares them ([`FieldSpec`], [`Shape`], conditions,
//! numbered families such as `Tag.N.Key`, [`Region`]s), the values given ([`Fields`]) and the
//! generic checks every target's fields go through (presence, length, shape, unknown names,
//! numbered families, the region).

use super::{ProviderSpec, Rule, rule_diagnostic};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::lang::Words;
use serde::Serialize;
use serde::ser::SerializeStruct;

/// What a field's value must look like, besides its length.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Any text.
    Text,
    /// One of these values.
    OneOf(&'static [&'static str]),
    /// Matches the predicate; the string describes the pattern for messages.
    Pattern(fn(&str) -> bool, Words),
}

impl Serialize for Shape {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Shape", 2)?;
        match self {
            Self::Text => out.serialize_field("kind", "text")?,
            Self::OneOf(values) => {
                out.serialize_field("kind", "one_of")?;
                out.serialize_field("values", values)?;
            }
            Self::Pattern(_, description) => {
                out.serialize_field("kind", "pattern")?;
                out.serialize_field("description", description)?;
            }
        }
        out.end()
    }
}

/// How the user gives a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldInput {
    /// One line of text (or a choice, for [`Shape::OneOf`]).
    Line,
    /// PEM material: a text area in the page, `@PATH` (a file) on the command line.
    Pem,
}

/// A condition on another field's value.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct When {
    /// The other field.
    pub field: &'static str,
    /// The values (of that field) under which this field applies; `default` counts when the
    /// other field is not given.
    pub equals: &'static [&'static str],
    /// The other field's value when it is not given.
    pub default: &'static str,
    /// What the API does with the field when the condition does not hold.
    pub otherwise: Otherwise,
}

/// What an API does with a conditional field outside its condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    /// Refuses the request.
    Refused,
    /// Ignores the field (the target leaves it out of the request).
    Ignored,
}

impl When {
    /// Whether the condition holds for these values.
    pub fn holds(&self, get: impl Fn(&str) -> Option<String>) -> bool {
        let value = get(self.field).unwrap_or_else(|| self.default.to_owned());
        self.equals.contains(&value.as_str())
    }
}

/// A request field the user fills in (not one taken from the certificate material).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct FieldSpec {
    /// The API's own parameter name.
    pub name: &'static str,
    /// Whether the API requires it.
    pub required: bool,
    /// Minimum length in characters (Unicode scalar values), when documented.
    pub min_chars: usize,
    /// Maximum length in characters, when documented.
    pub max_chars: Option<usize>,
    /// The value's shape.
    pub shape: Shape,
    /// How the value is given.
    pub input: FieldInput,
    /// The field applies only when another field has one of some values.
    pub only_when: Option<When>,
    /// What it is, for help texts and the page's form.
    pub help: Words,
    /// The rule behind the constraints.
    pub rule: &'static Rule,
}

impl FieldSpec {
    /// An optional one-line text field without limits.
    pub const fn text(name: &'static str, help: Words, rule: &'static Rule) -> Self {
        Self {
            name,
            required: false,
            min_chars: 0,
            max_chars: None,
            shape: Shape::Text,
            input: FieldInput::Line,
            only_when: None,
            help,
            rule,
        }
    }

    /// The same field, required.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The same field with a length range in characters.
    pub const fn chars(mut self, min: usize, max: Option<usize>) -> Self {
        self.min_chars = min;
        self.max_chars = max;
        self
    }

    /// The same field with a shape.
    pub const fn shape(mut self, shape: Shape) -> Self {
        self.shape = shape;
        self
    }

    /// The same field, given as PEM (a file on the command line).
    pub const fn pem(mut self) -> Self {
        self.input = FieldInput::Pem;
        self
    }

    /// The same field, applying only under a condition.
    pub const fn only_when(mut self, when: When) -> Self {
        self.only_when = Some(when);
        self
    }
}

/// A family of numbered fields such as `Tag.N.Key` / `Tag.N.Value`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct NumberedFields {
    /// The stem: `Tag` for `Tag.N.Key`.
    pub stem: &'static str,
    /// The parts after the number, the first one being the one the others need (`Key`).
    pub parts: &'static [NumberedPart],
    /// N runs from 1 to this.
    pub max: u32,
    /// The rule on the count.
    pub count_rule: &'static Rule,
    /// The provider's error when a later part is given without the first.
    pub first_missing_error: Option<&'static str>,
    /// The target's checks of one value: `(full name, part index, value, out)`.
    #[serde(skip)]
    pub check: fn(&str, usize, &str, &mut Vec<Diagnostic>),
}

/// One part of a numbered field family.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct NumberedPart {
    /// `Key`, `Value`.
    pub name: &'static str,
    /// What it takes, for the page's form.
    pub help: Words,
    /// The rule it follows.
    pub rule: &'static Rule,
}

impl NumberedFields {
    /// `(N, part index)` when `name` is `stem.N.part` (N not checked against `max`).
    pub fn parse(&self, name: &str) -> Option<(u32, usize)> {
        let rest = name.strip_prefix(self.stem)?.strip_prefix('.')?;
        let (n, part) = rest.split_once('.')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
            return None;
        }
        let index = self.parts.iter().position(|p| p.name == part)?;
        Some((n.parse().ok()?, index))
    }

    /// The name of part `index` of entry `n`.
    pub fn name(&self, n: u32, index: usize) -> String {
        format!("{}.{n}.{}", self.stem, self.parts[index].name)
    }
}

/// A region: its ID, its display names and the endpoint host the target uses there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Region {
    /// The vendor's region ID (`cn-hangzhou`).
    pub id: &'static str,
    /// The name the vendor's English site shows ("China (Hangzhou)").
    pub name_en: &'static str,
    /// The name the vendor's Chinese site shows ("华东1（杭州）").
    pub name_zh: &'static str,
    /// The API's endpoint host there.
    pub host: &'static str,
}

/// A [`Region`] (a shorthand for the targets' tables).
pub(crate) const fn region(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    host: &'static str,
) -> Region {
    Region {
        id,
        name_en,
        name_zh,
        host,
    }
}

/// What the user gave besides the material.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fields {
    /// `NAME=VALUE` pairs, in the order given.
    pub values: Vec<(String, String)>,
    /// The region.
    pub region: String,
}

impl Fields {
    /// The last value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Where field diagnostics point.
pub(crate) fn field_location(name: &str) -> Location {
    Location::Field(name.to_owned())
}

pub(super) fn check_fields(spec: &ProviderSpec, fields: &Fields, out: &mut Vec<Diagnostic>) {
    let get = |name: &str| fields.get(name).map(str::to_owned);
    for (name, value) in &fields.values {
        let Some(field) = spec.field(name) else {
            if spec.numbered.iter().any(|f| f.parse(name).is_some()) {
                continue; // checked with its family below
            }
            let mut known: Vec<String> = spec.fields.iter().map(|f| f.name.to_owned()).collect();
            for family in spec.numbered {
                let parts: Vec<&str> = family.parts.iter().map(|p| p.name).collect();
                known.push(format!(
                    "{}.N.{} (N = 1..{})",
                    family.stem,
                    parts.join("|"),
                    family.max
                ));
            }
            out.push(Diagnostic::new(
                Code::FieldUnknown,
                // The name is the user's text (a key pasted where a name goes): an excerpt only.
                field_location(&crate::diagnostic::excerpt(name)),
                {
                    let (api, name) = (spec.api, crate::diagnostic::excerpt(name));
                    tr!(
                        "{api} does not take a field {name:?}",
                        "{api} 没有字段 {name:?}"
                    )
                },
                {
                    // Chinese lists with 、, as it writes any list of names.
                    let (known, known_zh) = (known.join(", "), known.join("、"));
                    crate::diagnostic::Hint::per_surface(
                        tr!(
                            "the fields are: {known}; the certificate, chain and key come from the boxes above",
                            "可用字段：{known_zh}；证书、证书链和私钥取自上面的输入框"
                        ),
                        tr!(
                            "the fields are: {known}; the certificate, chain and key come from the FILEs",
                            "可用字段：{known_zh}；证书、证书链和私钥取自 FILE 文件"
                        ),
                    )
                },
            ));
            continue;
        };
        if let Some(when) = field.only_when
            && !when.holds(get)
        {
            let (code, what, what_zh) = match when.otherwise {
                Otherwise::Refused => (
                    Code::FieldInvalid,
                    "it is refused otherwise",
                    "否则会被拒绝",
                ),
                Otherwise::Ignored => (
                    Code::FieldIgnored,
                    "otherwise it is not sent",
                    "否则不会发送",
                ),
            };
            let (other, values, values_zh) = (
                when.field,
                when.equals.join(" or "),
                when.equals.join(" 或 "),
            );
            out.push(rule_diagnostic(
                code,
                field_location(name),
                field.rule,
                tr!(
                    "{name} only applies when {other} is {values}; {what}",
                    "{name} 仅在 {other} 为 {values_zh} 时适用；{what_zh}"
                ),
                tr!(
                    "drop {name}, or set {other} accordingly",
                    "请删除 {name}，或相应设置 {other}"
                ),
            ));
            continue;
        }
        check_value(field, value, out);
    }
    for field in spec.fields.iter().filter(|f| f.required) {
        if fields.get(field.name).is_none() {
            out.push(rule_diagnostic(
                Code::FieldMissing,
                field_location(field.name),
                field.rule,
                {
                    let (api, name, help, help_zh) =
                        (spec.api, field.name, field.help.en, field.help.zh);
                    tr!("{api} needs {name}: {help}", "{api} 需要 {name}：{help_zh}")
                },
                {
                    let name = field.name;
                    crate::diagnostic::Hint::per_surface(
                        tr!("fill in {name}", "请填写 {name}"),
                        tr!(
                            "give it with --field {name}=VALUE",
                            "请用 --field {name}=VALUE 给出"
                        ),
                    )
                },
            ));
        }
    }
}

/// Checks one value against its field's data: length and shape.
pub(crate) fn check_value(field: &FieldSpec, value: &str, out: &mut Vec<Diagnostic>) {
    let chars = value.chars().count();
    if chars < field.min_chars {
        out.push(rule_diagnostic(
            Code::FieldInvalid,
            field_location(field.name),
            field.rule,
            {
                let (name, min) = (field.name, field.min_chars);
                tr!(
                    "{name} must have at least {min} character(s); it has {chars}",
                    "{name} 至少要有 {min} 个字符；现有 {chars} 个"
                )
            },
            tr!(
                "fill it in, or leave the field out if it is optional",
                "请填写；若该字段可选，也可以不填"
            ),
        ));
    }
    if let Some(max) = field.max_chars.filter(|&max| chars > max) {
        out.push(rule_diagnostic(
            Code::FieldTooLong,
            field_location(field.name),
            field.rule,
            {
                let name = field.name;
                tr!(
                    "{name} has {chars} characters; at most {max} are allowed",
                    "{name} 有 {chars} 个字符；最多允许 {max} 个"
                )
            },
            tr!("shorten it", "请缩短"),
        ));
    }
    match field.shape {
        Shape::Text => {}
        Shape::OneOf(allowed) => {
            if !allowed.contains(&value) {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(field.name),
                    field.rule,
                    {
                        let (name, allowed) = (field.name, allowed.join(", "));
                        tr!(
                            "{name} is {value:?}; it must be one of {allowed}",
                            "{name} 为 {value:?}；必须是 {allowed} 之一"
                        )
                    },
                    {
                        let allowed = allowed.join(", ");
                        tr!("use one of: {allowed}", "请使用其中之一：{allowed}")
                    },
                ));
            }
        }
        Shape::Pattern(accepts, description) => {
            if !value.is_empty() && !accepts(value) {
                out.push(rule_diagnostic(
                    Code::FieldInvalid,
                    field_location(field.name),
                    field.rule,
                    {
                        let (name, description, description_zh) =
                            (field.name, description.en, description.zh);
                        tr!(
                            "{name} is {value:?}; it must be {description}",
                            "{name} 为 {value:?}；必须是{description_zh}"
                        )
                    },
                    {
                        let (description, description_zh) = (description.en, description.zh);
                        tr!("give {description}", "请给出{description_zh}")
                    },
                ));
            }
        }
    }
}

/// The values of a numbered family, checked (N in range, each value by the target, later parts
/// only with the first), as API parameters in N order. An N out of range is left out when the
/// count rule blocks, sent with a warning when it does not.
pub(crate) fn numbered_parameters(
    family: &NumberedFields,
    fields: &Fields,
    out: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut entries: std::collections::BTreeMap<u32, Vec<Option<String>>> = Default::default();
    for (name, value) in &fields.values {
        let Some((n, part)) = family.parse(name) else {
            continue;
        };
        if !(1..=family.max).contains(&n) {
            out.push(rule_diagnostic(
                Code::FieldInvalid,
                field_location(name),
                family.count_rule,
                {
                    let max = family.max;
                    tr!(
                        "{name}: N is {n}; it must be 1 to {max}",
                        "{name}：N 为 {n}；必须在 1 到 {max} 之间"
                    )
                },
                {
                    let max = family.max;
                    tr!("number them from 1 to {max}", "请从 1 到 {max} 编号")
                },
            ));
            if family.count_rule.blocks() {
                continue;
            }
        }
        (family.check)(name, part, value, out);
        entries
            .entry(n)
            .or_insert_with(|| vec![None; family.parts.len()])[part] = Some(value.clone());
    }
    let mut parameters = Vec::new();
    for (n, entry) in entries {
        if entry[0].is_none() {
            let first = family.name(n, 0);
            let diagnostic = Diagnostic::new(
                Code::FieldMissing,
                field_location(&family.name(n, 1)),
                {
                    let stem = family.stem;
                    tr!(
                        "entry {n} of {stem} is given without {first}",
                        "{stem} 的第 {n} 项缺少 {first}"
                    )
                },
                crate::diagnostic::Hint::per_surface(
                    tr!("fill in {first} too", "请同时填写 {first}"),
                    tr!(
                        "give --field {first}=... too",
                        "请同时给出 --field {first}=..."
                    ),
                ),
            );
            out.push(match family.first_missing_error {
                Some(error) => diagnostic.with_provider_error(error),
                None => diagnostic,
            });
        }
        for (index, value) in entry.into_iter().enumerate() {
            if let Some(value) = value {
                parameters.push((family.name(n, index), value));
            }
        }
    }
    parameters
}

pub(super) fn check_region(spec: &ProviderSpec, region: &str, out: &mut Vec<Diagnostic>) {
    let listed: Vec<&str> = spec.regions.iter().map(|r| r.id).collect();
    let plausible = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !plausible {
        out.push(Diagnostic::new(
            Code::FieldInvalid,
            field_location("region"),
            {
                let word = spec.region_word_zh;
                tr!(
                    "the region {region:?} is not a region ID (lowercase letters, digits and -)",
                    "{region:?} 不是{word} ID（小写字母、数字和 -）"
                )
            },
            {
                let listed = listed.join(", ");
                tr!("use one of: {listed}", "请使用其中之一：{listed}")
            },
        ));
    } else if spec.region(region).is_none() {
        out.push(Diagnostic::new(
            Code::RegionNotListed,
            field_location("region"),
            {
                let (api, host, word) = (spec.api, spec.host(region), spec.region_word_zh);
                tr!(
                    "{region} is not among the regions listed for {api}; the request goes to {host}",
                    "{region} 不在 {api} 列出的{word}中；请求将发往 {host}"
                )
            },
            {
                let (listed, word) = (listed.join(", "), spec.region_word_zh);
                tr!("listed regions: {listed}", "列出的{word}：{listed}")
            },
        ));
    }
}

/// Lowercase 8-4-4-4-12 hexadecimal UUID (36 characters).
pub(crate) fn is_lowercase_uuid(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}
