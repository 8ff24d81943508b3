#!/usr/bin/env python3
"""Generates the inspect vector corpus and the facts an independent implementation reads from it.

Every case is a folder under tests/vectors/inspect/:
  input/*        the files given to `cert-preflight inspect`, in name order
  now.txt        the validation time (RFC 3339 UTC)
  facts.json     what pyca/cryptography reads from every certificate in the inputs (never typed by hand)
  expected.txt   cert-preflight's own text report, a snapshot (rewrite with UPDATE_EXPECT=1 cargo test)

Usage:
  python3 tests/vectors/generate.py            make new keys and certificates, then facts.json
  python3 tests/vectors/generate.py --facts    only recompute facts.json from the committed inputs
  python3 tests/vectors/generate.py --check    recompute facts in memory; exit 1 if a facts.json differs

Throwaway private keys are named *.test-only.pem. Public certificates are copied with their provenance
in tests/vectors/README.md.
"""
import datetime as dt
import json
import pathlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID

ROOT = pathlib.Path(__file__).resolve().parent / "inspect"
NOW = "2026-11-22T00:00:00Z"
UTC = dt.timezone.utc


def name(cn, org="cert-preflight test", country="CN"):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def build(subject, issuer, key, signer, *, ca, not_before, not_after, serial, sans=(), hash_alg=hashes.SHA256()):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False)
    if isinstance(signer, ed25519.Ed25519PrivateKey):
        hash_alg = None
    return builder.sign(signer, hash_alg)


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def key_pem(key):
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def write_case(case, files, now=NOW):
    folder = ROOT / case / "input"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for file_name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (folder / file_name).write_bytes(data)
    (ROOT / case / "now.txt").write_text(now + "\n")


