#!/usr/bin/env python3
"""The native peer: pyca/cryptography parsing PEM certificates and fingerprinting them (SHA-256).

Default mode: in-process timing of
    certs = x509.load_pem_x509_certificates(data); [c.fingerprint(hashes.SHA256()) for c in certs]
on bench/data/chain3.pem and bench/data/bundle1000.pem (the file is read once, outside the timing):
warm-up runs, then the median of repeated runs, each run bounded by a time budget. Prints a table and
writes bench/results/pyca.json.

`--once FILE`: does the same thing once on FILE and exits (what bench/process_bench.py times as a whole
process, interpreter start-up and imports included). `--once FILE --verify` also checks every issuer
link the way cert-preflight's analysis does: for each certificate, every certificate of the file whose
subject is its issuer name is tried with `cert.verify_directly_issued_by(issuer)` (a self-issued one
with itself), so that the 1,000-certificate bundle costs 1,000 signature checks here as in ours.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

from cryptography import __version__ as CRYPTOGRAPHY_VERSION
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_and_fingerprint(data):
    certs = x509.load_pem_x509_certificates(data)
    for cert in certs:
        cert.fingerprint(hashes.SHA256())
    return len(certs)


def parse_fingerprint_verify(data):
    """Parse + fingerprint + every name-matching issuer link verified; returns (certificates, links
    that verified)."""
    certs = x509.load_pem_x509_certificates(data)
    by_subject = {}
    for cert in certs:
        cert.fingerprint(hashes.SHA256())
        by_subject.setdefault(cert.subject, []).append(cert)
    verified = 0
    for cert in certs:
        for issuer in by_subject.get(cert.issuer, ()):
            try:
                cert.verify_directly_issued_by(issuer)
                verified += 1
            except (ValueError, TypeError, InvalidSignature):
                pass
    return len(certs), verified


def measure(data, max_runs, budget_s, warmup=3):
    for _ in range(warmup):
        parse_and_fingerprint(data)
    samples = []
    started = time.perf_counter()
    count = 0
    while len(samples) < max_runs and (len(samples) < 5 or time.perf_counter() - started < budget_s):
        t0 = time.perf_counter()
        count = parse_and_fingerprint(data)
        samples.append(time.perf_counter() - t0)
    return count, samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--once", metavar="FILE", help="parse + fingerprint FILE once and exit")
    parser.add_argument("--verify", action="store_true", help="with --once: also verify each issuer link")
    parser.add_argument("--data", default=os.path.join(HERE, "data"))
    parser.add_argument("--out", default=os.path.join(HERE, "results", "pyca.json"))
    args = parser.parse_args()

    if args.once:
        with open(args.once, "rb") as f:
            data = f.read()
        if args.verify:
            count, verified = parse_fingerprint_verify(data)
            print(count, verified)
        else:
            print(parse_and_fingerprint(data))
        return 0

    cases = [
        # name, file, max runs, time budget (s)
        ("parse_fingerprint_chain3", "chain3.pem", 5000, 3.0),
        ("parse_fingerprint_bundle1000", "bundle1000.pem", 200, 8.0),
    ]
    results = {}
    print(f"pyca/cryptography {CRYPTOGRAPHY_VERSION}, Python {platform.python_version()}: in-process")
    print(f"{'case':<32} {'certs':>6} {'runs':>6} {'median ms':>11} {'min ms':>9} {'max ms':>9}")
    for case, file, max_runs, budget in cases:
        with open(os.path.join(args.data, file), "rb") as f:
            data = f.read()
        count, samples = measure(data, max_runs, budget)
        median = statistics.median(samples) * 1e3
        results[case] = {
            "file": file,
            "certificates": count,
            "runs": len(samples),
            "median_ms": round(median, 4),
            "min_ms": round(min(samples) * 1e3, 4),
            "max_ms": round(max(samples) * 1e3, 4),
        }
        print(
            f"{case:<32} {count:>6} {len(samples):>6} {median:>11.4f} {min(samples) * 1e3:>9.4f} "
            f"{max(samples) * 1e3:>9.4f}"
        )
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    document = {
        "tool": "pyca/cryptography",
        "version": CRYPTOGRAPHY_VERSION,
        "python": platform.python_version(),
        "what": "x509.load_pem_x509_certificates(data) + cert.fingerprint(SHA256) for each, in-process",
        "results": results,
    }
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
    os.replace(tmp, args.out)
    print(f"wrote {os.path.relpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
