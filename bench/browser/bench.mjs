// The browser benchmark page's script (bench/README.md). Loads the cert-preflight benchmark module
// (bench/wasm, built into ./pkg by bench/run.sh) and @peculiar/x509 (global `x509`, loaded by
// index.html), then times, on ../data/chain3.pem, chain3-key.pem and bundle1000.pem:
//   ours_parse_fingerprint_*   parse_fingerprint(bytes): PEM decoding + certificate::parse of every
//                              certificate (all fields, SHA-1 + SHA-256 fingerprints)
//   ours_full_*                analyze_full(bytes, key): the whole analysis, every issuer signature verified
//   peculiar_parse_fingerprint_*  PEM blocks split, `new x509.X509Certificate(pem)` per block and
//                              `await cert.getThumbprint("SHA-256")` (WebCrypto digest), sequentially
//   floor_wasm_*               floor(bytes): bench/floor.rs in wasm, base64 (base64ct) + one
//                              SHA-256 per certificate, nothing parsed: the least parse + fingerprint costs
//   floor_js_*                 the same in JavaScript: PEM blocks split, atob per body and
//                              `await crypto.subtle.digest("SHA-256")` per certificate, sequentially
//                              (the floor under @peculiar/x509, which uses both)
//   hostile_*                  analyze_hostile(i): the whole analysis of each hostile input of
//                              bench/hostile.rs (made inside the module), as the native benchmark names them
//
// Method: warm-up runs, then samples until a count or a time budget is reached (at least 5 samples);
// a sample times a batch of iterations with performance.now() and divides by the batch size (the batch
// is sized from a calibration run so that one sample lasts >= MIN_SAMPLE_MS: performance.now() is
// coarse, 0.1 ms, in a page that is not cross-origin isolated). The figure is the median per-iteration
// time over the samples. Results: window.__bench = { status, results, meta }, and a table on the page.
//
// URL parameters: ?cases=a,b (run only these), &quick=1 (one sample of one iteration each: smoke run).
// window.benchApi.runCase(name, iterations) runs one case untimed (used by run.mjs --profile).

import init, {
  parse_fingerprint, analyze_full, signatures_verified, floor,
  hostile_count, hostile_case, hostile_size, analyze_hostile,
} from './pkg/cert_preflight_bench_wasm.js';

const MIN_SAMPLE_MS = 20;
const params = new URLSearchParams(location.search);
const quick = params.get('quick') === '1';
const only = params.get('cases') ? new Set(params.get('cases').split(',')) : null;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

window.__bench = { status: 'loading', results: {}, meta: {} };
const status = (text) => { document.getElementById('status').textContent = text; };

