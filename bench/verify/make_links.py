#!/usr/bin/env python3
"""Writes the verification-route benchmark's inputs into bench/data/ with pyca/cryptography:
links-p256.pem and links-ed25519.pem, each 1,000 certificates shaped like bundle1000.pem (the RSA
one, bench/make_inputs.py): a root, 20 intermediates issued by it and 979 leaves issued by the
intermediates (round robin), every key and signature ECDSA P-256 with SHA-256, or Ed25519. Each
certificate has exactly one name-matching issuer, so there are 1,000 issuer links to verify
(999 and the root's own). Validity 2026-2028.

Usage: python3 bench/verify/make_links.py [--force] [--out DIR]
"""

import argparse
import datetime as dt
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import NameOID

UTC = dt.timezone.utc
CERTS = 1000
INTERMEDIATES = 20
LEAF_KEYS = 8


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Preflight Bench Trust")])


def cert(subject, key, issuer, issuer_key, serial, ca, hash_alg, sans=()):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(dt.datetime(2026, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=serial % 86_400))
        .not_valid_after(dt.datetime(2028, 6, 30, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca and issuer != subject else None),
                       critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                       critical=False)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]),
                                        critical=False)
    return builder.sign(issuer_key, hash_alg)


def bundle(new_key, hash_alg):
    root_key = new_key()
    root_name = name("Preflight Bench Links Root")
    certs = [cert(root_name, root_key, root_name, root_key, 1, True, hash_alg)]
    issuers = []
    for i in range(INTERMEDIATES):
        key = new_key()
        subject = name(f"Preflight Bench Links CA {i + 1:02d}")
        certs.append(cert(subject, key, root_name, root_key, 100 + i, True, hash_alg))
        issuers.append((subject, key))
    leaf_keys = [new_key() for _ in range(LEAF_KEYS)]
    for n in range(CERTS - 1 - INTERMEDIATES):
        issuer, issuer_key = issuers[n % INTERMEDIATES]
        host = f"host{n:04d}.example.net"
        certs.append(cert(name(host), leaf_keys[n % LEAF_KEYS], issuer, issuer_key, 10_000 + n, False,
                          hash_alg, sans=[host, f"www.{host}"]))
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "data"))
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    kinds = {
        "links-p256.pem": (lambda: ec.generate_private_key(ec.SECP256R1()), hashes.SHA256()),
        "links-ed25519.pem": (ed25519.Ed25519PrivateKey.generate, None),
    }
    for file, (new_key, hash_alg) in kinds.items():
        path = os.path.join(args.out, file)
        if os.path.exists(path) and not args.force:
            continue
        data = bundle(new_key, hash_alg)
        with open(path, "wb") as f:
            f.write(data)
        print(f"make_links: wrote {file} ({CERTS} certificates, {len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
