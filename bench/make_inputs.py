#!/usr/bin/env python3
"""Writes the benchmark inputs into bench/data/ with pyca/cryptography.

- chain3.pem      leaf, intermediate, root: RSA-2048, sha256WithRSAEncryption, realistic extensions
- chain3-key.pem  the leaf's private key (PKCS#8, unencrypted)
- bundle1000.pem  1,000 RSA-2048 certificates, about 2 MiB of PEM: 1 root, 20 intermediates issued
                  by it, 979 leaves issued by the intermediates (round robin). Every certificate has
                  exactly one name-matching issuer in the bundle, so the full analysis verifies one
                  signature per certificate (999 issuer links + the root's self-signature).
- deep1000.pem    a chain 1,000 deep, leaf first: a leaf issued by CA 998, each CA n issued by CA
                  n-1, CA 1 by the root (RSA-2048; 8 keys in turn, so that generation stays fast):
                  999 issuer links on one path.

Validity dates are fixed (2026-2028); the benchmarks validate at 2026-11-22T00:00:00Z, when every
certificate is valid and none expires within 30 days. Keys are random (generation is not timed and
the figures do not depend on them); leaves share a few keys so that generation stays fast, but every
certificate differs (serial, names, SANs, dates).

Usage: python3 bench/make_inputs.py [--force] [--out DIR]
"""

import argparse
import datetime as dt
import ipaddress
import os
import sys
import time

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

UTC = dt.timezone.utc
BUNDLE_CERTS = 1000
DEEP_CERTS = 1000
INTERMEDIATES = 20
LEAF_KEYS = 8
SANS_PER_LEAF = 11  # tuned so that the bundle is about 2 MiB


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def name(cn, org="Preflight Bench Trust", unit=None, country="DE", locality=None):
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, country)]
    if locality:
        attrs.append(x509.NameAttribute(NameOID.LOCALITY_NAME, locality))
    attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if unit:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def when(year, month, day, second=0):
    return dt.datetime(year, month, day, tzinfo=UTC) + dt.timedelta(seconds=second)


def ca_cert(subject, subject_key, issuer, issuer_key, serial, not_before, not_after, path_len, is_root):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(subject_key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_len), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False)
    )
    if not is_root:
        builder = (
            builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
                critical=False,
            )
            .add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            full_name=[x509.UniformResourceIdentifier("http://crl.bench.invalid/root.crl")],
                            relative_name=None,
                            reasons=None,
                            crl_issuer=None,
                        )
                    ]
                ),
                critical=False,
            )
            .add_extension(
                x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier("2.23.140.1.2.1"), None)]),
                critical=False,
            )
        )
    return builder.sign(issuer_key, hashes.SHA256())


def leaf_cert(host, sans, subject_key, issuer, issuer_key, serial, not_before, not_after, ca_slug):
    general_names = [x509.DNSName(s) for s in sans]
    general_names.append(x509.IPAddress(ipaddress.ip_address(f"192.0.2.{serial % 250 + 1}")))
    return (
        x509.CertificateBuilder()
        .subject_name(name(host, org="Example Shop GmbH", locality="Berlin"))
        .issuer_name(issuer)
        .public_key(subject_key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(x509.SubjectAlternativeName(general_names), critical=False)
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.bench.invalid")
                    ),
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(f"http://ca.bench.invalid/{ca_slug}.der"),
                    ),
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        full_name=[x509.UniformResourceIdentifier(f"http://crl.bench.invalid/{ca_slug}.crl")],
                        relative_name=None,
                        reasons=None,
                        crl_issuer=None,
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier("2.23.140.1.2.2"), None)]),
            critical=False,
        )
        .sign(issuer_key, hashes.SHA256())
    )


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def make_chain3(out):
    root_key, inter_key, leaf_key = rsa_key(), rsa_key(), rsa_key()
    root_name = name("Preflight Bench Root CA R1")
    inter_name = name("Preflight Bench TLS Issuing CA 1", unit="Issuing")
    root = ca_cert(root_name, root_key, root_name, root_key, 0x1001, when(2026, 1, 1), when(2028, 12, 31), 1, True)
    inter = ca_cert(
        inter_name, inter_key, root_name, root_key, 0x2001, when(2026, 1, 15), when(2028, 6, 30), 0, False
    )
    sans = ["shop.example.com", "www.shop.example.com", "api.shop.example.com", "static.shop.example.com"]
    leaf = leaf_cert(
        "shop.example.com", sans, leaf_key, inter_name, inter_key, 0x3001, when(2026, 6, 1), when(2027, 6, 1), "issuing1"
    )
    with open(os.path.join(out, "chain3.pem"), "wb") as f:
        f.write(pem(leaf) + pem(inter) + pem(root))
    with open(os.path.join(out, "chain3-key.pem"), "wb") as f:
        f.write(
            leaf_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )


