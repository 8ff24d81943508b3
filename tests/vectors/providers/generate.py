#!/usr/bin/env python3
"""Rule vectors for the targets, and the material they need beyond the inspect corpus.

Every case is a folder tests/vectors/providers/<target>/<case>/ holding
  case.json     what to run, written from CASES below:
                  about     what the case shows
                  command   "check" or "request"
                  material  FILEs, in order: "inspect:<case>/<file>" (tests/vectors/inspect/<case>/input/),
                            "material:<set>/<file>" (tests/vectors/providers/material/<set>/)
                  fields    [[name, value], ...]; a value "@inspect:..." / "@material:..." is a file
                            (the CLI's --field NAME=@PATH)
                  region, auth   (request) the region and --auth; the target's defaults when absent
                  passphrase_of  an inspect case whose passphrase.txt decrypts the key
                  domain_id (request, aksk) --domain-id; "none" leaves it out
                  rules     the rule IDs the case exercises (tests/it/providers.rs requires every rule
                            of every target to be named by some case)
                  audit     the audit findings (D1-D13, ../shared/reference/provider-audit.md) it shows
  expected.txt  the verdict, written by `UPDATE_EXPECT=1 cargo test --test it providers::` and reviewed:
                the exit status, one line per diagnostic (severity, code, the rule it cites, the
                provider's error), the unsigned call (PEM blocks shown by their SHA-256) and the
                vendor CLI command line.

Material sets under tests/vectors/providers/material/ are made here with pyca/cryptography and, for
SM2 and SHA-1 signatures, the openssl 3 CLI (the helpers of tests/vectors/generate.py). Keys are
random: make only the sets you mean to change, then rewrite the expected files and review them.

Usage (from the repository root, in the venv of scripts/setup.sh --python):
  .venv/bin/python tests/vectors/providers/generate.py             write every case.json
  .venv/bin/python tests/vectors/providers/generate.py --only SET...  (re)make these material sets,
                                                                   then every case.json
  .venv/bin/python tests/vectors/providers/generate.py --check     exit 1 if a case.json differs
"""
import argparse
import json
import pathlib
import re
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
MATERIAL = HERE / "material"
sys.path.insert(0, str(HERE.parent))
import generate as corpus  # noqa: E402  (tests/vectors/generate.py: the inspect corpus' helpers)

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, ed25519  # noqa: E402

SERIAL = iter(range(0x7000, 0x8000))


def write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")


def inspect_text(case, file):
    return (REPO / "tests/vectors/inspect" / case / "input" / file).read_text(encoding="utf-8")


def blocks(text):
    return re.findall(r"-----BEGIN CERTIFICATE-----\n.*?\n-----END CERTIFICATE-----\n", text, re.S)


# --- material sets ------------------------------------------------------------------------------

def make_derived(folder):
    """Text derived from inspect files: the ISRG root with CRLF and stray text around it; the R2
    intermediate (and root) of chain-ordered-leaf-int-root, the issuers of the key-* leaves; the
    chain of key-pkcs1-rsa-matches-leaf root first with blank lines between."""
    isrg = inspect_text("public-isrg-root-x1", "isrg-root-x1.pem")
    _, intermediate, root = blocks(inspect_text("chain-ordered-leaf-int-root", "chain.pem"))
    rsa_leaf, rsa_int, rsa_root = blocks(inspect_text("key-pkcs1-rsa-matches-leaf", "chain.pem"))
    write(folder, {
        "isrg-crlf-stray.pem": "Bag Attributes\r\n    friendlyName: ISRG\r\n" + isrg.replace("\n", "\r\n") + "\r\n\r\n",
        "r2-int-root.pem": intermediate + root,
        "r2-int.pem": intermediate,
        "rsa-chain-reversed.pem": rsa_root + "\n" + rsa_int + "\n" + rsa_leaf,
    })


def make_ec_root(folder):
    """A self-signed ECDSA P-384 CA."""
    key = corpus.ec_key(ec.SECP384R1)
    root = corpus.ca_cert("Provider Vectors EC Root", key, serial=next(SERIAL), valid=corpus.ROOT_VALID)
    write(folder, {"root.pem": corpus.pem(root)})


def make_sha1(folder):
    """D4: a root self-signed with SHA-1, a CA it signed with SHA-256 and one it signed with SHA-1."""
    root_key, ca_key = corpus.rsa_key(), corpus.rsa_key()
    ca_ext = ["basicConstraints = critical,CA:TRUE", "keyUsage = critical,keyCertSign,cRLSign",
              "subjectKeyIdentifier = hash"]

    def request(key, subject):
        return corpus.openssl("req", "-new", "-key", "key.pem", "-subj", subject,
                              files={"key.pem": corpus.key_pem(key)}).decode()

    root = corpus.openssl_ca(request(root_key, "/C=CN/O=cert-preflight test/CN=Provider Vectors SHA-1 Root"),
                             corpus.key_pem(root_key), md="sha1", valid=corpus.ROOT_VALID,
                             serial=next(SERIAL), extensions=ca_ext)
    sub_ext = ca_ext + ["authorityKeyIdentifier = keyid"]
    ca_request = request(ca_key, "/C=CN/O=cert-preflight test/CN=Provider Vectors Subordinate CA")
    ca_sha256 = corpus.openssl_ca(ca_request, corpus.key_pem(root_key), issuer_pem=root, md="sha256",
                                  valid=corpus.INT_VALID, serial=next(SERIAL), extensions=sub_ext)
    ca_sha1 = corpus.openssl_ca(ca_request, corpus.key_pem(root_key), issuer_pem=root, md="sha1",
                                valid=corpus.INT_VALID, serial=next(SERIAL), extensions=sub_ext)
    write(folder, {"ca-sha256-and-sha1-root.pem": ca_sha256 + root, "ca-sha1-and-root.pem": ca_sha1 + root})


