#!/usr/bin/env python3
"""Writes bench/results/latest.md from the JSON files the benchmarks wrote (native.json, pyca.json,
process.json, browser.json): every figure, with its target where it has one, and the machine."""

import datetime as dt
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


def load(name):
    path = os.path.join(RESULTS, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def command_output(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


class Figure(float):
    """A median in ms, with the fastest sample as `best`."""

    best = None


def ms(value):
    if value is None:
        return "n/a"
    if value >= 100:
        return f"{value:,.0f} ms"
    if value >= 1:
        return f"{value:.1f} ms"
    return f"{value:.3f} ms"


def status(value, limit):
    if value is None:
        return "not measured"
    if value <= limit:
        return f"met ({value / limit:.0%} of target)"
    return f"**missed** ({value / limit:.1f}× the target, {ms(value - limit)} over)"


def main():
    native = load("native.json") or {"results": {}}
    pyca = load("pyca.json") or {"results": {}}
    process = load("process.json") or {"results": {}}
    browser = load("browser.json") or {"results": {}, "meta": {}}
    nr, pr, br, xr = native["results"], pyca["results"], browser["results"], process["results"]

    def figure(results, case, key="median_ms"):
        r = results.get(case, {})
        if r.get(key) is None:
            return None
        value = Figure(r[key])
        value.best = r.get("min_ms") if key == "median_ms" else None
        return value

    def n(case):
        return figure(nr, case)

    def p(case):
        return figure(pr, case)

    def b(case):
        return figure(br, case)

    def x(case):
        return figure(xr, case)

    cli, py, pyv = x("cert_preflight_cli"), x("pyca_python"), x("pyca_python_verify")
    rows = [
        # (where, figure, value, target text, status)
        ("browser", "cert-preflight parse + fingerprint, 1,000 certificates", b("ours_parse_fingerprint_bundle1000"),
         "≤ 40 ms", status(b("ours_parse_fingerprint_bundle1000"), 40)),
        ("browser", "cert-preflight parse + fingerprint, 3-chain", b("ours_parse_fingerprint_chain3"),
         "≤ 0.5 ms", status(b("ours_parse_fingerprint_chain3"), 0.5)),
        ("browser", "cert-preflight full analysis, 3-chain + key", b("ours_full_chain3_key"),
         "≤ 5 ms", status(b("ours_full_chain3_key"), 5)),
        ("browser", "cert-preflight full analysis, 1,000 (every signature verified)", b("ours_full_bundle1000"),
         "≤ 1 s", status(b("ours_full_bundle1000"), 1000)),
        ("browser", "@peculiar/x509 parse + SHA-256 thumbprint, 3-chain", b("peculiar_parse_fingerprint_chain3"), "peer", ""),
        ("browser", "@peculiar/x509 parse + SHA-256 thumbprint, 1,000", b("peculiar_parse_fingerprint_bundle1000"),
         "peer", ""),
        ("browser", "floor in wasm: base64 + SHA-256 per certificate, 1,000 (nothing parsed)",
         b("floor_wasm_bundle1000"), "reference", ""),
        ("browser", "floor in JS: atob + WebCrypto SHA-256 per certificate, 1,000 (nothing parsed)",
         b("floor_js_bundle1000"), "reference", ""),
        ("native", "cert-preflight parse + fingerprint, 3-chain", n("parse_fingerprint_chain3"), "", ""),
        ("native", "cert-preflight parse + fingerprint, 1,000", n("parse_fingerprint_bundle1000"), "", ""),
        ("native", "floor: base64 + SHA-256 per certificate, 1,000 (nothing parsed)", n("floor_bundle1000"),
         "reference", ""),
        ("native", "cert-preflight full analysis, 3-chain + key", n("full_chain3_key"), "", ""),
        ("native", "cert-preflight full analysis, 1,000 (every signature verified)", n("full_bundle1000"),
         "≤ 1 s", status(n("full_bundle1000"), 1000)),
        ("native", "pyca/cryptography load + SHA-256 fingerprint, 3-chain (in-process)",
         p("parse_fingerprint_chain3"), "peer", ""),
        ("native", "pyca/cryptography load + SHA-256 fingerprint, 1,000 (in-process)",
         p("parse_fingerprint_bundle1000"), "peer", ""),
        ("process", "release CLI `inspect --json` on 1,000, whole process", cli,
         f"≤ pyca whole process ({ms(py)})", status(cli, py) if cli is not None and py is not None else "not measured"),
        ("process", "`python3 bench/pyca_bench.py --once` on 1,000, whole process", py, "reference", ""),
        ("process", "release CLI `inspect --json` on 1,000 against pyca doing the same work", cli,
         f"≤ pyca parse + fingerprint + every link verified ({ms(pyv)})",
         status(cli, pyv) if cli is not None and pyv is not None else "not measured"),
        ("process", "`python3 bench/pyca_bench.py --once --verify` on 1,000 (1,000 `verify_directly_issued_by`), "
         "whole process", pyv, "reference", ""),
        ("process", "CPU time (user + system) of the release CLI run above",
         figure(xr, "cert_preflight_cli", "cpu_median_ms"), "", ""),
        ("process", "CPU time (user + system) of the pyca run above", figure(xr, "pyca_python", "cpu_median_ms"),
         "", ""),
    ]

    meta = browser.get("meta", {})
    lines = [
        "# cert-preflight benchmark results",
        "",
        f"Written by bench/report.py on {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} "
        "from bench/results/*.json (see bench/README.md for what each figure means). "
        "Every figure is a median, judged against its target; the fastest sample is beside it (the "
        "machine's speed varies from moment to moment). ms = milliseconds of wall time.",
        "",
        "| where | figure | median | fastest | target | status |",
        "|---|---|---:|---:|---|---|",
    ]
    for where, what, value, target, verdict in rows:
        fastest = getattr(value, "best", None)
        lines.append(f"| {where} | {what} | {ms(value)} | {ms(fastest) if fastest is not None else ''} | {target} "
                     f"| {verdict} |")

    lines += [
        "",
        "Where a target is missed, bench/README.md (\"Notes\") says by how much and where the time goes, "
        "from the profiles summarised below.",
    ]

    hostile = sorted({c for c in list(nr) + list(br) if c.startswith("hostile_")})
    if hostile:
        lines += [
            "",
            "## Hostile inputs (issue 13)",
            "",
            "The whole analysis (`analyze_with`) of each input of bench/hostile.rs, made in the benchmark: "
            "natively (release build) and in the browser module (the page's build settings). No target: "
            "the figure is the worst case's cost; the anchors measured in the same run are the floor and "
            "the full analysis of 1,000 certificates above (native "
            f"{ms(n('floor_bundle1000'))} and {ms(n('full_bundle1000'))}, browser "
            f"{ms(b('floor_wasm_bundle1000'))} and {ms(b('ours_full_bundle1000'))}).",
            "",
            "| input | native median | native fastest | browser median | browser fastest | outcome |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for case in hostile:
            nv, bv = n(case), b(case)
            outcome = nr.get(case, {}).get("outcome", "")
            lines.append(f"| {case[len('hostile_'):].replace('_', ' ')} | {ms(nv)} | "
                         f"{ms(nv.best) if nv is not None else ''} | {ms(bv)} | "
                         f"{ms(bv.best) if bv is not None else ''} | {outcome} |")
        worst_n = max((n(c) or 0 for c in hostile), default=0)
        worst_b = max((b(c) or 0 for c in hostile), default=0)
        lines += ["", f"Worst median: native {ms(worst_n)}, browser {ms(worst_b)}."]

    def ratio(a, c):
        return f"{a / c:.1f}×" if a and c else "n/a"

    lines += [
        "",
        "Ratios (peer time / cert-preflight time, higher = cert-preflight faster):",
        f"- browser, 1,000: @peculiar/x509 / cert-preflight parse + fingerprint = "
        f"{ratio(b('peculiar_parse_fingerprint_bundle1000'), b('ours_parse_fingerprint_bundle1000'))}; "
        f"3-chain: {ratio(b('peculiar_parse_fingerprint_chain3'), b('ours_parse_fingerprint_chain3'))}",
        f"- native, 1,000: pyca in-process / cert-preflight parse + fingerprint = "
        f"{ratio(p('parse_fingerprint_bundle1000'), n('parse_fingerprint_bundle1000'))}; "
        f"3-chain: {ratio(p('parse_fingerprint_chain3'), n('parse_fingerprint_chain3'))}",
        f"- whole process, 1,000: pyca / cert-preflight CLI = {ratio(py, cli)}; "
        f"pyca with every link verified / cert-preflight CLI = {ratio(pyv, cli)}",
        "",
        "Work done (checked by the benchmarks, not timed):",
    ]
    for case in ("full_chain3_key", "full_bundle1000"):
        if case in nr:
            lines.append(f"- native {case}: {nr[case].get('outcome', '?')}")
    if meta:
        lines.append(
            f"- browser: signatures verified by the full analysis: 3-chain + key "
            f"{meta.get('chain3_signatures_verified')}, 1,000 {meta.get('bundle1000_signatures_verified')}; "
            f"wasm module {meta.get('wasm_bytes', 0):,} bytes (after wasm-opt -Oz), instantiated in "
            f"{meta.get('module_init_ms')} ms"
        )

    peculiar = "?"
    try:
        with open(os.path.join(HERE, "browser", "node_modules", "@peculiar", "x509", "package.json")) as f:
            peculiar = json.load(f)["version"]
    except OSError:
        pass
    lines += [
        "",
        "Samples per figure (runs × iterations per run):",
    ]
    for case, r in br.items():
        lines.append(f"- browser {case}: {r['samples']} samples × {r['batch']} iterations, "
                     f"min {ms(r['min_ms'])}, max {ms(r['max_ms'])}")
    for case, r in nr.items():
        lines.append(f"- native {case}: {r['runs']} runs, min {ms(r['min_ms'])}, max {ms(r['max_ms'])}")
    for case, r in pr.items():
        lines.append(f"- pyca {case}: {r['runs']} runs, min {ms(r['min_ms'])}, max {ms(r['max_ms'])}")
    for case, r in xr.items():
        lines.append(f"- process {case}: {r['runs']} runs, min {ms(r['min_ms'])}, max {ms(r['max_ms'])}")

    try:
        with open(os.path.join(RESULTS, "load.log")) as f:
            load_lines = [line.rstrip() for line in f if line.strip()]
    except OSError:
        load_lines = []
    if load_lines:
        lines += [
            "",
            "Load averages (1, 5, 15 min) at the start and end of each step (2 cores; the machine may be "
            "shared, and a load above 2 inflates the wall times above):",
            "",
            "```",
            *load_lines,
            "```",
        ]

    profiles = []
    for name in sorted(os.listdir(RESULTS)):
        if name.startswith("browser-profile-") and name.endswith(".json"):
            data = load(name)
            rows_ = data.get("top_self", [])[:8]
            profiles.append(f"- browser `{data.get('case')}` × {data.get('iterations')} "
                            f"({data.get('total_ms')} ms sampled), top self time: "
                            + "; ".join(f"{r['function'].split(' [')[0]} {r['share']}%" for r in rows_))
        elif name.startswith("perf-") and name.endswith(".txt") and not name.endswith("-inclusive.txt"):
            with open(os.path.join(RESULTS, name)) as f:
                top = [" ".join(line.replace("[.]", "").replace(" - -", " ").split()) for line in f if line.strip()][:10]
            profiles.append(f"- native `{name[5:-4]}` (perf), top self time: " + "; ".join(top))
    if profiles:
        lines += ["", "## Profiles (bench/run.sh profile; may be from another run than the figures)", "", *profiles]

    lines += [
        "",
        "## Machine",
        "",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores; {platform.system()} {platform.release()}",
        f"- {command_output('rustc', '-V')}; native builds use the release profile "
        "(opt-level 3, LTO, codegen-units 1, panic abort), as shipped",
        "- wasm: bench/wasm built with the same release settings for wasm32-unknown-unknown, "
        f"{command_output('wasm-bindgen', '--version')}, {command_output('wasm-opt', '--version')} (-Oz)",
        f"- browser: {meta.get('userAgent', '?')} (headless, /usr/bin/chromium), node {command_output('node', '--version')}",
        f"- peers: pyca/cryptography {pyca.get('version', '?')} on Python {pyca.get('python', '?')}; "
        f"@peculiar/x509 {peculiar}",
        "",
    ]
    out = os.path.join(RESULTS, "latest.md")
    with open(out + ".tmp", "w") as f:
        f.write("\n".join(lines))
    os.replace(out + ".tmp", out)
    print("\n".join(lines[:6 + len(rows)]))
    print(f"\nwrote {os.path.relpath(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
