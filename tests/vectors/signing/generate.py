#!/usr/bin/env python3
"""Signing vectors for src/signing: every expected value is computed by the vendors' SDKs.

What it writes: one folder per case under tests/vectors/signing/<case>/:

  input.json      what our signer is given (the shape tests/it/signing_vectors.rs reads):
                    scheme       "v2" | "acs3" | "aksk"
                    method, host, path
                    query        [[name, value], ...]   (acs3, aksk) URL query, raw values
                    headers      [[name, value], ...]   (acs3, aksk) headers set before signing
                    body         string                 (acs3, aksk) the exact body
                    form         [[name, value], ...]   (v2) API parameters; our V2 signer sends
                                                        them (and the common ones) in a form body
                    action, version                     (v2, acs3)
                    access_key_id, access_key_secret    fake, test-only
                    timestamp    "YYYY-MM-DDThh:mm:ssZ" (v2, acs3) or "YYYYMMDDThhmmssZ" (aksk)
                    nonce                               (v2, acs3)
                    source       where the expected values come from
  <stage>.txt     one file per stage, named after our Stage.name values, holding exactly the
                  text the SDK computed (UTF-8, no newline added):
                    v2    canonicalized_query_string, string_to_sign, signature
                    acs3  hashed_payload, canonical_request, string_to_sign, signature,
                          authorization
                    aksk  canonical_request, string_to_sign, signature, authorization
  signed_parameters.json  (v2 only) the parameters the SDK signed, [[name, value], ...]; the
                  test checks that our form body carries exactly these (plus Signature).

Where the values come from: the signing oracle (--oracle PATH or $CERT_PREFLIGHT_SIGN_ORACLE; it
lives outside this repository, in the project's workspace as ../shared/tools/sign-oracle/
sign_oracle.py) is run once per request with the JSON on stdin; it calls the official SDK code (aliyunsdkcore's RPC signature
composer for V2, alibabacloud_tea_openapi's Utils.get_authorization for ACS3, huaweicloudsdkcore's
Signer through BasicCredentials/GlobalCredentials for AK/SK) and captures the intermediate values
while the SDK runs. For V2 and ACS3 the oracle also cross-checks the signature with a second SDK
package; this script refuses to write a case whose SDKs disagree.

Cases:
  ref-*  every vector of the reference file (--reference PATH or $CERT_PREFLIGHT_SIGNING_REFERENCE;
         in the project's workspace, ../shared/reference/signing-vectors.json) that our signers can express,
         converted to our input shape. The oracle is run on the vector's own input AND on the
         converted input; both, and the output recorded in the reference file, must agree.
         Vectors that cannot be expressed are listed in SKIPPED_REFERENCE (and the README).
  pub-*  published worked examples (vendor docs and SDK unit tests) that our signers can express;
         the oracle's output must equal the published value.
  api-*  the real calls this tool makes (SLB UploadCACertificate, UploadServerCertificate, KMS
         UploadCertificate and CAS UploadUserCertificate with V2 and ACS3, Huawei CCM import, ELB
         create certificate and SCM import certificate with AK/SK), with real
         certificates read from tests/vectors/inspect/ at generation time and names, descriptions
         and tags full of characters that need escaping.

Deterministic: fixed timestamps, nonces and fake keys. If the inspect vectors it reads
certificates from are regenerated (their keys are random), rerun this script.

Use (from the repository root; the script never reads outside the repository unless told where):
  export CERT_PREFLIGHT_SIGN_ORACLE=/path/to/sign_oracle.py
  export CERT_PREFLIGHT_SIGNING_REFERENCE=/path/to/signing-vectors.json
  .venv/bin/python tests/vectors/signing/generate.py            # (re)write the case folders
  .venv/bin/python tests/vectors/signing/generate.py --check    # regenerate into a temp dir and
                                                                # diff; exit 1 on any difference
  cargo test --test it signing_vectors::                        # check our signers against them
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
INSPECT = REPO / "tests" / "vectors" / "inspect"
# Outside the repository, so given by the caller: never a default path.
ORACLE_ENV = "CERT_PREFLIGHT_SIGN_ORACLE"
REFERENCE_ENV = "CERT_PREFLIGHT_SIGNING_REFERENCE"

# Our Stage.name values per scheme, in computation order (src/signing/*.rs).
STAGES = {
    "v2": ["canonicalized_query_string", "string_to_sign", "signature"],
    "acs3": ["hashed_payload", "canonical_request", "string_to_sign", "signature", "authorization"],
    "aksk": ["canonical_request", "string_to_sign", "signature", "authorization"],
}
ORACLE_SCHEME = {"v2": "alibaba-rpc-v2", "acs3": "alibaba-acs3", "aksk": "huawei-aksk"}
SDK_FUNCTIONS = {
    "v2": "aliyunsdkcore.auth.composer.rpc_signature_composer (__compose_string_to_sign, "
          "__get_signature with aliyunsdkcore.auth.algorithm.sha_hmac1), cross-checked with "
          "alibabacloud_openapi_util.client.Client.get_rpcsignature and "
          "alibabacloud_tea_openapi.utils.Utils.get_rpcsignature",
    "acs3": "alibabacloud_tea_openapi.utils.Utils.get_authorization (canonical request and "
            "string to sign captured from Utils.hash / signature_method while it runs), "
            "cross-checked with alibabacloud_openapi_util.client.Client.get_authorization",
    "aksk": "huaweicloudsdkcore.auth.credentials.BasicCredentials/GlobalCredentials.sign_request "
            "-> huaweicloudsdkcore.signer.signer.Signer (canonical request and string to sign "
            "captured from _process_canonical_request / _process_string_to_sign)",
}
V2_COMMON = ("AccessKeyId", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce",
             "Timestamp")

# Fake, test-only credentials.
ALI_ID = "LTAI5tTESTONLYnotAREALkey"
ALI_SECRET = "TestOnly0NotARealSecret0000000"
HW_AK = "HPUATESTONLYNOTREAL0"
HW_SK = "TestOnlyNotARealSecretKeyForVectors00000"


# ------------------------------------------------------------------------------------------
# The oracle
# ------------------------------------------------------------------------------------------
class Oracle:
    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_file():
            sys.exit("signing oracle not found: %s (give --oracle)" % self.path)

    def __call__(self, request):
        done = subprocess.run([sys.executable, str(self.path)], input=json.dumps(request),
                              capture_output=True, text=True, encoding="utf-8")
        try:
            out = json.loads(done.stdout)
        except ValueError:
            sys.exit("oracle failed (exit %d):\n%s%s" % (done.returncode, done.stdout, done.stderr))
        if done.returncode != 0 or "error" in out:
            sys.exit("oracle refused %s: %s" % (json.dumps(request)[:300], out.get("error", out)))
        if out.get("sdks_agree") is False:
            sys.exit("the SDKs disagree on %s:\n%s" % (json.dumps(request)[:300],
                                                        json.dumps(out, indent=2)))
        return out


def oracle_request(inp):
    """The oracle request equivalent to our input (what our signer is given)."""
    scheme = inp["scheme"]
    req = {"scheme": ORACLE_SCHEME[scheme], "method": inp["method"], "host": inp["host"],
           "access_key_id": inp["access_key_id"], "access_key_secret": inp["access_key_secret"],
           "timestamp": inp["timestamp"]}
    if scheme == "v2":
        # The SDK call puts Action and Version in the query; the signature covers query and
        # form alike, so where a parameter travels does not change it.
        req.update(query=[["Action", inp["action"]], ["Version", inp["version"]]],
                   form=inp["form"], nonce=inp["nonce"], format="JSON")
    elif scheme == "acs3":
        req.update(path=inp["path"], query=inp["query"], headers=inp["headers"],
                   body=inp["body"], action=inp["action"], version=inp["version"],
                   nonce=inp["nonce"])
    else:
        # The SDK's credentials add X-Project-Id / X-Domain-Id themselves: give them as the
        # credential fields, every other header as a header.
        headers = []
        for name, value in inp["headers"]:
            if name.lower() == "x-project-id":
                req["project_id"] = value
            elif name.lower() == "x-domain-id":
                req["domain_id"] = value
            else:
                headers.append([name, value])
        req.update(path=inp["path"], query=inp["query"], headers=headers, body=inp["body"])
    return req


def stages_of(scheme, out):
    return {name: out[name] for name in STAGES[scheme]}


# ------------------------------------------------------------------------------------------
# Input files
# ------------------------------------------------------------------------------------------
PEM_BLOCK = re.compile(r"-----BEGIN CERTIFICATE-----\n.*?\n-----END CERTIFICATE-----\n", re.S)


def read_text(relative):
    """A file under tests/vectors/inspect/, exactly as committed."""
    with open(INSPECT / relative, encoding="utf-8", newline="") as f:
        return f.read()


def certificates(relative):
    """The PEM certificate blocks of a file (any preamble or trailing text dropped)."""
    blocks = PEM_BLOCK.findall(read_text(relative))
    if not blocks:
        sys.exit("no certificate in tests/vectors/inspect/%s" % relative)
    return blocks


def pairs(items):
    return [[name, value] for name, value in items]


def json_body(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ------------------------------------------------------------------------------------------
# Reference vectors (../shared/reference/signing-vectors.json)
# ------------------------------------------------------------------------------------------
# index -> (case name, why it cannot be expressed) for vectors that are skipped.
SKIPPED_REFERENCE = {
    3: "V2 GET with add_common_params false (no AccessKeyId/Format/Signature*/Timestamp): our V2 "
       "signer always signs a POST and always adds the common parameters",
}
REFERENCE_NAMES = {
    0: "ref-v2-slb-upload-ca-certificate-form-body",
    1: "ref-v2-slb-upload-ca-certificate-all-in-query",
    2: "ref-v2-kms-upload-certificate-form-body",
    4: "ref-acs3-slb-upload-ca-certificate-query",
    5: "ref-acs3-kms-upload-certificate-form-body",
    6: "ref-acs3-percent-encoding-get",
    7: "ref-aksk-elb-create-client-certificate",
    8: "ref-aksk-ccm-import-ca-certificate",
    9: "ref-aksk-path-and-query-encoding-get",
}


def str_pairs(d):
    """Oracle-style parameters (object or list of pairs) as string pairs (bools as the SDKs
    write them: true/false)."""
    items = d.items() if isinstance(d, dict) else d
    out = []
    for name, value in items or []:
        if isinstance(value, bool):
            value = "true" if value else "false"
        out.append([str(name), str(value)])
    return out


def convert_reference(index, vector, output):
    """Our input for one reference vector (None when it cannot be expressed)."""
    if index in SKIPPED_REFERENCE:
        return None
    i = vector["input"]
    scheme = {v: k for k, v in ORACLE_SCHEME.items()}[i["scheme"]]
    source = "../shared/reference/signing-vectors.json entry %d: %r; stages computed by %s" % (
        index, vector["name"], SDK_FUNCTIONS[scheme])
    inp = {"scheme": scheme, "method": (i.get("method") or "POST").upper(), "host": i["host"],
           "path": i.get("path") or "/"}
    if scheme == "v2":
        if inp["method"] != "POST" or not i.get("add_common_params", True) \
                or i.get("format", "JSON") != "JSON":
            raise SystemExit("reference vector %d is not expressible; add it to "
                             "SKIPPED_REFERENCE" % index)
        params = str_pairs(i.get("query")) + str_pairs(i.get("form"))
        action = dict(params)["Action"]
        version = dict(params)["Version"]
        inp.update(form=[p for p in params if p[0] not in ("Action", "Version")],
                   action=action, version=version)
    elif scheme == "acs3":
        headers = str_pairs(i.get("headers"))
        body = i.get("body") or ""
        if i.get("form"):
            # The oracle form-encodes the parameters with the SDK (Utils.to_form) and adds the
            # content type; our signer gets that body and header as they are.
            body = output["body"]
            headers.append(["content-type", "application/x-www-form-urlencoded"])
        inp.update(query=str_pairs(i.get("query")), headers=headers, body=body,
                   action=i["action"], version=i["version"])
    else:
        headers = str_pairs(i.get("headers"))
        if i.get("project_id"):
            headers.append(["X-Project-Id", i["project_id"]])
        if i.get("domain_id"):
            headers.append(["X-Domain-Id", i["domain_id"]])
        inp.update(query=str_pairs(i.get("query")), headers=headers, body=i.get("body") or "")
    inp.update(access_key_id=i["access_key_id"], access_key_secret=i["access_key_secret"],
               timestamp=i["timestamp"])
    if scheme != "aksk":
        inp["nonce"] = i["nonce"]
    inp["source"] = source
    return inp


def reference_cases(oracle, reference_path):
    with open(reference_path, encoding="utf-8") as f:
        vectors = json.load(f)
    if len(vectors) != 10:
        sys.exit("expected 10 vectors in %s, found %d" % (reference_path, len(vectors)))
    cases = []
    for index, vector in enumerate(vectors):
        inp = convert_reference(index, vector, vector["output"])
        if inp is None:
            continue
        scheme = inp["scheme"]
        direct = oracle(vector["input"])  # the vector's own input, unchanged
        converted = oracle(oracle_request(inp))  # our input shape, through the oracle
        expected = stages_of(scheme, direct)
        recorded = {k: vector["output"][k] for k in STAGES[scheme]}
        if expected != recorded:
            sys.exit("reference vector %d: the SDKs now compute %r, the file records %r"
                     % (index, expected, recorded))
        if stages_of(scheme, converted) != expected:
            sys.exit("reference vector %d: the converted input signs differently:\n%r\n%r"
                     % (index, stages_of(scheme, converted), expected))
        cases.append((REFERENCE_NAMES[index], inp, direct))
    return cases


# ------------------------------------------------------------------------------------------
# Published worked examples
# ------------------------------------------------------------------------------------------
PUBLISHED = [
    ("pub-acs3-v3-doc-ecs-run-instances",
     "Alibaba Cloud 'Request syntax and signature method V3' (ECS RunInstances example), "
     "https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature",
     {"scheme": "acs3", "method": "POST", "host": "ecs.cn-shanghai.aliyuncs.com", "path": "/",
      "query": [["ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"],
                ["RegionId", "cn-shanghai"]],
      "headers": [], "body": "", "action": "RunInstances", "version": "2014-05-26",
      "access_key_id": "YourAccessKeyId", "access_key_secret": "YourAccessKeySecret",
      "timestamp": "2023-10-26T10:22:32Z", "nonce": "3156853299f313e23d1673dc12e1703d"},
     {"signature": "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"}),
    ("pub-aksk-signing-guide-vpc-list",
     "Huawei Cloud 'API Request Signing Guide' VPC list example, "
     "https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-algorithm-002.html",
     {"scheme": "aksk", "method": "GET", "host": "service.region.example.com",
      "path": "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      "query": [["limit", "2"], ["marker", "13551d6b-755d-4757-b956-536f674975c0"]],
      "headers": [["Content-Type", "application/json"]], "body": "",
      "access_key_id": "QTWAOYTTINDUT2QVKYUC",
      "access_key_secret": "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
      "timestamp": "20191115T033655Z"},
     {"string_to_sign": "SDK-HMAC-SHA256\n20191115T033655Z\n"
                        "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
      "signature": "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"}),
    ("pub-aksk-python-sdk-test-signer1-underscore-header",
     "huaweicloud/huaweicloud-sdk-python-v3 huaweicloud-sdk-core/tests/test_signer.py "
     "(test_signer1; X-Sdk-Date given there as a header, here as the timestamp)",
     {"scheme": "aksk", "method": "GET", "host": "service.endpoint.myhuaweicloud.com",
      "path": "/resources", "query": [["size", "1"]],
      "headers": [["TEST_UNDERSCORE", "TEST_VALUE"]], "body": "",
      "access_key_id": "AccessKey", "access_key_secret": "SecretKey",
      "timestamp": "20200608T023900Z"},
     {"authorization": "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                       "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"}),
    ("pub-aksk-python-sdk-test-signer2-json-body",
     "huaweicloud/huaweicloud-sdk-python-v3 huaweicloud-sdk-core/tests/test_signer.py "
     "(test_signer2; X-Sdk-Date given there as a header, here as the timestamp)",
     {"scheme": "aksk", "method": "POST", "host": "service.endpoint.myhuaweicloud.com",
      "path": "/resources", "query": [["size", "1"]],
      "headers": [["TEST_UNDERSCORE", "TEST_VALUE"]], "body": "{\"name\":\"test\",\"id\":1}",
      "access_key_id": "AccessKey", "access_key_secret": "SecretKey",
      "timestamp": "20200608T023900Z"},
     {"authorization": "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                       "Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f"}),
    ("pub-aksk-java-sdk-aksk-signer-get",
     "huaweicloud/huaweicloud-sdk-java-v3 core/src/test/java/com/huaweicloud/sdk/core/"
     "AKSKSignerTest.java (testAKSKSigner)",
     {"scheme": "aksk", "method": "GET", "host": "service.region.example.com",
      "path": "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      "query": [["limit", "2"], ["marker", "13551d6b-755d-4757-b956-536f674975c0"]],
      "headers": [], "body": "", "access_key_id": "AccessKey", "access_key_secret": "SecretKey",
      "timestamp": "20191115T033655Z"},
     {"signature": "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d"}),
    ("pub-aksk-java-sdk-aksk-signer-post",
     "huaweicloud/huaweicloud-sdk-java-v3 core/src/test/java/com/huaweicloud/sdk/core/"
     "AKSKSignerTest.java (testAKSKSigner2)",
     {"scheme": "aksk", "method": "POST", "host": "service.region.example.com",
      "path": "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "query": [], "headers": [],
      "body": "{\"key\":\"value\"}", "access_key_id": "AccessKey",
      "access_key_secret": "SecretKey", "timestamp": "20191115T033655Z"},
     {"signature": "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771"}),
]


def published_cases(oracle):
    cases = []
    for name, source, inp, published in PUBLISHED:
        out = oracle(oracle_request(inp))
        for key, value in published.items():
            if out[key] != value:
                sys.exit("%s: the SDK computes %s=%r, the source publishes %r"
                         % (name, key, out[key], value))
        inp = dict(inp, source="%s; published %s reproduced; stages computed by %s"
                   % (source, ", ".join(published), SDK_FUNCTIONS[inp["scheme"]]))
        cases.append((name, inp, out))
    return cases


# ------------------------------------------------------------------------------------------
# The real API calls
# ------------------------------------------------------------------------------------------
# Names, descriptions and tags that need escaping everywhere: quotes, shell syntax, backslash,
# LF and CRLF, tab, Chinese, emoji, a combining accent (e + U+0301), URL and form
# metacharacters, spaces.
NASTY_NAME = ("ca \"prod\" 'o'Brien' $HOME `id` C:\\certs\\ a\nb\r\nc\td "
              "\u8bc1\u4e66 \U0001F512 Cafe\u0301 '; rm -rf ~ # 100% a+b*c~d&e=f g")
NASTY_TAG_KEY = "owner \"ops\" $HOME `whoami` \u90e8\u95e8"
NASTY_TAG_VALUE = ("a\\b\r\nc\td \U0001F680 n\u0303 %20 +*~&=? '; rm -rf ~ # "
                   "\"x\" $(id) \u00e9")
NASTY_DESCRIPTION = ("Uploaded by \"cert-preflight\" for 'prod': $HOME `uname -a` "
                     "C:\\path\\to\\cert\nline 2\r\nline 3\tTAB "
                     "\u6d4b\u8bd5\u8bc1\u4e66 \U0001F510\U0001F600 Re\u0301sume\u0301 "
                     "'; rm -rf ~ # 50% a+b*c~d&e=f <tag>&amp; bell\u0007 \u2028end")


def api_cases(oracle):
    # Real certificates (public roots and a public intermediate; a generated 3-certificate
    # chain with its matching RSA key).
    isrg_root = certificates("public-isrg-root-x1/input/isrg-root-x1.pem")[0]
    digicert_g2 = certificates(
        "public-debian-roots-amazon-digicert-globalsign/input/DigiCert_Global_Root_G2.pem")[0]
    amazon_m02 = certificates(
        "public-crates-io-leaf-with-debian-amazon-root/input/1-crates.io-leaf-and-intermediate.pem")[1]
    amazon_root = certificates(
        "public-crates-io-leaf-with-debian-amazon-root/input/2-Amazon_Root_CA_1.pem")[0]
    chain_file = "key-pkcs1-rsa-matches-leaf/input/chain.pem"
    chain3 = read_text(chain_file)
    leaf, intermediate, root = certificates(chain_file)
    if leaf + intermediate + root != chain3:
        sys.exit("%s is not exactly three PEM certificates" % chain_file)
    leaf_key = read_text("key-pkcs1-rsa-matches-leaf/input/leaf-key.test-only.pem")

    slb_params = pairs([
        ("RegionId", "cn-shanghai"),
        ("CACertificate", isrg_root),
        ("CACertificateName", NASTY_NAME),
        ("ResourceGroupId", "rg-acfmzdqbz3rz5xa"),
        ("Tag.1.Key", "env"),
        ("Tag.1.Value", ""),
        ("Tag.2.Key", NASTY_TAG_KEY),
        ("Tag.2.Value", NASTY_TAG_VALUE),
    ])
    kms_params = pairs([
        ("CertificateId", "9a28de48-8d8b-484d-a766-dec4e3b50c1f"),
        ("Certificate", leaf),
        ("CertificateChain", intermediate + root),
    ])
    slb = {"host": "slb.cn-shanghai.aliyuncs.com", "action": "UploadCACertificate",
           "version": "2014-05-15"}
    kms = {"host": "kms.cn-hangzhou.aliyuncs.com", "action": "UploadCertificate",
           "version": "2016-01-20"}
    ali_keys = {"access_key_id": ALI_ID, "access_key_secret": ALI_SECRET}
    hw_keys = {"access_key_id": HW_AK, "access_key_secret": HW_SK}
    certs_from = ("certificates read from tests/vectors/inspect/ (%s)")

    slb_server_params = pairs([
        ("RegionId", "cn-shanghai"),
        ("ServerCertificate", leaf + intermediate),
        ("PrivateKey", leaf_key),
        ("ServerCertificateName", "www.example.com-2026"),
        ("ResourceGroupId", "rg-acfmzdqbz3rz5xa"),
        ("Tag.1.Key", NASTY_TAG_KEY),
        ("Tag.1.Value", NASTY_TAG_VALUE),
    ])
    slb_server = {"host": "slb.cn-shanghai.aliyuncs.com", "action": "UploadServerCertificate",
                  "version": "2014-05-15"}
    ec_leaf = certificates("key-sec1-ec-matches-leaf/input/leaf.pem")[0]
    ec_key = read_text("key-sec1-ec-matches-leaf/input/leaf-key.test-only.pem")
    cas_params = pairs([
        ("Name", "www_example_com_2026"),
        ("Cert", ec_leaf + intermediate),
        ("Key", ec_key),
        ("ResourceGroupId", "rg-aek2bxpvmxzyd3y"),
        ("Tags.1.Key", NASTY_TAG_KEY),
        ("Tags.1.Value", NASTY_TAG_VALUE),
    ])
    cas = {"host": "cas.aliyuncs.com", "action": "UploadUserCertificate", "version": "2020-04-07"}

    specs = [
        ("api-slb-upload-server-certificate-v2",
         dict(scheme="v2", method="POST", path="/", form=slb_server_params, **slb_server, **ali_keys,
              timestamp="2026-11-30T08:15:42Z", nonce="7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"),
         certs_from % (chain_file + " and its leaf-key.test-only.pem")),
        ("api-slb-upload-server-certificate-acs3",
         dict(scheme="acs3", method="POST", path="/", query=slb_server_params, headers=[], body="",
              **slb_server, **ali_keys, timestamp="2026-11-30T08:15:42Z",
              nonce="7c1e2d3f4a5b4c6d8e9f0a1b2c3d4e60"),
         certs_from % (chain_file + " and its leaf-key.test-only.pem")),
        ("api-cas-upload-user-certificate-v2",
         dict(scheme="v2", method="POST", path="/", form=cas_params, **cas, **ali_keys,
              timestamp="2026-12-01T01:02:03Z", nonce="2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901"),
         certs_from % "key-sec1-ec-matches-leaf and the intermediate of " + chain_file),
        ("api-cas-upload-user-certificate-acs3",
         dict(scheme="acs3", method="POST", path="/", query=cas_params, headers=[], body="",
              **cas, **ali_keys, timestamp="2026-12-01T01:02:03Z",
              nonce="2b3c4d5e6f70418293a4b5c6d7e8f902"),
         certs_from % "key-sec1-ec-matches-leaf and the intermediate of " + chain_file),
        ("api-scm-import-certificate-aksk",
         dict(scheme="aksk", method="POST", host="scm.cn-north-4.myhuaweicloud.com",
              path="/v3/scm/certificates/import",
              query=[], headers=[["Content-Type", "application/json"],
                                 ["X-Domain-Id", "0b5e8f3a9c2d4e6f8a1b3c5d7e9f0a2b"]],
              body=json_body({"certificate": leaf, "certificate_chain": intermediate,
                              "duplicate_check": False, "name": "www_example_com-2026.1",
                              "private_key": leaf_key}),
              **hw_keys, timestamp="20261130T081542Z"),
         certs_from % (chain_file + " and its leaf-key.test-only.pem")),
        ("api-slb-upload-ca-certificate-v2",
         dict(scheme="v2", method="POST", path="/", form=slb_params, **slb, **ali_keys,
              timestamp="2026-11-30T08:15:42Z", nonce="5f0e1c2a-9d4b-4c1e-8a7f-3b2d6e9c0a11"),
         certs_from % "public-isrg-root-x1"),
        ("api-slb-upload-ca-certificate-acs3",
         dict(scheme="acs3", method="POST", path="/", query=slb_params, headers=[], body="",
              **slb, **ali_keys, timestamp="2026-11-30T08:15:42Z",
              nonce="5f0e1c2a9d4b4c1e8a7f3b2d6e9c0a12"),
         certs_from % "public-isrg-root-x1"),
        ("api-kms-upload-certificate-v2",
         dict(scheme="v2", method="POST", path="/", form=kms_params, **kms, **ali_keys,
              timestamp="2026-12-31T23:59:59Z", nonce="0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a"),
         certs_from % chain_file),
        ("api-kms-upload-certificate-acs3",
         dict(scheme="acs3", method="POST", path="/", query=kms_params, headers=[], body="",
              **kms, **ali_keys, timestamp="2026-12-31T23:59:59Z",
              nonce="0d9c8b7a6f5e4d3c9b2a1f0e9d8c7b6b"),
         certs_from % chain_file),
        ("api-ccm-import-ca-certificate-aksk",
         dict(scheme="aksk", method="POST", host="ccm.cn-north-4.myhuaweicloud.com",
              path="/v1/private-certificate-authorities/"
                   "3f6c2b1e-8d4a-4f7b-9c0e-5a1d2e3f4b6c/import",
              query=[], headers=[["Content-Type", "application/json"],
                                 ["X-Domain-Id", "0b5e8f3a9c2d4e6f8a1b3c5d7e9f0a2b"]],
              body=json_body({"certificate": amazon_m02, "certificate_chain": amazon_root}),
              **hw_keys, timestamp="20261130T081542Z"),
         certs_from % "public-crates-io-leaf-with-debian-amazon-root"),
        ("api-elb-create-server-certificate-aksk",
         dict(scheme="aksk", method="POST", host="elb.cn-north-4.myhuaweicloud.com",
              path="/v3/7d1f3b5a9e2c4d6f8b0a1c3e5f7d9b2a/elb/certificates",
              query=[], headers=[["Content-Type", "application/json;charset=UTF-8"],
                                 ["X-Project-Id", "7d1f3b5a9e2c4d6f8b0a1c3e5f7d9b2a"]],
              body=json_body({"certificate": {
                  "type": "server", "name": NASTY_NAME, "description": NASTY_DESCRIPTION,
                  "certificate": chain3, "private_key": leaf_key,
                  "domain": "www.example.com,example.com"}}),
              **hw_keys, timestamp="20261130T081542Z"),
         certs_from % (chain_file + " and its leaf-key.test-only.pem")),
        ("api-elb-create-client-ca-certificate-aksk",
         dict(scheme="aksk", method="POST", host="elb.cn-north-4.myhuaweicloud.com",
              path="/v3/7d1f3b5a9e2c4d6f8b0a1c3e5f7d9b2a/elb/certificates",
              query=[], headers=[["Content-Type", "application/json;charset=UTF-8"],
                                 ["X-Project-Id", "7d1f3b5a9e2c4d6f8b0a1c3e5f7d9b2a"]],
              body=json_body({"certificate": {
                  "type": "client", "name": "DigiCert Global Root G2 (\u5ba2\u6237\u7aef CA)",
                  "description": "", "certificate": digicert_g2}}),
              **hw_keys, timestamp="20261130T081542Z"),
         certs_from % "public-debian-roots-amazon-digicert-globalsign"),
    ]
    cases = []
    for name, inp, certs in specs:
        out = oracle(oracle_request(inp))
        inp["source"] = "%s; stages computed by %s" % (certs, SDK_FUNCTIONS[inp["scheme"]])
        cases.append((name, inp, out))
    return cases


# ------------------------------------------------------------------------------------------
# Writing and checking
# ------------------------------------------------------------------------------------------
INPUT_KEYS = ["scheme", "method", "host", "path", "query", "headers", "body", "form", "action",
              "version", "access_key_id", "access_key_secret", "timestamp", "nonce", "source"]


def dump_json(value):
    """JSON with one line per field and one line per [name, value] pair."""
    def dump(v):
        return json.dumps(v, ensure_ascii=False)

    def pair_list(items):
        if not items:
            return "[]"
        return "[\n" + ",\n".join("    " + dump(p) for p in items) + "\n  ]"

    if isinstance(value, list):
        return pair_list(value).replace("\n    ", "\n  ").replace("\n  ]", "\n]") + "\n"
    fields = []
    for k, v in value.items():
        fields.append("  %s: %s" % (dump(k), pair_list(v) if isinstance(v, list) else dump(v)))
    return "{\n" + ",\n".join(fields) + "\n}\n"


def write_case(root, name, inp, out):
    folder = root / name
    folder.mkdir(parents=True)
    ordered = {k: inp[k] for k in INPUT_KEYS if k in inp}
    unknown = set(inp) - set(ordered)
    if unknown:
        sys.exit("%s: unknown input fields %s" % (name, sorted(unknown)))
    with open(folder / "input.json", "w", encoding="utf-8", newline="\n") as f:
        f.write(dump_json(ordered))
    for stage in STAGES[inp["scheme"]]:
        value = out[stage]
        if not isinstance(value, str) or not value:
            sys.exit("%s: the oracle gave no %s" % (name, stage))
        (folder / (stage + ".txt")).write_bytes(value.encode("utf-8"))
    if inp["scheme"] == "v2":
        signed = [[k, v] for k, v in out["signed_parameters"].items()]
        with open(folder / "signed_parameters.json", "w", encoding="utf-8", newline="\n") as f:
            f.write(dump_json(signed))


def generate(root, args):
    oracle = Oracle(args.oracle)
    cases = (reference_cases(oracle, args.reference) + published_cases(oracle)
             + api_cases(oracle))
    names = [name for name, _, _ in cases]
    if len(set(names)) != len(names):
        sys.exit("duplicate case names")
    for name, inp, out in cases:
        write_case(root, name, inp, out)
    return names


def case_folders(root):
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "__pycache__")


def diff_lines(data):
    """Lines for a diff; a missing final line break is marked (stage files have none)."""
    lines = data.decode("utf-8", "replace").splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def compare(committed, fresh):
    """Differences between the committed case folders and a fresh generation."""
    problems = []
    old, new = set(case_folders(committed)), set(case_folders(fresh))
    for name in sorted(old - new):
        problems.append("%s: committed but no longer generated" % name)
    for name in sorted(new - old):
        problems.append("%s: generated but not committed" % name)
    for name in sorted(old & new):
        old_files = {p.name for p in (committed / name).iterdir()}
        new_files = {p.name for p in (fresh / name).iterdir()}
        for f in sorted(old_files ^ new_files):
            problems.append("%s/%s: %s" % (name, f, "extra file" if f in old_files
                                           else "missing file"))
        for f in sorted(old_files & new_files):
            a = (committed / name / f).read_bytes()
            b = (fresh / name / f).read_bytes()
            if a != b:
                diff = difflib.unified_diff(
                    diff_lines(a), diff_lines(b),
                    "committed/%s/%s" % (name, f), "generated/%s/%s" % (name, f))
                text = "".join(diff)
                if len(text) > 4000:
                    text = text[:4000] + "\n... (diff truncated)\n"
                problems.append("%s/%s differs:\n%s" % (name, f, text))
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and diff against the committed "
                             "cases; exit 1 on any difference")
    parser.add_argument("--oracle", default=os.environ.get(ORACLE_ENV),
                        help="the signing oracle, sign_oracle.py (default: $%s)" % ORACLE_ENV)
    parser.add_argument("--reference", default=os.environ.get(REFERENCE_ENV),
                        help="the reference vectors, signing-vectors.json (default: $%s)"
                             % REFERENCE_ENV)
    args = parser.parse_args(argv)
    for option, env, what in (("--oracle", ORACLE_ENV, "sign_oracle.py, the signing oracle"),
                              ("--reference", REFERENCE_ENV,
                               "signing-vectors.json, the reference vectors")):
        if not getattr(args, option[2:]):
            parser.error("%s PATH (or $%s) is required: %s. Both live outside this repository "
                         "(in the project's workspace: ../shared/tools/sign-oracle/ and "
                         "../shared/reference/)" % (option, env, what))
    if not Path(args.reference).is_file():
        parser.error("--reference %s: no such file" % args.reference)

    with tempfile.TemporaryDirectory(prefix="signing-vectors-") as tmp:
        fresh = Path(tmp)
        names = generate(fresh, args)
        if args.check:
            problems = compare(HERE, fresh)
            for p in problems:
                print(p)
            if problems:
                print("signing vectors are out of date: %d difference(s); rerun "
                      "tests/vectors/signing/generate.py (if tests/vectors/inspect/ was "
                      "regenerated, that is expected) and review" % len(problems))
                return 1
            print("signing vectors up to date: %d cases" % len(names))
            return 0
        for name in case_folders(HERE):
            if (HERE / name / "input.json").is_file() and name not in names:
                shutil.rmtree(HERE / name)
        for name in names:
            shutil.rmtree(HERE / name, ignore_errors=True)
            shutil.copytree(fresh / name, HERE / name)
        print("wrote %d cases to %s" % (len(names), HERE.relative_to(REPO)))
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
