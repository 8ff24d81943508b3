#!/usr/bin/env python3
"""Loopback HTTPS server that stands in for the target APIs in tests.

It accepts what a generated curl command sends (curl is pointed at it with `--connect-to`, usually
through a test-only `.curlrc`), records every request as one JSON line, and checks it the way the
provider would: the signature is recomputed from the bytes that arrived, with the vendors' official
SDKs from PyPI, never with our own code:

  Alibaba RPC V2   aliyunsdkcore.auth.composer.rpc_signature_composer (string to sign + HMAC-SHA1)
                   and alibabacloud_openapi_util.client.Client.get_rpcsignature; both must agree.
  Alibaba ACS3     alibabacloud_tea_openapi.utils.Utils.get_authorization and
                   alibabacloud_openapi_util.client.Client.get_authorization over the signed headers;
                   x-acs-content-sha256 must be the SHA-256 of the body; host and every x-acs-* header
                   must be signed.
  Huawei AK/SK     huaweicloudsdkcore.signer.signer.Signer over the signed headers, path, query, body.
  Huawei token     X-Auth-Token must be one of the tokens the test allowed.
  Huawei IAM       POST /v3/auth/tokens answers 201 with an X-Subject-Token header.

Only the APIs the targets call are answered (API_CALLS below): an Alibaba request must name one of
their actions with its version at its product's host; a Huawei request must be one of their paths at
its service's host, and AK/SK requests must carry (and sign) the scope the service's SDK client uses:
X-Project-Id for project-level ELB, X-Domain-Id for the global CCM and SCM.

Secrets come from the environment, never from argv:
  ALIBABA_TEST_SECRETS  JSON {"access key id": "secret", ...}
  HUAWEI_TEST_SECRETS   JSON {"access key id": "secret", ...}
  HUAWEI_TEST_TOKENS    JSON ["token", ...]

Usage: verify_server.py --cert-dir DIR --record FILE.jsonl --ready-file PATH [--port 0] [--san HOST]...
Writes the CA certificate to DIR/ca.pem, listens on 127.0.0.1, and once listening writes
{"port": N, "ca": "DIR/ca.pem"} to the ready file. Answers 200 (accepted) or 403 (rejected) with a JSON
body naming the reason. Records hold no secret: tokens and passwords are replaced by markers.
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import ssl
import sys
import threading
import types
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

DEFAULT_SANS = [
    "aliyuncs.com", "*.aliyuncs.com", "myhuaweicloud.com", "*.myhuaweicloud.com",
]


def make_certificates(cert_dir, sans):
    """A throwaway CA and a server certificate for the given DNS names and 127.0.0.1."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cert-preflight test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName(s) for s in sans] + [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "loopback")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    os.makedirs(cert_dir, exist_ok=True)
    pem = serialization.Encoding.PEM
    paths = {n: os.path.join(cert_dir, n) for n in ("ca.pem", "server.pem", "server.key")}
    with open(paths["ca.pem"], "wb") as f:
        f.write(ca.public_bytes(pem))
    with open(paths["server.pem"], "wb") as f:
        f.write(leaf.public_bytes(pem))
    fd = os.open(paths["server.key"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    return paths


class Rejected(Exception):
    pass


# The calls the targets make: Alibaba (host prefix, Action, Version); Huawei (host prefix, method,
# path pattern, the AK/SK scope header the SDK's credentials add).
ALIBABA_CALLS = {
    ("slb", "UploadCACertificate"): "2014-05-15",
    ("slb", "UploadServerCertificate"): "2014-05-15",
    ("kms", "UploadCertificate"): "2016-01-20",
    ("cas", "UploadUserCertificate"): "2020-04-07",
}
HUAWEI_CALLS = [
    ("ccm", "POST", re.compile(r"^/v1/private-certificate-authorities/[0-9a-f-]{36}/import$"),
     "x-domain-id", "ImportCertificateAuthorityCertificate"),
    ("elb", "POST", re.compile(r"^/v3/[0-9a-z]{1,32}/elb/certificates$"), "x-project-id",
     "CreateCertificate"),
    ("scm", "POST", re.compile(r"^/v3/scm/certificates/import$"), "x-domain-id", "ImportCertificate"),
]


def check_alibaba_call(host, action, version):
    product = host.split(".", 1)[0]
    expected = ALIBABA_CALLS.get((product, action))
    if expected is None:
        raise Rejected("InvalidAction.NotFound: %s is not an action of %s" % (action, host))
    if version != expected:
        raise Rejected("InvalidVersion: %s takes Version %s, not %s" % (action, expected, version))
    return action


def check_huawei_call(method, host, path, scheme, headers, signed_names):
    service = host.split(".", 1)[0]
    for prefix, verb, pattern, scope, name in HUAWEI_CALLS:
        if service == prefix and method == verb and pattern.match(path):
            if scheme == "aksk" and (scope not in headers or scope not in signed_names):
                raise Rejected("APIGW.0301 %s needs the signed %s header" % (name, scope))
            return name
    raise Rejected("APIGW.0101 the API does not exist: %s %s at %s" % (method, path, host))


def _secrets(var):
    raw = os.environ.get(var)
    return json.loads(raw) if raw else {}


# --- Alibaba RPC V2 ----------------------------------------------------------------------------
def verify_alibaba_v2(method, host, query_pairs, body, content_type):
    from aliyunsdkcore.auth.algorithm import sha_hmac1
    from aliyunsdkcore.auth.composer import rpc_signature_composer as core_rpc
    from alibabacloud_openapi_util.client import Client as TeaUtil

    params = {}
    for k, v in query_pairs:
        params.setdefault(k, v)
    if body:
        if not content_type.startswith("application/x-www-form-urlencoded"):
            raise Rejected("a V2 body must be application/x-www-form-urlencoded, got %r" % content_type)
        try:
            form = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True,
                             errors="strict")
        except (UnicodeDecodeError, ValueError) as e:
            raise Rejected("form body does not parse: %s" % e)
        for k, v in form:
            if k in params:
                raise Rejected("parameter %r sent twice" % k)
            params[k] = v
    signature = params.pop("Signature", None)
    if signature is None:
        raise Rejected("no Signature parameter")
    for required in ("AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce",
                     "Timestamp", "Action", "Version"):
        if required not in params:
            raise Rejected("missing common parameter %s" % required)
    if params["SignatureMethod"] != "HMAC-SHA1" or params["SignatureVersion"] != "1.0":
        raise Rejected("SignatureMethod/SignatureVersion must be HMAC-SHA1/1.0")
    ak = params["AccessKeyId"]
    secret = _secrets("ALIBABA_TEST_SECRETS").get(ak)
    if secret is None:
        raise Rejected("InvalidAccessKeyId.NotFound: %s" % ak)
    compose = getattr(core_rpc, "__compose_string_to_sign")
    get_sig = getattr(core_rpc, "__get_signature")
    string_to_sign = compose(method, dict(params))
    expected = get_sig(string_to_sign, secret, sha_hmac1)
    cross = TeaUtil.get_rpcsignature(dict(params), method, secret)
    if expected != cross:
        raise Rejected("the two Alibaba SDKs disagree (%s vs %s)" % (expected, cross))
    if signature != expected:
        raise Rejected("SignatureDoesNotMatch: expected string to sign %r" % string_to_sign)
    api = check_alibaba_call(host, params["Action"], params["Version"])
    return {"scheme": "v2", "api": api, "access_key_id": ak, "action": params["Action"],
            "parameters": params, "string_to_sign": string_to_sign}


# --- Alibaba ACS3 ------------------------------------------------------------------------------
ACS3_RE = re.compile(r"^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$")


def verify_alibaba_acs3(method, host, path, query_pairs, headers, body):
    from alibabacloud_openapi_util.client import Client as TeaUtil
    from alibabacloud_tea_openapi.utils import Utils

    m = ACS3_RE.match(headers.get("authorization", ""))
    if not m:
        raise Rejected("Authorization is not ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=...")
    ak, signed, _sig = m.groups()
    signed_names = signed.split(";")
    secret = _secrets("ALIBABA_TEST_SECRETS").get(ak)
    if secret is None:
        raise Rejected("InvalidAccessKeyId.NotFound: %s" % ak)
    must = {"host"} | {h for h in headers if h.startswith("x-acs-")}
    if not must <= set(signed_names):
        raise Rejected("unsigned headers: %s" % ", ".join(sorted(must - set(signed_names))))
    payload_hash = hashlib.sha256(body).hexdigest()
    if headers.get("x-acs-content-sha256") != payload_hash:
        raise Rejected("x-acs-content-sha256 is not the SHA-256 of the body that arrived")
    missing = [h for h in signed_names if h not in headers]
    if missing:
        raise Rejected("signed headers that were not sent: %s" % ", ".join(missing))
    signed_headers = {h: headers[h] for h in signed_names}
    query = {}
    for k, v in query_pairs:
        if k in query:
            raise Rejected("query parameter %r sent twice" % k)
        query[k] = v
    request = types.SimpleNamespace(method=method, pathname=path, query=query, headers=signed_headers)
    expected = Utils.get_authorization(request, "ACS3-HMAC-SHA256", payload_hash, ak, secret)
    cross = TeaUtil.get_authorization(
        types.SimpleNamespace(method=method, pathname=path, query=dict(query),
                              headers=dict(signed_headers)),
        "ACS3-HMAC-SHA256", payload_hash, ak, secret)
    if expected != cross:
        raise Rejected("the two Alibaba SDKs disagree")
    if headers["authorization"] != expected:
        raise Rejected("SignatureDoesNotMatch: the SDK computes %s" % expected.rsplit("=", 1)[1])
    api = check_alibaba_call(host, headers.get("x-acs-action", ""),
                             headers.get("x-acs-version", ""))
    return {"scheme": "acs3", "api": api, "access_key_id": ak, "action": headers.get("x-acs-action"),
            "parameters": query, "signed_headers": signed}


# --- Huawei AK/SK ------------------------------------------------------------------------------
HUAWEI_RE = re.compile(r"^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$")


def verify_huawei_aksk(method, host, raw_path, query_pairs, raw_headers, headers, body):
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer.signer import Signer

    m = HUAWEI_RE.match(headers.get("authorization", ""))
    if not m:
        raise Rejected("Authorization is not SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...")
    ak, signed, _sig = m.groups()
    secret = _secrets("HUAWEI_TEST_SECRETS").get(ak)
    if secret is None:
        raise Rejected("APIGW.0301 incorrect IAM authentication information: unknown AK %s" % ak)
    signed_names = signed.split(";")
    for needed in ("host", "x-sdk-date"):
        if needed not in signed_names:
            raise Rejected("%s is not signed" % needed)
    header_params = {}
    for name, value in raw_headers:
        if name.lower() in signed_names:
            header_params[name] = value
    missing = [h for h in signed_names if h not in {k.lower() for k in header_params}]
    if missing:
        raise Rejected("signed headers that were not sent: %s" % ", ".join(missing))
    try:
        sent = datetime.datetime.strptime(headers["x-sdk-date"], "%Y%m%dT%H%M%SZ")
    except ValueError:
        raise Rejected("X-Sdk-Date is not YYYYMMDDTHHMMSSZ")
    del sent
    request = SdkRequest(method=method, schema="https", host=host, resource_path=raw_path,
                         query_params=list(query_pairs), header_params=dict(header_params), body=body)
    signer = Signer(types.SimpleNamespace(ak=ak, sk=secret))
    signer.sign(request)
    expected = request.header_params["Authorization"]
    if headers["authorization"] != expected:
        raise Rejected("APIGW.0301 signature mismatch: the SDK computes %s" % expected.rsplit("=", 1)[1])
    api = check_huawei_call(method, host, raw_path, "aksk", headers, signed_names)
    return {"scheme": "aksk", "api": api, "access_key_id": ak, "signed_headers": signed,
            "project_id": headers.get("x-project-id"), "domain_id": headers.get("x-domain-id")}


def verify_huawei_token(method, host, raw_path, headers):
    tokens = json.loads(os.environ.get("HUAWEI_TEST_TOKENS") or "[]")
    token = headers.get("x-auth-token", "")
    if token not in tokens:
        raise Rejected("APIGW.0307 the token is invalid")
    api = check_huawei_call(method, host, raw_path, "token", headers, [])
    return {"scheme": "token", "api": api}


def elb_answer(body, reply):
    """What ELB's CreateCertificate answers (its API page's example; the private-key echo on, as it
    is by default): the certificate as created, the keys sent repeated with their line breaks
    removed, as the example shows them."""
    option = json.loads(body.decode("utf-8"))["certificate"]
    certificate = {"id": uuid.uuid4().hex, "name": option.get("name", ""),
                   "type": option.get("type", "server"), "certificate": option.get("certificate", "")}
    for member in ("private_key", "enc_private_key"):
        if member in option:
            certificate[member] = option[member].replace("\n", "")
    return {"certificate": certificate, "request_id": reply["RequestId"], "accepted": True,
            "scheme": reply["scheme"]}


def answer_iam(headers, body):
    try:
        doc = json.loads(body.decode("utf-8"))
        identity = doc["auth"]["identity"]
        user = identity["password"]["user"]
        scope = doc["auth"].get("scope", {})
        methods = identity["methods"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as e:
        raise Rejected("IAM token body does not have auth.identity.password.user: %s" % e)
    if methods != ["password"] or not user.get("name") or "password" not in user \
            or "name" not in user.get("domain", {}):
        raise Rejected("IAM token body needs methods [password], user name, password and domain name")
    tokens = json.loads(os.environ.get("HUAWEI_TEST_TOKENS") or "[]")
    return {"scheme": "iam", "user": user["name"], "domain": user["domain"]["name"],
            "scope": scope, "token": tokens[0] if tokens else "test-token"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cert-preflight-verify/1"

    def log_message(self, fmt, *args):  # quiet: the record file is the log
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        raw_headers = list(self.headers.items())
        headers = {k.lower(): v for k, v in raw_headers}
        host = headers.get("host", "").split(":")[0]
        split = urlsplit(self.path)
        raw_path = split.path
        path = unquote(raw_path)
        try:
            query_pairs = parse_qsl(split.query, keep_blank_values=True, strict_parsing=bool(split.query),
                                    errors="strict")
        except (ValueError, UnicodeDecodeError) as e:
            query_pairs = []
            query_error = str(e)
        else:
            query_error = None
        record = {
            "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "method": self.command, "host": host, "path": raw_path, "query": split.query,
            "headers": {k: ("<redacted>" if k.lower() == "x-auth-token" else v) for k, v in raw_headers},
            "body_sha256": hashlib.sha256(body).hexdigest(), "body_length": len(body),
        }
        status, extra, result = 200, {}, None
        try:
            if query_error:
                raise Rejected("query does not parse: %s" % query_error)
            auth = headers.get("authorization", "")
            if host.startswith("iam.") and raw_path == "/v3/auth/tokens":
                result = answer_iam(headers, body)
                extra["X-Subject-Token"] = result.pop("token")
                status = 201
            elif auth.startswith("ACS3-"):
                result = verify_alibaba_acs3(self.command, host, path, query_pairs, headers, body)
            elif auth.startswith("SDK-HMAC-SHA256"):
                result = verify_huawei_aksk(self.command, host, raw_path, query_pairs, raw_headers,
                                            headers, body)
            elif "x-auth-token" in headers:
                result = verify_huawei_token(self.command, host, raw_path, headers)
            elif host.endswith("aliyuncs.com"):
                result = verify_alibaba_v2(self.command, host, query_pairs, body,
                                           headers.get("content-type", ""))
            else:
                raise Rejected("no recognisable authentication")
            record.update(accepted=True, **result)
            # Huawei/Alibaba bodies hold the certificate; record them so tests compare bytes. IAM
            # bodies hold a password and are never recorded.
            if result["scheme"] != "iam":
                record["body"] = body.decode("utf-8", errors="replace")
            reply = {"RequestId": str(uuid.uuid4()), "accepted": True, "scheme": result["scheme"]}
            if result.get("api") == "CreateCertificate":
                status, reply = 201, elb_answer(body, reply)
                record["echoed"] = sorted(k for k in reply["certificate"] if k.endswith("private_key"))
        except Rejected as e:
            status = 403
            record.update(accepted=False, reason=str(e))
            reply = {"RequestId": str(uuid.uuid4()), "accepted": False, "Code": "SignatureDoesNotMatch",
                     "Message": str(e)}
        except Exception as e:  # a bug here must show up in the test, not hang curl
            status = 500
            record.update(accepted=False, reason="server error: %r" % e)
            reply = {"accepted": False, "Message": "server error: %r" % e}
        self.server.record(record)
        # ELB's answers are spaced as its API page's examples (`"id" : "..."`).
        spacing = {"indent": 2, "separators": (",", " : ")} if status == 201 else {}
        data = (json.dumps(reply, ensure_ascii=False, **spacing) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_GET = do_PUT = do_DELETE = _handle


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, record_path):
        super().__init__(address, Handler)
        self._lock = threading.Lock()
        self._record_path = record_path

    def record(self, entry):
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        with self._lock, open(self._record_path, "a", encoding="utf-8") as f:
            f.write(line + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--cert-dir", required=True)
    ap.add_argument("--record", required=True)
    ap.add_argument("--ready-file", required=True)
    ap.add_argument("--san", action="append", default=[],
                    help="extra DNS name for the server certificate (regional hosts have two labels "
                         "in front of aliyuncs.com / myhuaweicloud.com, which a wildcard cannot cover)")
    args = ap.parse_args()
    paths = make_certificates(args.cert_dir, DEFAULT_SANS + args.san)
    server = Server(("127.0.0.1", args.port), args.record)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(paths["server.pem"], paths["server.key"])
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    tmp = args.ready_file + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"port": server.server_address[1], "ca": paths["ca.pem"], "pid": os.getpid()}, f)
    os.replace(tmp, args.ready_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
