#!/usr/bin/env python3
"""Whole-process comparison on bench/data/bundle1000.pem, start-up included:

  ours: target/release/cert-preflight inspect --json --now 2026-11-22T00:00:00Z bench/data/bundle1000.pem
        (the full analysis: PEM, 1,000 certificates parsed and fingerprinted, every issuer signature
        verified, lints, and the pretty-printed JSON report written to /dev/null)
  pyca: python3 bench/pyca_bench.py --once bench/data/bundle1000.pem
        (interpreter start-up, imports, load_pem_x509_certificates + SHA-256 fingerprint of each)
  pyca_verify: python3 bench/pyca_bench.py --once bench/data/bundle1000.pem --verify
        (the same, and verify_directly_issued_by on every issuer link: the same 1,000 signature
        checks as ours; the anchor issue 16 sets: ours no slower than this)

Each command runs once as a warm-up, then RUNS times, alternating between the two so that any drift
of the machine hits both alike; the figure is the median wall time measured here with
time.perf_counter around subprocess.run (stdout to /dev/null). The CPU time (user + system, from
getrusage of the waited child) is recorded beside it: on a shared machine it moves less than the wall
time. The CLI exits 1 when its report has an error diagnostic; any exit status other than 0 or 1 is a
failure. Writes bench/results/process.json.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NOW = "2026-11-22T00:00:00Z"


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, ok_codes):
    """Runs `command` once: (wall seconds, CPU seconds)."""
    c0 = cpu_of_children()
    t0 = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    cpu = cpu_of_children() - c0
    if done.returncode not in ok_codes:
        sys.exit(f"process_bench: {' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return elapsed, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "cert-preflight"))
    parser.add_argument("--out", default=os.path.join(HERE, "results", "process.json"))
    args = parser.parse_args()

    bundle = os.path.join(HERE, "data", "bundle1000.pem")
    commands = {
        "cert_preflight_cli": ([args.cli, "inspect", "--json", "--now", NOW, bundle], (0, 1)),
        "pyca_python": ([sys.executable, os.path.join(HERE, "pyca_bench.py"), "--once", bundle], (0,)),
        "pyca_python_verify": ([sys.executable, os.path.join(HERE, "pyca_bench.py"), "--once", bundle, "--verify"],
                               (0,)),
    }
    samples = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    for name, (command, ok) in commands.items():
        run(command, ok)  # warm-up (page cache, dynamic loader)
    for _ in range(args.runs):
        for name, (command, ok) in commands.items():
            wall, used = run(command, ok)
            samples[name].append(wall)
            cpu[name].append(used)

    results = {}
    print(f"whole process on bundle1000.pem, {args.runs} runs each (median of wall time; CPU = user + system)")
    print(f"{'command':<22} {'median ms':>10} {'min ms':>9} {'max ms':>9} {'CPU median ms':>14}")
    for name, values in samples.items():
        median = statistics.median(values) * 1e3
        cpu_median = statistics.median(cpu[name]) * 1e3
        results[name] = {
            "command": " ".join(os.path.relpath(a, ROOT) if os.path.isabs(a) and a.startswith(ROOT) else a
                                for a in commands[name][0]),
            "runs": len(values),
            "median_ms": round(median, 3),
            "min_ms": round(min(values) * 1e3, 3),
            "max_ms": round(max(values) * 1e3, 3),
            "cpu_median_ms": round(cpu_median, 3),
        }
        print(f"{name:<22} {median:>10.2f} {min(values) * 1e3:>9.2f} {max(values) * 1e3:>9.2f} {cpu_median:>14.2f}")
    ratio = results["cert_preflight_cli"]["median_ms"] / results["pyca_python"]["median_ms"]
    ratio_verify = results["cert_preflight_cli"]["median_ms"] / results["pyca_python_verify"]["median_ms"]
    print(f"cert-preflight / pyca (parse + fingerprint) = {ratio:.2f}")
    print(f"cert-preflight / pyca (parse + fingerprint + every link verified) = {ratio_verify:.2f}")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"input": "bench/data/bundle1000.pem", "results": results, "ratio_cli_over_pyca": round(ratio, 3),
                   "ratio_cli_over_pyca_verify": round(ratio_verify, 3)},
                  f, indent=2)
        f.write("\n")
    os.replace(tmp, args.out)
    print(f"wrote {os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
