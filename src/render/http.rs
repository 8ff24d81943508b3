//! The raw HTTP/1.1 request, as it goes on the wire.

use crate::signing::Signed;

/// The raw HTTP/1.1 request, as it goes on the wire (CRLF line ends, Content-Length).
pub(crate) fn http(signed: &Signed) -> String {
    let request = &signed.request;
    let query = request.query_string();
    let mut out = format!(
        "{} {}{}{} HTTP/1.1\r\n",
        request.method,
        request.encoded_path(),
        if query.is_empty() { "" } else { "?" },
        query
    );
    if request.header("host").is_none() {
        out.push_str(&format!("Host: {}\r\n", request.host));
    }
    for (name, value) in &request.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", request.body.len()));
    out.push_str(&String::from_utf8_lossy(&request.body));
    out
}
