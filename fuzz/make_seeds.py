#!/usr/bin/env python3
"""Writes fuzz/seeds/: small inputs the fuzz target starts from besides the vector corpus
(fuzz/run.sh copies both into the corpus). Each is material, optionally followed by
"\n#passphrase=" and a passphrase (fuzz_targets/analyze.rs). Made from the corpus's test-only keys
and certificates, mangled as people receive them, and hostile shapes kept small (the fuzzer grows
them). Run from the repository: python3 fuzz/make_seeds.py
"""
import base64
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
vectors = root / "tests" / "vectors" / "inspect"
out = root / "fuzz" / "seeds"
out.mkdir(exist_ok=True)
SEP = b"\n#passphrase="


def read(case, name):
    return (vectors / case / "input" / name).read_bytes()


def one_line(pem):
    return b"".join(line.strip() for line in pem.splitlines())


seeds = {}
ec_key = read("key-pkcs8-ec-matches-leaf", "leaf-key.test-only.pem")
ec_leaf = read("key-pkcs8-ec-matches-leaf", "leaf.pem")
enc_key = read("key-encrypted-pkcs8-pbkdf2-aes256", "leaf-key.test-only.pem")
legacy_key = read("key-legacy-pem-aes256-cbc", "leaf-key.test-only.pem")
chain = read("chain-ordered-leaf-int-root", "chain.pem")
p12 = read("pkcs12-modern-aes256-pbkdf2", "bundle.test-only.p12")

seeds["one-line-key.pem"] = one_line(ec_key)
seeds["one-line-key-cut-short.pem"] = one_line(ec_key)[: len(one_line(ec_key)) * 2 // 3]
seeds["json-escaped-leaf-and-key.json"] = json.dumps(
    {"certificate": ec_leaf.decode(), "private_key": ec_key.decode()}
).encode()
seeds["kubernetes-secret.yaml"] = (
    b"data:\n  tls.crt: " + base64.b64encode(ec_leaf) + b"\n  tls.key: " + base64.b64encode(ec_key) + b"\n"
)
seeds["encrypted-key-with-passphrase.pem"] = enc_key + SEP + b"correct horse battery staple"
seeds["legacy-key-with-wrong-passphrase.pem"] = legacy_key + SEP + b"wrong"
seeds["pkcs12-with-password.p12"] = p12 + SEP + b"correct horse battery staple"
seeds["chain-and-key.pem"] = chain + ec_key
seeds["deep-nesting.der"] = b"\x30\x80" * 64
seeds["huge-length.der"] = b"\x30\x84\xff\xff\xff\xff\x02\x01\x00"
seeds["empty-blocks.pem"] = b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n" * 32
seeds["same-name-certificates.pem"] = chain.split(b"-----END CERTIFICATE-----")[1].lstrip() + b"-----END CERTIFICATE-----\n" + chain

for name, data in seeds.items():
    (out / name).write_bytes(data)
print(f"wrote {len(seeds)} seeds into {out}")