def make_bundle(out):
    root_key = rsa_key()
    root_name = name("Preflight Bench Bundle Root CA")
    root = ca_cert(root_name, root_key, root_name, root_key, 0x10000, when(2026, 1, 1), when(2028, 12, 31), 1, True)
    certs = [root]
    intermediates = []
    for i in range(INTERMEDIATES):
        key = rsa_key()
        subject = name(f"Preflight Bench Issuing CA {i + 1:02d}", unit=f"Issuing {i + 1:02d}")
        cert = ca_cert(
            subject, key, root_name, root_key, 0x20000 + i, when(2026, 1, 15), when(2028, 6, 30), 0, False
        )
        intermediates.append((subject, key, f"issuing{i + 1:02d}"))
        certs.append(cert)
    leaf_keys = [rsa_key() for _ in range(LEAF_KEYS)]
    for n in range(BUNDLE_CERTS - 1 - INTERMEDIATES):
        issuer_name, issuer_key, slug = intermediates[n % INTERMEDIATES]
        host = f"host{n:04d}.tenant{n % 37:02d}.example.net"
        sans = [host] + [f"svc{k:02d}-{n:04d}.tenant{n % 37:02d}.example.net" for k in range(SANS_PER_LEAF - 1)]
        certs.append(
            leaf_cert(
                host,
                sans,
                leaf_keys[n % LEAF_KEYS],
                issuer_name,
                issuer_key,
                0x300000 + n,
                when(2026, 5, 1, second=n * 3_600),
                when(2027, 5, 1, second=n * 3_600),
                slug,
            )
        )
    data = b"".join(pem(c) for c in certs)
    with open(os.path.join(out, "bundle1000.pem"), "wb") as f:
        f.write(data)
    return len(certs), len(data)


def make_deep(out):
    keys = [rsa_key() for _ in range(LEAF_KEYS)]
    root_name = name("Preflight Bench Deep Root CA")
    chain = [ca_cert(root_name, keys[0], root_name, keys[0], 0x40000, when(2026, 1, 1), when(2028, 12, 31), None, True)]
    issuer_name, issuer_key = root_name, keys[0]
    for n in range(1, DEEP_CERTS - 1):
        subject = name(f"Preflight Bench Deep CA {n:03d}", unit="Deep")
        key = keys[n % LEAF_KEYS]
        chain.append(
            ca_cert(subject, key, issuer_name, issuer_key, 0x40000 + n, when(2026, 1, 15), when(2028, 6, 30), None, False)
        )
        issuer_name, issuer_key = subject, key
    host = "deep.example.net"
    chain.append(
        leaf_cert(host, [host, f"www.{host}"], keys[DEEP_CERTS % LEAF_KEYS], issuer_name, issuer_key, 0x4FFFF,
                  when(2026, 5, 1), when(2027, 5, 1), "deep")
    )
    data = b"".join(pem(c) for c in reversed(chain))
    with open(os.path.join(out, "deep1000.pem"), "wb") as f:
        f.write(data)
    return len(chain), len(data)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "data"))
    parser.add_argument("--force", action="store_true", help="regenerate even if the files exist")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    wanted = ["chain3.pem", "chain3-key.pem", "bundle1000.pem", "deep1000.pem"]
    if not args.force and all(os.path.exists(os.path.join(args.out, f)) for f in wanted):
        print(f"make_inputs: {args.out} already has {', '.join(wanted)} (--force to regenerate)")
        return 0
    started = time.perf_counter()
    make_chain3(args.out)
    count, size = make_bundle(args.out)
    deep, deep_size = make_deep(args.out)
    print(
        f"make_inputs: wrote chain3.pem, chain3-key.pem, bundle1000.pem ({count} certificates, "
        f"{size:,} bytes = {size / 1048576:.2f} MiB) and deep1000.pem ({deep} certificates, {deep_size:,} bytes) "
        f"to {args.out} in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