def generate():
    t = lambda *a: dt.datetime(*a, tzinfo=UTC)  # noqa: E731
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    int_key = ec.generate_private_key(ec.SECP384R1())
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    root = build(name("Preflight Test Root R1"), name("Preflight Test Root R1"), root_key, root_key,
                 ca=True, not_before=t(2025, 1, 1), not_after=t(2035, 1, 1), serial=0x01)
    inter = build(name("Preflight Test Intermediate E1"), root.subject, int_key, root_key,
                  ca=True, not_before=t(2025, 6, 1), not_after=t(2030, 6, 1), serial=0x00C0FFEE00112233445566778899AABBCCDDEEFF)
    leaf = build(name("shop.example.com", org="Example Shop, Inc."), inter.subject, leaf_key, int_key,
                 ca=False, not_before=t(2026, 9, 1), not_after=t(2027, 9, 1), serial=0x5EED,
                 sans=["shop.example.com", "www.shop.example.com"], hash_alg=hashes.SHA384())

    write_case("rsa-root-ec-chain-ordered", {"bundle.pem": pem(leaf) + pem(inter) + pem(root)})
    messy = "\ufeff" + (
        "Bag Attributes\n    localKeyID: 01 02 03\nsubject=/C=CN/O=Example Shop, Inc./CN=shop.example.com\n"
        "issuer=/C=CN/O=cert-preflight test/CN=Preflight Test Intermediate E1\n"
        + "".join("    " + line + "\n" for line in pem(leaf).splitlines())
        + "\n 1 s:CN=Preflight Test Intermediate E1\n" + pem(inter).rstrip("\n")
    ).replace("\n", "\r\n")
    write_case("crlf-bom-indented-stray-text", {"from-pkcs12.txt": messy})
    write_case("der-certificate", {"leaf.der": leaf.public_bytes(serialization.Encoding.DER)})
    write_case("two-files-key-in-certificate-input", {
        "a-cert.pem": pem(leaf), "b-key.test-only.pem": key_pem(leaf_key)})

    ed_key = ed25519.Ed25519PrivateKey.generate()
    write_case("ed25519-self-signed-expired", {"ed.pem": pem(build(
        name("old.example.net"), name("old.example.net"), ed_key, ed_key,
        ca=False, not_before=t(2020, 1, 1), not_after=t(2021, 1, 1), serial=7))})
    write_case("ec-signed-expires-soon-unicode-org", {"soon.pem": pem(build(
        name("soon.example.org", org="Ünïcode Ørg; \"quoted\" + more"), inter.subject, root_key, int_key,
        ca=False, not_before=t(2026, 1, 1), not_after=t(2026, 12, 10, 12, 30), serial=0x7FFFFFFF,
        hash_alg=hashes.SHA256()))})
    write_case("not-yet-valid", {"future.pem": pem(build(
        name("future.example.com"), inter.subject, leaf_key, int_key,
        ca=False, not_before=t(2027, 1, 1), not_after=t(2028, 1, 1), serial=99))})

    body = pem(leaf).splitlines()
    write_case("malformed-missing-end", {"cut.pem": "\n".join(body[:-3]) + "\n"})
    write_case("malformed-label-mismatch", {"merged.pem": "\n".join(body[:-1]) + "\n-----END PRIVATE KEY-----\n"})
    bad = list(body)
    bad[3] = bad[3][:10] + "*" + bad[3][11:]
    write_case("malformed-bad-base64", {"bad.pem": "\n".join(bad) + "\n"})
    der = leaf.public_bytes(serialization.Encoding.DER)
    write_case("malformed-truncated-der", {"short.der": der[: len(der) // 2]})
    write_case("malformed-empty", {"empty.pem": "\n  \n"})
    write_case("malformed-no-pem", {"notes.txt": "Here is my certificate, see attachment.\n"})


def cert_facts(cert, now):
    def fp(alg):
        return ":".join(f"{b:02X}" for b in cert.fingerprint(alg))

    nb, na = cert.not_valid_before_utc, cert.not_valid_after_utc
    expiry = "not_yet_valid" if now < nb else "expired" if now > na else "valid"
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial_hex": format(cert.serial_number, "x"),
        "not_before": nb.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "not_after": na.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha1": fp(hashes.SHA1()),
        "sha256": fp(hashes.SHA256()),
        "signature_algorithm_oid": cert.signature_algorithm_oid.dotted_string,
        "self_issued": cert.subject == cert.issuer,
        "expiry": expiry,
        "days_until_expiry": int((na - now).total_seconds() // 86400),
        "der_size": len(cert.public_bytes(serialization.Encoding.DER)),
    }


def load_all(data):
    """Every certificate pyca can read from one input: PEM blocks (any mix), else one DER."""
    if b"-----BEGIN" in data:
        text = data.decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff")
        certs, chunk, label = [], None, None
        for line in text.split("\n"):
            s = line.strip()
            if s.startswith("-----BEGIN ") and s.endswith("-----"):
                chunk, label = [s], s[11:-5]
            elif chunk is not None:
                chunk.append(s)
                if s == f"-----END {label}-----":
                    if label == "CERTIFICATE":
                        try:
                            certs.append(x509.load_pem_x509_certificate("\n".join(chunk).encode()))
                        except ValueError:
                            pass
                    chunk = None
        return certs
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        return []


def facts_for(case_dir):
    now = dt.datetime.strptime((case_dir / "now.txt").read_text().strip(), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    out = []
    for path in sorted((case_dir / "input").iterdir()):
        for cert in load_all(path.read_bytes()):
            out.append({"file": path.name, **cert_facts(cert, now)})
    return json.dumps({"certificates": out}, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    if argv[1:] == []:
        generate()
    elif argv[1:] not in (["--facts"], ["--check"]):
        print(__doc__)
        return 2
    stale = []
    for case_dir in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        facts = facts_for(case_dir)
        target = case_dir / "facts.json"
        if argv[1:] == ["--check"]:
            if not target.exists() or target.read_text() != facts:
                stale.append(case_dir.name)
        else:
            target.write_text(facts)
    if stale:
        print("facts.json differs from what pyca/cryptography reads now:", ", ".join(stale))
        return 1
    print(f"facts: {len(list(ROOT.iterdir()))} cases agree with pyca/cryptography" if argv[1:] == ["--check"] else "written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