def make_sm2(folder):
    """An SM2 root and intermediate (SM3 signatures), a signing leaf and an encryption leaf with their
    keys, and two large encryption certificates (many names) for the size limits; openssl signs,
    default distinguishing ID."""
    sm2_key = lambda: corpus.openssl("genpkey", "-algorithm", "SM2").decode()  # noqa: E731
    root_key, int_key, sign_key, enc_key = sm2_key(), sm2_key(), sm2_key(), sm2_key()

    def request(key, subject):
        return corpus.openssl("req", "-new", "-key", "key.pem", "-sm3", "-sigopt", f"distid:{corpus.SM2_ID}",
                              "-subj", subject, files={"key.pem": key}).decode()

    root = corpus.openssl_ca(request(root_key, "/C=CN/O=cert-preflight test/CN=Provider Vectors SM2 Root"),
                             root_key, md="sm3", valid=corpus.ROOT_VALID, serial=next(SERIAL), sm2=True,
                             extensions=["basicConstraints = critical,CA:TRUE",
                                         "keyUsage = critical,keyCertSign,cRLSign", "subjectKeyIdentifier = hash"])

    intermediate = corpus.openssl_ca(
        request(int_key, "/C=CN/O=cert-preflight test/CN=Provider Vectors SM2 Intermediate"), root_key,
        issuer_pem=root, md="sm3", valid=corpus.INT_VALID, serial=next(SERIAL), sm2=True,
        extensions=["basicConstraints = critical,CA:TRUE", "keyUsage = critical,keyCertSign,cRLSign",
                    "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])

    def leaf(key, cn, usage, names):
        return corpus.openssl_ca(request(key, f"/C=CN/O=Example Org/CN={cn}"), int_key, issuer_pem=intermediate,
                                 md="sm3", valid=corpus.LEAF_VALID, serial=next(SERIAL), sm2=True, extensions=[
                                     "basicConstraints = critical,CA:FALSE", f"keyUsage = critical,{usage}",
                                     "subjectAltName = " + ",".join(f"DNS:{n}" for n in names),
                                     "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid"])

    sign = leaf(sign_key, "sm2.example.cn", "digitalSignature", ["sm2.example.cn"])
    enc = leaf(enc_key, "sm2.example.cn", "keyEncipherment,dataEncipherment,keyAgreement", ["sm2.example.cn"])
    many = lambda n: ["sm2.example.cn"] + [f"host-{i:05d}.example.cn" for i in range(n)]  # noqa: E731
    enc_20k = leaf(enc_key, "sm2.example.cn", "keyEncipherment", many(700))
    enc_65k = leaf(enc_key, "sm2.example.cn", "keyEncipherment", many(2200))
    assert 20_000 < len(enc_20k) < 65_536 and len(enc_65k) > 65_536, (len(enc_20k), len(enc_65k))
    write(folder, {
        "root.pem": root, "sign-chain.pem": sign + intermediate + root, "sign-key.test-only.pem": sign_key,
        "enc.pem": enc, "enc-chain.pem": enc + intermediate + root, "enc-key.test-only.pem": enc_key,
        "enc-20k.pem": enc_20k, "enc-65k.pem": enc_65k,
    })


def make_rsa(folder):
    """An RSA root and a line of eleven intermediates under it, and leaves (each with its key) for
    the algorithm, size, count, validity and domain rules. Bundles list the leaf, its issuers, the
    root."""
    root_key = corpus.rsa_key()
    root = corpus.ca_cert("Provider Vectors Root", root_key, serial=next(SERIAL), valid=corpus.ROOT_VALID)
    line, issuer, issuer_key = [], root, root_key
    for n in range(1, 12):
        key = corpus.rsa_key()
        ca = corpus.ca_cert(f"Provider Vectors Intermediate {n:02d}", key, issuer, issuer_key, serial=next(SERIAL))
        line.append((ca, key))
        issuer, issuer_key = ca, key
    files = {}

    def bundle(name, key, depth, **leaf):
        """A leaf under intermediate `depth` (1 = issued by the first intermediate)."""
        ca, ca_key = line[depth - 1]
        cert = corpus.leaf_cert(leaf.pop("cn", "www.example.com"), key, ca, ca_key, serial=next(SERIAL), **leaf)
        issuers = [c for c, _ in reversed(line[:depth])]
        files[f"{name}.pem"] = corpus.chain(cert, *issuers, root)
        fmt = "pkcs8" if isinstance(key, ed25519.Ed25519PrivateKey) else "traditional"
        files[f"{name}-key.test-only.pem"] = corpus.key_pem(key, fmt)
        return cert

    bundle("rsa-3072", corpus.rsa_key(3072), 1, sans=["www.example.com", "example.com"])
    bundle("rsa-8192", corpus.rsa_key(8192), 1, sans=["www.example.com", "example.com"])
    bundle("rsa-12288", corpus.rsa_key(12288), 1, sans=["www.example.com", "example.com"])
    bundle("expired", corpus.rsa_key(), 1, valid=(corpus.t(2025, 7, 1), corpus.t(2026, 7, 1)))
    bundle("ed25519", ed25519.Ed25519PrivateKey.generate(), 1)
    bundle("wildcard", corpus.ec_key(), 1, cn="*.example.com", sans=["*.example.com", "example.com"])
    bundle("depth-6", corpus.ec_key(), 6)
    bundle("depth-7", corpus.ec_key(), 7)
    bundle("depth-10", corpus.ec_key(), 10)
    bundle("depth-11", corpus.ec_key(), 11)
    many = lambda n: ["www.example.com"] + [f"host-{i:05d}.example.com" for i in range(n)]  # noqa: E731
    big_4k = bundle("sans-4k", corpus.ec_key(), 1, sans=many(100))
    big_20k = bundle("sans-20k", corpus.ec_key(), 1, sans=many(600))
    big_65k = bundle("sans-65k", corpus.ec_key(), 1, sans=many(2000))
    ca_key = corpus.rsa_key()
    big_ca = corpus.ca_cert("Provider Vectors Large CA", ca_key, root, root_key, serial=next(SERIAL),
                            sans=[f"ca-{i:05d}.example.com" for i in range(1100)])
    files["ca-33k.pem"] = corpus.chain(big_ca, root)
    sizes = {"sans-4k": corpus.pem(big_4k), "sans-20k": corpus.chain(big_20k, *[c for c, _ in line[:1]]),
             "sans-65k": corpus.chain(big_65k, *[c for c, _ in line[:1]]), "ca-33k": corpus.pem(big_ca)}
    assert len(sizes["sans-4k"]) > 4_096, len(sizes["sans-4k"])
    assert 20_000 < len(sizes["sans-20k"]) < 65_536, len(sizes["sans-20k"])
    assert len(sizes["sans-65k"]) > 65_536, len(sizes["sans-65k"])
    assert len(sizes["ca-33k"]) > 32_768, len(sizes["ca-33k"])
    chain_6 = corpus.chain(*[c for c, _ in line[:6]])
    chain_7 = corpus.chain(*[c for c, _ in line[:7]])
    assert len(chain_6) <= 8_192 < len(chain_7), (len(chain_6), len(chain_7))
    rsa_12288_key = files["rsa-12288-key.test-only.pem"]
    rsa_8192_key = files["rsa-8192-key.test-only.pem"]
    assert 4_096 < len(rsa_8192_key) <= 8_192 < len(rsa_12288_key), (len(rsa_8192_key), len(rsa_12288_key))
    write(folder, files)


SETS = {"derived": make_derived, "ec-root": make_ec_root, "sha1": make_sha1, "sm2": make_sm2, "rsa": make_rsa}


# --- the cases -----------------------------------------------------------------------------------

CASES = []


def case(target, name, about, command="check", material=(), fields=(), rules=(), audit=(), **extra):
    entry = {"about": about, "command": command, "material": list(material)}
    if fields:
        entry["fields"] = [list(f) for f in fields]
    entry.update(extra)
    entry["rules"] = list(rules)
    if audit:
        entry["audit"] = list(audit)
    CASES.append((target, name, entry))


def request(target, name, about, material, fields=(), rules=(), audit=(), **extra):
    case(target, name, about, "request", material, fields, rules, audit, **extra)


ISRG = "inspect:public-isrg-root-x1/isrg-root-x1.pem"
RSA_CHAIN = "inspect:key-pkcs1-rsa-matches-leaf/chain.pem"
RSA_KEY = "inspect:key-pkcs1-rsa-matches-leaf/leaf-key.test-only.pem"
RSA = [RSA_CHAIN, RSA_KEY]
EC_LEAF = "inspect:key-pkcs8-ec-matches-leaf/leaf.pem"
EC_KEY = "inspect:key-pkcs8-ec-matches-leaf/leaf-key.test-only.pem"
EC = [EC_LEAF, "material:derived/r2-int-root.pem", EC_KEY]
LEAF_INT_ROOT = "inspect:chain-ordered-leaf-int-root/chain.pem"
ENCRYPTED = ["inspect:key-encrypted-pkcs8-pbkdf2-aes256/leaf.pem", "material:derived/r2-int-root.pem",
             "inspect:key-encrypted-pkcs8-pbkdf2-aes256/leaf-key.test-only.pem"]
NO_PASSPHRASE = ["inspect:key-encrypted-no-passphrase/leaf.pem", "material:derived/r2-int-root.pem",
                 "inspect:key-encrypted-no-passphrase/leaf-key.test-only.pem"]
SM2_SIGN = ["material:sm2/sign-chain.pem", "material:sm2/sign-key.test-only.pem"]


CROSS = "inspect:chain-cross-signed-root-under-an-expired-old-root/"
CROSS_SIGNED = [CROSS + "cross_example_com.crt", CROSS + "cross_example_com.ca-bundle",
                CROSS + "cross_example_com.test-only.key"]


def rsa_set(name):
    return [f"material:rsa/{name}.pem", f"material:rsa/{name}-key.test-only.pem"]


# alibaba-slb-ca ---------------------------------------------------------------------------------
T = "alibaba-slb-ca"
request(T, "isrg-root-accepted", "one RSA CA certificate with a Chinese name, a resource group and tags",
        [ISRG], [("CACertificateName", "证书.ISRG_Root-X1"), ("ResourceGroupId", "rg-acfm2example"),
                 ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.20.Key", "k20")],
        ["alibaba-slb-ca/one-certificate", "alibaba-slb-ca/ca-certificate", "alibaba-slb-ca/key-algorithms",
         "alibaba-slb-ca/region", "alibaba-slb-ca/name", "alibaba-slb-ca/resource-group",
         "alibaba-slb-ca/tag-key", "alibaba-slb-ca/tag-value", "alibaba-slb-ca/tag-count"], ["D7"])
case(T, "three-certificates-refused", "a chain of three: one CA certificate per call", material=[LEAF_INT_ROOT],
     rules=["alibaba-slb-ca/one-certificate"])
case(T, "leaf-not-ca-warns", "a self-signed leaf: the CA-ness rule is inferred, so only a warning",
     material=["inspect:self-signed-leaf-not-ca/selfsigned.pem"], rules=["alibaba-slb-ca/ca-certificate"])
case(T, "ecdsa-ca-warns", "an ECDSA CA: CLB documents RSA only; a warning, the CA page names no algorithm",
     material=["material:ec-root/root.pem"], rules=["alibaba-slb-ca/key-algorithms"], audit=["D2"])
case(T, "crlf-stray-text-normalised", "CRLF, Bag Attributes and blank lines: rewritten as strict PEM",
     material=["material:derived/isrg-crlf-stray.pem"], rules=["alibaba-slb-ca/pem-layout"])
request(T, "region-not-listed-warns", "an unlisted region: the regional host, with a warning", [ISRG],
        region="me-central-1", rules=["alibaba-slb-ca/region"])
request(T, "region-malformed-refused", "a region that is not a region ID", [ISRG], region="CN Hangzhou",
        rules=["alibaba-slb-ca/region"])
request(T, "region-hangzhou-central-host", "cn-hangzhou uses slb.aliyuncs.com", [ISRG], region="cn-hangzhou",
        rules=["alibaba-slb-ca/region"])
request(T, "name-digit-first-warns", "a name starting with a digit breaks the sister rule: a warning", [ISRG],
        [("CACertificateName", "1-isrg")], ["alibaba-slb-ca/name"], ["D7"])
request(T, "name-80-accepted", "80 characters", [ISRG], [("CACertificateName", "a" * 80)], ["alibaba-slb-ca/name"])
request(T, "name-81-warns", "81 characters", [ISRG], [("CACertificateName", "a" * 81)], ["alibaba-slb-ca/name"])
request(T, "resource-group-malformed-refused", "not rg-...", [ISRG], [("ResourceGroupId", "group-1")],
        ["alibaba-slb-ca/resource-group"])
request(T, "tag-key-128-accepted", "a 128-character tag key", [ISRG], [("Tag.1.Key", "k" * 128)],
        ["alibaba-slb-ca/tag-key"])
request(T, "tag-key-129-refused", "a 129-character tag key", [ISRG], [("Tag.1.Key", "k" * 129)],
        ["alibaba-slb-ca/tag-key"])
request(T, "tag-key-reserved-refused", "aliyun and acs: prefixes are reserved", [ISRG],
        [("Tag.1.Key", "aliyun:x"), ("Tag.2.Key", "ACS:y")], ["alibaba-slb-ca/tag-key"])
request(T, "tag-value-url-refused", "no URL scheme in a value", [ISRG],
        [("Tag.1.Key", "site"), ("Tag.1.Value", "see https://example.com")], ["alibaba-slb-ca/tag-value"])
request(T, "tag-value-128-accepted", "a 128-character value", [ISRG],
        [("Tag.1.Key", "k"), ("Tag.1.Value", "v" * 128)], ["alibaba-slb-ca/tag-value"])
request(T, "tag-value-129-refused", "a 129-character value", [ISRG],
        [("Tag.1.Key", "k"), ("Tag.1.Value", "v" * 129)], ["alibaba-slb-ca/tag-value"])
request(T, "tag-value-empty-warns", "an empty value: the page says both yes and 1-128", [ISRG],
        [("Tag.1.Key", "k"), ("Tag.1.Value", "")], ["alibaba-slb-ca/tag-value-empty"])
request(T, "tag-21-refused", "N = 21", [ISRG], [("Tag.21.Key", "k")], ["alibaba-slb-ca/tag-count"])
request(T, "tag-value-without-key-refused", "a value needs its key", [ISRG], [("Tag.2.Value", "v")],
        ["alibaba-slb-ca/tag-value"])
request(T, "unknown-field-refused", "a field the API does not take", [ISRG], [("Bogus", "1")])

# alibaba-slb-server -----------------------------------------------------------------------------
T = "alibaba-slb-server"
request(T, "rsa-chain-key-accepted", "an RSA leaf, its chain (root dropped) and PKCS#1 key, name and tags", RSA,
        [("ServerCertificateName", "www.example.com-2026"), ("ResourceGroupId", "rg-acfm2example"),
         ("Tag.1.Key", "env"), ("Tag.1.Value", ""), ("Tag.20.Key", "k20")],
        ["alibaba-slb-server/certificate", "alibaba-slb-server/key-algorithms", "alibaba-slb-server/private-key",
         "alibaba-slb-server/pem-layout", "alibaba-slb-server/region", "alibaba-slb-server/name",
         "alibaba-slb-server/resource-group", "alibaba-slb-server/tag-key", "alibaba-slb-server/tag-value",
         "alibaba-slb-server/tag-count"])
request(T, "ecdsa-refused", "an ECDSA certificate: CLB supports RSA only", EC,
        rules=["alibaba-slb-server/key-algorithms"])
request(T, "rsa-3072-refused", "RSA 3072 is not among 1024, 2048, 4096", rsa_set("rsa-3072"),
        rules=["alibaba-slb-server/key-algorithms"])
request(T, "encrypted-key-decrypted", "an encrypted PKCS#8 RSA key: decrypted and sent as PKCS#1", ENCRYPTED,
        passphrase_of="key-encrypted-pkcs8-pbkdf2-aes256", rules=["alibaba-slb-server/private-key"])
request(T, "encrypted-key-without-passphrase-refused", "an encrypted key and no passphrase", NO_PASSPHRASE,
        rules=["alibaba-slb-server/private-key"])
case(T, "key-missing-refused", "no key", material=[RSA_CHAIN], rules=["alibaba-slb-server/private-key"])
request(T, "root-first-reordered", "the chain root first with blank lines: leaf first, root dropped",
        ["material:derived/rsa-chain-reversed.pem", RSA_KEY], rules=["alibaba-slb-server/certificate",
                                                                    "alibaba-slb-server/pem-layout"])
request(T, "name-chinese-warns", "Chinese characters: the sister CA name allows them, this page does not", RSA,
        [("ServerCertificateName", "证书-web")], ["alibaba-slb-server/name-chinese"])
request(T, "name-digit-first-refused", "a digit first", RSA, [("ServerCertificateName", "1web")],
        ["alibaba-slb-server/name"])
request(T, "name-80-accepted", "80 characters", RSA, [("ServerCertificateName", "w" * 80)],
        ["alibaba-slb-server/name"])
request(T, "name-81-refused", "81 characters", RSA, [("ServerCertificateName", "w" * 81)],
        ["alibaba-slb-server/name"])
request(T, "tag-key-64-accepted", "a 64-character tag key", RSA, [("Tag.1.Key", "k" * 64)],
        ["alibaba-slb-server/tag-key"])
request(T, "tag-key-65-refused", "a 65-character tag key (this API's limit is 64)", RSA,
        [("Tag.1.Key", "k" * 65)], ["alibaba-slb-server/tag-key"])
request(T, "tag-21-refused", "N = 21", RSA, [("Tag.21.Key", "k")], ["alibaba-slb-server/tag-count"])
request(T, "tag-value-128-accepted", "a 128-character value", RSA, [("Tag.1.Key", "k"), ("Tag.1.Value", "v" * 128)],
        ["alibaba-slb-server/tag-value"])
request(T, "tag-value-129-refused", "a 129-character value", RSA, [("Tag.1.Key", "k"), ("Tag.1.Value", "v" * 129)],
        ["alibaba-slb-server/tag-value"])
request(T, "region-hangzhou-central-host", "cn-hangzhou uses slb.aliyuncs.com", RSA, region="cn-hangzhou",
        rules=["alibaba-slb-server/region"])

# alibaba-cas ------------------------------------------------------------------------------------
T = "alibaba-cas"
request(T, "rsa-chain-key-accepted", "an RSA leaf, chain and key with a portable name, group and tags", RSA,
        [("Name", "www_example_com_2026"), ("ResourceGroupId", "rg-aek2bxpvmxzyd3y"),
         ("Tags.1.Key", "env"), ("Tags.1.Value", "prod"), ("Tags.20.Key", "k20")],
        ["alibaba-cas/name", "alibaba-cas/name-portable", "alibaba-cas/certificate", "alibaba-cas/private-key",
         "alibaba-cas/key-algorithms", "alibaba-cas/regions", "alibaba-cas/resource-group", "alibaba-cas/tags"])
request(T, "ec-pkcs8-key-reencoded", "an EC leaf with its PKCS#8 key: sent as SEC1", EC, [("Name", "ec_web")],
        ["alibaba-cas/key-encoding"])
request(T, "expired-root-not-sent", "a bundle whose old root expired above a valid cross-sign: the root is not "
        "sent, so its expiry does not block (unsent-root-not-valid)", CROSS_SIGNED, [("Name", "cross_example_com")],
        ["alibaba-cas/certificate"])
request(T, "name-missing-refused", "Name is required", RSA, rules=["alibaba-cas/name"])
request(T, "name-63-accepted", "63 characters", RSA, [("Name", "n" * 63)], ["alibaba-cas/name-portable"])
request(T, "name-64-warns", "64 characters: the English page allows them, the Chinese one 63", RSA,
        [("Name", "n" * 64)], ["alibaba-cas/name-portable"])
request(T, "name-65-refused", "65 characters: above every current version", RSA, [("Name", "n" * 65)],
        ["alibaba-cas/name"])
request(T, "name-chinese-warns", "Chinese and dashes: the Chinese page allows all characters", RSA,
        [("Name", "证书-web")], ["alibaba-cas/name-portable"])
request(T, "ed25519-warns", "an Ed25519 certificate: not offered", rsa_set("ed25519"), [("Name", "ed")],
        ["alibaba-cas/key-algorithms"])
request(T, "sm2-pair-accepted", "an SM2 signing chain and key with the encryption pair from files", SM2_SIGN,
        [("Name", "sm2_web"), ("EncryptCert", "@material:sm2/enc-chain.pem"),
         ("EncryptPrivateKey", "@material:sm2/enc-key.test-only.pem")], ["alibaba-cas/sm2-pair"])
request(T, "sm2-without-pair-refused", "an SM2 certificate without its encryption pair", SM2_SIGN,
        [("Name", "sm2_web")], ["alibaba-cas/sm2-pair"])
request(T, "encrypt-fields-ignored-for-rsa", "EncryptCert with an RSA certificate: ignored", RSA,
        [("Name", "web"), ("EncryptCert", "@material:sm2/enc.pem")], ["alibaba-cas/sm2-pair"])
request(T, "region-singapore-host", "ap-southeast-1 has its own endpoint", RSA, [("Name", "web")],
        ["alibaba-cas/regions"], region="ap-southeast-1")
request(T, "region-qingdao-central-host", "an unlisted mainland region goes to cas.aliyuncs.com", RSA,
        [("Name", "web")], ["alibaba-cas/regions"], region="cn-qingdao")
request(T, "tags-21-warns", "N = 21: the count limit is Alibaba's general tag limit, a warning", RSA,
        [("Name", "web"), ("Tags.21.Key", "k")], ["alibaba-cas/tag-count"])
request(T, "tags-value-without-key-refused", "a value needs its key", RSA,
        [("Name", "web"), ("Tags.1.Value", "v")], ["alibaba-cas/tags"])
request(T, "encrypted-key-decrypted", "an encrypted key, decrypted and re-encoded", ENCRYPTED,
        [("Name", "web")], ["alibaba-cas/private-key"], passphrase_of="key-encrypted-pkcs8-pbkdf2-aes256")

# alibaba-kms ------------------------------------------------------------------------------------
T = "alibaba-kms"
request(T, "csr-matches-accepted", "the leaf issued for the KMS CSR: legacy warning, --force CLI",
        ["inspect:csr-matches-leaf/leaf.pem", "inspect:csr-matches-leaf/request.csr", "material:derived/r2-int-root.pem"],
        [("CertificateId", "0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a")],
        ["alibaba-kms/certificate-id", "alibaba-kms/csr-match", "alibaba-kms/key-spec", "alibaba-kms/chain",
         "alibaba-kms/region", "alibaba-kms/legacy"], ["D1"])
case(T, "legacy-warns-in-check", "check says KMS UploadCertificate is legacy, pointing to alibaba-cas",
     material=["inspect:csr-matches-leaf/leaf.pem", "inspect:csr-matches-leaf/request.csr"],
     rules=["alibaba-kms/legacy"])
case(T, "ed25519-refused", "an Ed25519 certificate cannot hold a KMS key",
     material=["inspect:ed25519-root-and-leaf/chain.pem"], rules=["alibaba-kms/key-spec", "alibaba-kms/csr-match"])
case(T, "csr-mismatch-refused", "the certificate was issued for another CSR",
     material=["inspect:csr-does-not-match-leaf/leaf.pem", "inspect:csr-does-not-match-leaf/request.csr"],
     rules=["alibaba-kms/csr-match"])
request(T, "certificate-id-malformed-refused", "a name is not the UUID CreateCertificate returned",
        ["inspect:csr-matches-leaf/leaf.pem", "inspect:csr-matches-leaf/request.csr"],
        [("CertificateId", "my-certificate")], ["alibaba-kms/certificate-id"])
case(T, "key-given-ignored", "a private key is never sent", material=RSA, rules=["alibaba-kms/csr-match"])

# huawei-ccm-pca ---------------------------------------------------------------------------------
T = "huawei-ccm-pca"
CA_ID = ("ca_id", "6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6")
request(T, "intermediate-and-root-accepted", "the subordinate CA with its root, AK/SK with the account ID",
        ["material:derived/r2-int-root.pem"], [CA_ID],
        ["huawei-ccm-pca/ca-id", "huawei-ccm-pca/certificate", "huawei-ccm-pca/certificate-chain",
         "huawei-ccm-pca/key-algorithms", "huawei-ccm-pca/regions", "huawei-ccm-pca/domain-id"],
        auth="aksk")
request(T, "aksk-without-domain-id-refused", "AK/SK for an account-level service needs the account ID",
        ["material:derived/r2-int-root.pem"], [CA_ID], ["huawei-ccm-pca/domain-id"], auth="aksk", domain_id="none")
case(T, "leaf-refused", "a leaf is not a CA certificate", material=[LEAF_INT_ROOT],
     rules=["huawei-ccm-pca/certificate"])
case(T, "sha1-root-accepted", "a SHA-256 CA under a SHA-1 root: the root's signature is never checked",
     material=["material:sha1/ca-sha256-and-sha1-root.pem"], rules=["huawei-ccm-pca/signature-algorithms"],
     audit=["D4"])
case(T, "sha1-ca-warns", "a SHA-1-signed CA: PCA's own list, a warning only",
     material=["material:sha1/ca-sha1-and-root.pem"], rules=["huawei-ccm-pca/signature-algorithms"], audit=["D4"])
case(T, "ed25519-refused", "an Ed25519 CA key is not one PCA generates",
     material=["inspect:ed25519-root-and-leaf/chain.pem"], rules=["huawei-ccm-pca/key-algorithms"])
request(T, "sm2-outside-china-warns", "an SM2 CA for ap-southeast-3: SM2 exists on the Chinese site only",
        ["material:sm2/root.pem"], [CA_ID], ["huawei-ccm-pca/sm2-chinese-site"], ["D6"], region="ap-southeast-3")
request(T, "sm2-cn-north-4-accepted", "an SM2 CA for cn-north-4", ["material:sm2/root.pem"], [CA_ID],
        ["huawei-ccm-pca/sm2-chinese-site"], ["D6"])
request(T, "unlisted-international-region-site-host", "ap-southeast-1 goes to the international site's endpoint",
        ["material:derived/r2-int-root.pem"], [CA_ID], ["huawei-ccm-pca/regions"], ["D13"], region="ap-southeast-1")
request(T, "unlisted-chinese-region-site-host", "cn-east-3 goes to the Chinese site's endpoint",
        ["material:derived/r2-int-root.pem"], [CA_ID], ["huawei-ccm-pca/regions"], ["D13"], region="cn-east-3")
case(T, "chain-without-root-warns", "the CA alone: the chain cannot be exported complete later",
     material=["material:derived/r2-int.pem"], rules=["huawei-ccm-pca/certificate-chain"])
request(T, "ca-id-malformed-refused", "uppercase is not the documented ID format",
        ["material:derived/r2-int-root.pem"], [("ca_id", "6A3F1D2E-4B5C-4D6E-8F70-8192A3B4C5D6")],
        ["huawei-ccm-pca/ca-id"])
case(T, "certificate-over-32768-refused", "a CA certificate of more than 32,768 characters",
     material=["material:rsa/ca-33k.pem"], rules=["huawei-ccm-pca/certificate"])

# huawei-elb -------------------------------------------------------------------------------------
T = "huawei-elb"
PROJECT = ("project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
request(T, "server-rsa-accepted", "an RSA server certificate with its chain and key, name, domain; /v3 CLI", RSA,
        [PROJECT, ("type", "server"), ("name", "web"), ("description", "d"), ("domain", "www.example.com,example.com"),
         ("admin_state_up", "true"), ("protection_status", "consoleProtection"), ("protection_reason", "r" * 300),
         ("scm_certificate_id", "s" * 200), ("source", "scm")],
        ["huawei-elb/project-id", "huawei-elb/type", "huawei-elb/certificate", "huawei-elb/private-key",
         "huawei-elb/domain", "huawei-elb/name-description", "huawei-elb/protection", "huawei-elb/other-fields",
         "huawei-elb/cli-version"], ["D8", "D12"])
request(T, "server-pkcs8-ec-reencoded", "a PKCS#8 EC key: re-encoded for SCM deployment, ELB takes either", EC,
        [PROJECT], ["huawei-elb/key-encoding"], ["D10"])
request(T, "client-ca-accepted", "type client with a CA certificate", [ISRG], [PROJECT, ("type", "client")],
        ["huawei-elb/client"])
request(T, "client-leaf-refused", "type client with a leaf, and its key not sent", RSA,
        [PROJECT, ("type", "client")], ["huawei-elb/client"])
request(T, "server-sm-enc-chain-accepted", "server_sm with an encryption chain (leaf and root): sent whole",
        SM2_SIGN, [PROJECT, ("type", "server_sm"), ("enc_certificate", "@material:sm2/enc-chain.pem"),
                   ("enc_private_key", "@material:sm2/enc-key.test-only.pem")],
        ["huawei-elb/server-sm", "huawei-elb/type"], ["D3", "D9"])
request(T, "server-sm-enc-over-20000-warns", "an encryption certificate above the newest SDK's 20,000", SM2_SIGN,
        [PROJECT, ("type", "server_sm"), ("enc_certificate", "@material:sm2/enc-20k.pem"),
         ("enc_private_key", "@material:sm2/enc-key.test-only.pem")], ["huawei-elb/enc-certificate-20000"], ["D3"])
request(T, "server-sm-enc-over-65536-refused", "an encryption certificate above 65,536", SM2_SIGN,
        [PROJECT, ("type", "server_sm"), ("enc_certificate", "@material:sm2/enc-65k.pem"),
         ("enc_private_key", "@material:sm2/enc-key.test-only.pem")], ["huawei-elb/server-sm"], ["D3"])
request(T, "server-sm-rsa-refused", "server_sm with an RSA certificate", RSA,
        [PROJECT, ("type", "server_sm"), ("enc_certificate", "@material:sm2/enc.pem"),
         ("enc_private_key", "@material:sm2/enc-key.test-only.pem")], ["huawei-elb/server-sm"])
request(T, "server-sm-missing-pair-refused", "server_sm without the encryption pair", SM2_SIGN,
        [PROJECT, ("type", "server_sm")], ["huawei-elb/server-sm"])
request(T, "enc-with-type-server-refused", "enc_certificate is only for server_sm", RSA,
        [PROJECT, ("enc_certificate", "@material:sm2/enc.pem")], ["huawei-elb/server-sm"])
request(T, "enterprise-project-0-warns", "\"0\": the newest SDK allows it, the page and Go SDK do not", RSA,
        [PROJECT, ("enterprise_project_id", "0")], ["huawei-elb/enterprise-project-id-0"], ["D5"])
request(T, "enterprise-project-empty-refused", "\"\" is refused by every source", RSA,
        [PROJECT, ("enterprise_project_id", "")], ["huawei-elb/enterprise-project-id"], ["D5"])
request(T, "domain-empty-accepted", "domain \"\" (0 characters is in the documented range)", RSA,
        [PROJECT, ("domain", "")], ["huawei-elb/domain"], ["D11"])
request(T, "domain-not-covered-refused", "a name the certificate does not cover", RSA,
        [PROJECT, ("domain", "api.example.com")], ["huawei-elb/domain"])
request(T, "domain-100-names-accepted", "100 names under a wildcard", rsa_set("wildcard"),
        [PROJECT, ("domain", ",".join(f"h{i}.example.com" for i in range(100)))], ["huawei-elb/domain"])
request(T, "domain-101-names-refused", "101 names", rsa_set("wildcard"),
        [PROJECT, ("domain", ",".join(f"h{i}.example.com" for i in range(101)))], ["huawei-elb/domain"])
request(T, "domain-10000-chars-within-limit", "exactly 10,000 characters: no length finding (the name is bad)",
        RSA, [PROJECT, ("domain", "a" * 10_000)], ["huawei-elb/domain"])
request(T, "domain-10001-chars-too-long", "10,001 characters: too long (and a bad name)", RSA,
        [PROJECT, ("domain", "a" * 10_001)], ["huawei-elb/domain"])
request(T, "name-255-accepted", "a 255-character name", RSA, [PROJECT, ("name", "名" * 255)],
        ["huawei-elb/name-description"])
request(T, "name-256-refused", "a 256-character name", RSA, [PROJECT, ("name", "名" * 256)],
        ["huawei-elb/name-description"])
request(T, "description-255-accepted", "a 255-character description", RSA, [PROJECT, ("description", "d" * 255)],
        ["huawei-elb/name-description"])
request(T, "description-256-refused", "a 256-character description", RSA, [PROJECT, ("description", "d" * 256)],
        ["huawei-elb/name-description"])
request(T, "project-id-33-refused", "33 characters", RSA, [("project_id", "a" * 33)], ["huawei-elb/project-id"])
request(T, "project-id-missing-refused", "project_id is required", RSA, rules=["huawei-elb/project-id"])
request(T, "project-id-malformed-refused", "uppercase letters", RSA, [("project_id", "ABC")],
        ["huawei-elb/project-id"])
request(T, "type-invalid-refused", "type must be server, client or server_sm", RSA, [PROJECT, ("type", "nope")],
        ["huawei-elb/type"], ["D9"])
request(T, "protection-reason-without-status-refused", "a reason needs consoleProtection", RSA,
        [PROJECT, ("protection_reason", "x")], ["huawei-elb/protection"])
request(T, "eleven-certificates-accepted", "the leaf and ten intermediates", rsa_set("depth-10"), [PROJECT],
        ["huawei-elb/certificate"])
request(T, "twelve-certificates-refused", "the leaf and eleven intermediates", rsa_set("depth-11"), [PROJECT],
        ["huawei-elb/certificate"])
request(T, "certificate-over-20000-warns", "above the newest Python SDK's 20,000 characters",
        rsa_set("sans-20k"), [PROJECT], ["huawei-elb/certificate-20000"])
request(T, "certificate-over-65536-refused", "above 65,536 characters", rsa_set("sans-65k"), [PROJECT],
        ["huawei-elb/certificate"])
request(T, "key-8192-chars-accepted", "an RSA 8192 key, within 8,192 characters", rsa_set("rsa-8192"), [PROJECT],
        ["huawei-elb/private-key"])
request(T, "key-over-8192-chars-refused", "an RSA 12288 key, above 8,192 characters", rsa_set("rsa-12288"),
        [PROJECT], ["huawei-elb/private-key"])
request(T, "key-mismatch-refused", "the key of the intermediate, not the leaf",
        ["inspect:key-matches-intermediate-not-leaf/chain.pem", "inspect:key-matches-intermediate-not-leaf/key.test-only.pem"],
        [PROJECT], ["huawei-elb/private-key"])

# huawei-scm -------------------------------------------------------------------------------------
T = "huawei-scm"
NAME = ("name", "www.example.com_2026-01")
request(T, "rsa-chain-key-accepted", "an RSA leaf, chain (root dropped) and key; AK/SK with the account ID", RSA,
        [NAME, ("duplicate_check", "true"), ("enterprise_project_id", "0")],
        ["huawei-scm/name", "huawei-scm/certificate", "huawei-scm/certificate-chain", "huawei-scm/private-key",
         "huawei-scm/duplicate-check", "huawei-scm/enterprise-project-id", "huawei-scm/regions",
         "huawei-scm/domain-id", "huawei-scm/key-algorithms", "huawei-scm/validity"], auth="aksk")
request(T, "second-key-not-sent", "a keystore renewed in place (keytool): the leaf's key is the one sent, so the "
        "old entry's key is the material's error, without the provider's SCM.0014",
        ["inspect:pkcs12-java-keytool-renewed-in-place/tomcat.test-only.p12"], [NAME], ["huawei-scm/private-key"],
        auth="aksk", passphrase_of="pkcs12-java-keytool-renewed-in-place")
request(T, "expired-root-not-sent", "a bundle whose old root expired above a valid cross-sign: the chain is sent "
        "without its root, so 'expired certificates cannot be uploaded' is not met by it", CROSS_SIGNED, [NAME],
        ["huawei-scm/validity", "huawei-scm/certificate-chain"], auth="aksk")
request(T, "token-accepted", "the same with a token", RSA, [NAME], ["huawei-scm/domain-id"], auth="token")
request(T, "ec-pkcs8-key-reencoded", "a PKCS#8 EC key: SCM does not take PKCS#8, sent as SEC1", EC, [NAME],
        ["huawei-scm/key-encoding"])
request(T, "leaf-only-refused", "no intermediate: a chain of length 1", [EC_LEAF, EC_KEY], [NAME],
        ["huawei-scm/chain-length"])
request(T, "expired-refused", "an expired certificate", rsa_set("expired"), [NAME], ["huawei-scm/validity"])
request(T, "certificate-over-4096-refused", "a leaf above 4,096 characters", rsa_set("sans-4k"), [NAME],
        ["huawei-scm/certificate"])
request(T, "chain-6-within-8192-accepted", "six intermediates within 8,192 characters", rsa_set("depth-6"), [NAME],
        ["huawei-scm/certificate-chain"])
request(T, "chain-7-over-8192-refused", "seven intermediates above 8,192 characters", rsa_set("depth-7"), [NAME],
        ["huawei-scm/certificate-chain"])
request(T, "key-over-4096-refused", "an RSA 8192 key above 4,096 characters", rsa_set("rsa-8192"), [NAME],
        ["huawei-scm/private-key"])
request(T, "encrypted-key-decrypted", "a password-protected key, decrypted here", ENCRYPTED, [NAME],
        ["huawei-scm/private-key"], passphrase_of="key-encrypted-pkcs8-pbkdf2-aes256")
request(T, "encrypted-key-without-passphrase-refused", "a password-protected key and no passphrase",
        NO_PASSPHRASE, [NAME], ["huawei-scm/private-key"])
request(T, "ed25519-warns", "an Ed25519 certificate", rsa_set("ed25519"), [NAME], ["huawei-scm/key-algorithms"])
request(T, "sm2-with-pair-accepted", "an SM2 certificate with its encryption pair", SM2_SIGN,
        [NAME, ("enc_certificate", "@material:sm2/enc.pem"), ("enc_private_key", "@material:sm2/enc-key.test-only.pem")],
        ["huawei-scm/sm2-pair"])
request(T, "sm2-pair-half-refused", "enc_certificate without enc_private_key", SM2_SIGN,
        [NAME, ("enc_certificate", "@material:sm2/enc.pem")], ["huawei-scm/sm2-pair"])
request(T, "enc-for-rsa-refused", "an encryption pair for an RSA certificate", RSA,
        [NAME, ("enc_certificate", "@material:sm2/enc.pem"), ("enc_private_key", "@material:sm2/enc-key.test-only.pem")],
        ["huawei-scm/sm2-pair"])
request(T, "name-2-refused", "2 characters", RSA, [("name", "ab")], ["huawei-scm/name"])
request(T, "name-3-accepted", "3 characters", RSA, [("name", "abc")], ["huawei-scm/name"])
request(T, "name-63-accepted", "63 characters", RSA, [("name", "n" * 63)], ["huawei-scm/name"])
request(T, "name-64-refused", "64 characters", RSA, [("name", "n" * 64)], ["huawei-scm/name"])
request(T, "name-space-refused", "a space", RSA, [("name", "my cert")], ["huawei-scm/name"])
request(T, "enterprise-project-uuid-accepted", "a lowercase 8-4-4-4-12 ID", RSA,
        [NAME, ("enterprise_project_id", "6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6")], ["huawei-scm/enterprise-project-id"])
request(T, "enterprise-project-malformed-refused", "not \"0\" nor an ID", RSA,
        [NAME, ("enterprise_project_id", "default")], ["huawei-scm/enterprise-project-id"])
request(T, "duplicate-check-invalid-refused", "duplicate_check is true or false", RSA,
        [NAME, ("duplicate_check", "yes")], ["huawei-scm/duplicate-check"])
request(T, "unlisted-international-region-site-host", "ap-southeast-3 goes to scm.ap-southeast-1", RSA, [NAME],
        ["huawei-scm/regions"], region="ap-southeast-3")
request(T, "unlisted-chinese-region-site-host", "cn-east-3 goes to scm.cn-north-4", RSA, [NAME],
        ["huawei-scm/regions"], region="cn-east-3")
request(T, "aksk-without-domain-id-refused", "AK/SK for the global SCM needs the account ID", RSA, [NAME],
        ["huawei-scm/domain-id"], auth="aksk", domain_id="none")


# --- writing -------------------------------------------------------------------------------------

def case_text(entry):
    return json.dumps(entry, ensure_ascii=False, indent=2) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", nargs="+", choices=sorted(SETS), metavar="SET",
                        help="material sets to (re)make: " + ", ".join(sorted(SETS)))
    parser.add_argument("--check", action="store_true", help="exit 1 if a case.json differs from CASES")
    args = parser.parse_args(argv)
    names = [(target, name) for target, name, _ in CASES]
    if len(set(names)) != len(names):
        sys.exit("duplicate case names")
    if args.check:
        problems = []
        for target, name, entry in CASES:
            path = HERE / target / name / "case.json"
            if not path.is_file() or path.read_text(encoding="utf-8") != case_text(entry):
                problems.append(f"{target}/{name}/case.json differs from CASES")
        folders = {(p.parent.parent.name, p.parent.name) for p in HERE.glob("*/*/case.json")}
        problems += [f"{t}/{n}: a case folder CASES does not list" for t, n in sorted(folders - set(names))]
        print("\n".join(problems) or f"{len(CASES)} provider cases up to date")
        return 1 if problems else 0
    for set_name in args.only or []:
        folder = MATERIAL / set_name
        shutil.rmtree(folder, ignore_errors=True)
        SETS[set_name](folder)
        print(f"made material/{set_name}")
    for target, name, entry in CASES:
        folder = HERE / target / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "case.json").write_text(case_text(entry), encoding="utf-8")
    print(f"wrote {len(CASES)} case.json files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
