//! The canonical request of the two schemes that descend from AWS Signature Version 4, ACS3 and
//! Huawei AK/SK: `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`, as a value whose
//! `Display` is that text. The schemes differ only in the URI (AK/SK appends `/`), which headers
//! they sign and what they do with the hash of this text.

use super::{HttpRequest, Method, percent_encode, sha256_hex, sort_pairs};
use std::fmt;

/// A canonical request, part by part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonicalRequest {
    /// The method.
    pub method: Method,
    /// The path as the scheme canonicalises it (percent-encoded segments).
    pub uri: String,
    /// [`canonical_query_string`] of the query.
    pub query: String,
    /// The signed headers, `name:value\n` each (lowercase names, trimmed values, sorted).
    pub headers: String,
    /// Their names, `a;b;c`.
    pub signed_headers: String,
    /// Hex SHA-256 of the body.
    pub payload_hash: String,
}

impl CanonicalRequest {
    /// The canonical request of `request`, with `uri` as the scheme writes its path, the headers
    /// `signed` selects (by lowercase name) and the body's hex SHA-256 `payload_hash`.
    pub fn new(
        request: &HttpRequest,
        uri: String,
        payload_hash: String,
        signed: impl Fn(&str) -> bool,
    ) -> Self {
        let (headers, signed_headers) = canonical_headers(request, signed);
        Self {
            method: request.method,
            uri,
            query: canonical_query_string(&request.query),
            headers,
            signed_headers,
            payload_hash,
        }
    }

    /// Hex SHA-256 of the text: what the string to sign holds.
    pub fn hash(&self) -> String {
        sha256_hex(self.to_string().as_bytes())
    }
}

impl fmt::Display for CanonicalRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.method, self.uri, self.query, self.headers, self.signed_headers, self.payload_hash
        )
    }
}

/// Query pairs sorted by name, then value, each percent-encoded (`a=1&b=`): the canonical query of
/// ACS3 and AK/SK, and RPC V2's canonicalized query string.
pub fn canonical_query_string<'a>(query: impl IntoIterator<Item = &'a (String, String)>) -> String {
    let mut sorted: Vec<&(String, String)> = query.into_iter().collect();
    sort_pairs(&mut sorted);
    sorted
        .iter()
        .map(|(n, v)| format!("{}={}", percent_encode(n), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Canonical headers (`name:value\n` per header, lowercase names, trimmed values, sorted by
/// name) and the signed-header list (`a;b;c`) of the headers `chosen` selects.
fn canonical_headers(request: &HttpRequest, chosen: impl Fn(&str) -> bool) -> (String, String) {
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned()))
        .filter(|(n, _)| chosen(n))
        .collect();
    let mut sorted: Vec<&(String, String)> = headers.iter().collect();
    sort_pairs(&mut sorted);
    let headers = sorted;
    let canonical = headers
        .iter()
        .map(|(n, v)| format!("{n}:{v}\n"))
        .collect::<String>();
    let mut names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    names.dedup();
    (canonical, names.join(";"))
}