async function fetchBytes(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function peculiarParseFingerprint(text) {
  const blocks = text.match(PEM_BLOCK) || [];
  let parsed = 0;
  for (const block of blocks) {
    const cert = new x509.X509Certificate(block);
    const thumbprint = await cert.getThumbprint('SHA-256');
    if (thumbprint.byteLength === 32) parsed += 1;
  }
  return parsed;
}

// Base64 + SHA-256 (WebCrypto) of each certificate, nothing parsed.
async function jsFloor(text) {
  const blocks = text.match(PEM_BLOCK) || [];
  let hashed = 0;
  for (const block of blocks) {
    const body = block.slice(27, -25).replace(/\s+/g, '');
    const binary = atob(body);
    const der = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) der[i] = binary.charCodeAt(i);
    const digest = await crypto.subtle.digest('SHA-256', der);
    if (digest.byteLength === 32) hashed += 1;
  }
  return hashed;
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function measure(spec) {
  const { fn, isAsync, warmup, maxSamples, budgetMs } = spec;
  const once = isAsync ? async () => fn() : fn;
  let result;
  for (let i = 0; i < (quick ? 0 : warmup); i += 1) result = isAsync ? await once() : once();
  const c0 = performance.now();
  result = isAsync ? await once() : once();
  const calibration = performance.now() - c0;
  const batch = quick ? 1 : Math.max(1, Math.min(1000, Math.ceil(MIN_SAMPLE_MS / Math.max(calibration, 0.005))));
  const samples = [];
  const started = performance.now();
  const wanted = quick ? 1 : maxSamples;
  while (samples.length < wanted && (samples.length < 5 || performance.now() - started < budgetMs)) {
    if (quick && samples.length >= 1) break;
    const t0 = performance.now();
    if (isAsync) {
      for (let k = 0; k < batch; k += 1) result = await fn();
    } else {
      for (let k = 0; k < batch; k += 1) result = fn();
    }
    samples.push((performance.now() - t0) / batch);
    await yieldToBrowser();
  }
  samples.sort((a, b) => a - b);
  return {
    result,
    batch,
    samples: samples.length,
    median_ms: +median(samples).toFixed(4),
    min_ms: +samples[0].toFixed(4),
    max_ms: +samples[samples.length - 1].toFixed(4),
  };
}

function show(name, r) {
  const row = document.createElement('tr');
  for (const cell of [name, r.result, r.batch, r.samples, r.median_ms, r.min_ms, r.max_ms]) {
    const td = document.createElement('td');
    td.textContent = String(cell);
    row.appendChild(td);
  }
  document.querySelector('#results tbody').appendChild(row);
}

async function main() {
  const t0 = performance.now();
  await init();
  const initMs = performance.now() - t0;
  const [chain3, key, bundle] = await Promise.all([
    fetchBytes('../data/chain3.pem'),
    fetchBytes('../data/chain3-key.pem'),
    fetchBytes('../data/bundle1000.pem'),
  ]);
  const chain3Text = new TextDecoder().decode(chain3);
  const bundleText = new TextDecoder().decode(bundle);
  const none = new Uint8Array(0);

  const cases = {
    ours_parse_fingerprint_bundle1000: { fn: () => parse_fingerprint(bundle), warmup: 3, maxSamples: 30, budgetMs: 6000 },
    ours_parse_fingerprint_chain3: { fn: () => parse_fingerprint(chain3), warmup: 20, maxSamples: 50, budgetMs: 3000 },
    ours_full_chain3_key: { fn: () => analyze_full(chain3, key), warmup: 10, maxSamples: 30, budgetMs: 3000 },
    ours_full_bundle1000: { fn: () => analyze_full(bundle, none), warmup: 1, maxSamples: 10, budgetMs: 25000 },
    peculiar_parse_fingerprint_chain3: { fn: () => peculiarParseFingerprint(chain3Text), isAsync: true, warmup: 20, maxSamples: 50, budgetMs: 3000 },
    peculiar_parse_fingerprint_bundle1000: { fn: () => peculiarParseFingerprint(bundleText), isAsync: true, warmup: 3, maxSamples: 30, budgetMs: 8000 },
    floor_wasm_bundle1000: { fn: () => floor(bundle), warmup: 3, maxSamples: 30, budgetMs: 3000 },
    floor_js_bundle1000: { fn: () => jsFloor(bundleText), isAsync: true, warmup: 3, maxSamples: 30, budgetMs: 4000 },
  };
  // The hostile inputs: few samples each (the large ones take seconds); the worst case is the figure.
  for (let i = 0; i < hostile_count(); i += 1) {
    const large = hostile_size(i) > 1_000_000;
    cases[hostile_case(i)] = { fn: () => analyze_hostile(i), warmup: 1, maxSamples: large ? 5 : 20, budgetMs: large ? 6000 : 3000 };
  }
  window.benchApi = {
    async runCase(name, iterations) {
      const spec = cases[name];
      if (!spec) throw new Error(`no case ${name}`);
      let result;
      for (let i = 0; i < iterations; i += 1) result = spec.isAsync ? await spec.fn() : spec.fn();
      return result;
    },
  };

  window.__bench.meta = {
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    module_init_ms: +initMs.toFixed(2),
    wasm_bytes: (await fetchBytes('./pkg/cert_preflight_bench_wasm_bg.wasm')).byteLength,
    chain3_signatures_verified: signatures_verified(chain3, key),
    bundle1000_signatures_verified: signatures_verified(bundle, none),
    quick,
  };
  for (const [name, spec] of Object.entries(cases)) {
    if (only && !only.has(name)) continue;
    status(`running ${name}…`);
    await yieldToBrowser();
    const r = await measure(spec);
    window.__bench.results[name] = r;
    show(name, r);
  }
  status('done');
  window.__bench.status = 'done';
}

main().catch((error) => {
  window.__bench.status = 'error';
  window.__bench.error = String(error && error.stack ? error.stack : error);
  status(`error: ${error}`);
});
