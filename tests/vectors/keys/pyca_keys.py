#!/usr/bin/env python3
"""The private keys of PyPI's `cryptography_vectors` (pyca/cryptography's test vectors, Apache-2.0 OR
BSD-3-Clause), and what pyca/cryptography reads from each: the corpus tests/it/key_corpus.rs checks
cert-preflight against (every key pyca opens is read with the same facts; every key pyca refuses is
refused or flagged).

Usage:
  python3 tests/vectors/keys/pyca_keys.py --copy    copy the key files from the installed
                                                    cryptography_vectors package (pip install
                                                    cryptography_vectors), then write facts.json
  python3 tests/vectors/keys/pyca_keys.py           recompute facts.json from the copied files
  python3 tests/vectors/keys/pyca_keys.py --check   exit 1 if facts.json differs from what pyca reads

The files are copied once; the test and --check read only tests/vectors/keys/pyca/.
Passwords: the ones pyca's own tests use (tests/hazmat/primitives/test_serialization.py), tried in
turn; the first that opens a key is recorded with it.

Facts per file: "opened" (pyca loads it) or the error pyca raises; for opened keys the type, the size
in bits (RSA modulus, EC curve order, DSA/DH p; for Ed25519/Ed448/X25519/X448 OpenSSL's
EVP_PKEY_get_bits: 256/456/253/448), the curve (P-256/P-384/P-521, else pyca's name) and the public
key in hex, as cert-preflight prints it (RSA: n, ff, e; EC: the uncompressed point; the raw key of
the RFC 8410 types; DSA/DH: y).
"""
import json
import pathlib
import shutil
import sys
import warnings

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh, dsa, ec, ed448, ed25519, rsa, x448, x25519

warnings.simplefilter("ignore")
HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "pyca"
FACTS = HERE / "pyca-facts.json"
# Folders of cryptography_vectors/asymmetric holding private keys. Left out: OpenSSH (another
# format), ECDH/ECDSA (text vectors), public/, and ML-DSA/ML-KEM (post-quantum: cert-preflight names
# them, key-type-not-accepted, but derives no public key).
FOLDERS = ["DER_Serialization", "DH", "DSA", "EC", "Ed25519", "Ed448", "PEM_Serialization", "PKCS8",
           "Traditional_OpenSSL_Serialization", "X25519", "X448"]
PASSWORDS = [None, b"foobar", b"baz", b"123456", b"a123456", b"password", b"hunter2", b"hunter42",
             b"PolarSSLTest", b"Red Hat Enterprise Linux 7.4"]
CURVES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}


def is_private_key_file(path, data):
    if b"-----BEGIN" in data:
        return b"PRIVATE KEY-----" in data and b"OPENSSH" not in data
    if path.suffix != ".der" or "pub" in path.name:
        return False
    # A DER file is kept when pyca does not read it as a public key or parameters.
    for loader in (serialization.load_der_public_key, serialization.load_der_parameters):
        try:
            loader(data)
            return False
        except (ValueError, UnsupportedAlgorithm):
            pass
    return True


def copy():
    import cryptography_vectors
    root = pathlib.Path(cryptography_vectors.__file__).parent / "asymmetric"
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and is_private_key_file(path, path.read_bytes()):
                target = CORPUS / path.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def minimal(n):
    return n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big").hex()


def describe(key):
    raw = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.public_key().public_numbers()
        return "RSA", key.key_size, None, minimal(numbers.n) + "ff" + minimal(numbers.e)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        point = key.public_key().public_bytes(serialization.Encoding.X962,
                                              serialization.PublicFormat.UncompressedPoint)
        return "EC", key.curve.key_size, CURVES.get(key.curve.name, key.curve.name), point.hex()
    if isinstance(key, dsa.DSAPrivateKey):
        return "DSA", key.key_size, None, minimal(key.public_key().public_numbers().y)
    if isinstance(key, dh.DHPrivateKey):
        return "DH", key.key_size, None, minimal(key.public_key().public_numbers().y)
    for cls, name, bits in ((ed25519.Ed25519PrivateKey, "Ed25519", 256), (ed448.Ed448PrivateKey, "Ed448", 456),
                            (x25519.X25519PrivateKey, "X25519", 253), (x448.X448PrivateKey, "X448", 448)):
        if isinstance(key, cls):
            return name, bits, None, key.public_key().public_bytes(*raw).hex()
    raise ValueError(f"unknown key type {type(key)}")


def facts_for(path):
    data = path.read_bytes()
    load = serialization.load_pem_private_key if b"-----BEGIN" in data else serialization.load_der_private_key
    errors = []
    for password in PASSWORDS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                key = load(data, password)
        except (ValueError, TypeError, UnsupportedAlgorithm) as error:
            errors.append((password, f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"))
            continue
        key_type, bits, curve, public = describe(key)
        return {"file": str(path.relative_to(CORPUS)), "password": password and password.decode(),
                "pyca": "opened", "type": key_type, "bits": bits, "curve": curve, "public_key": public}
    # Refused with every password: record the error of the first password that got past the
    # "is it encrypted" question (else the first error), and that password.
    meaningful = [e for e in errors if not e[1].startswith("TypeError")] or errors
    password, error = meaningful[0]
    return {"file": str(path.relative_to(CORPUS)), "password": password and password.decode(),
            "pyca": "refused", "error": error}


def facts():
    entries = [facts_for(p) for p in sorted(CORPUS.rglob("*")) if p.is_file()]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    if argv[1:] == ["--copy"]:
        copy()
    elif argv[1:] == ["--check"]:
        if not FACTS.exists() or FACTS.read_text() != facts():
            print("pyca-facts.json differs from what pyca/cryptography reads now")
            return 1
        print("pyca-facts.json agrees with pyca/cryptography")
        return 0
    elif argv[1:]:
        print(__doc__)
        return 2
    FACTS.write_text(facts())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
