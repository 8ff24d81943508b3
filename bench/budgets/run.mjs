// Measures the web app's two budgets (issue 5, tightened by issue 15) and writes the figures to files; it asserts
// nothing unless asked (--check), and it is never run as a test:
//
//   size   every file in dist/, raw, gzip (level 9) and brotli (quality 11), per file and in total,
//          against 350 KB brotli for the whole of dist/ (KB = 1000 bytes, the stricter reading);
//   load   load -> interactive in headless Chromium (Debian's /usr/bin/chromium through
//          playwright-core from tests/e2e/node_modules) on a loopback server, over N cold loads
//          (a fresh browser context each, so no HTTP or code cache), against 200 ms at the median.
//
// "Interactive" is measured inside the page with performance.now(), whose zero is the navigation
// start: a script injected before the page's own (Playwright's init script, which the page's CSP
// does not govern) waits for [data-testid=paste] to be visible, pastes a real certificate into it
// (the value set at once and one `input` event of type insertFromPaste, as a paste does), waits until the app renders a response ([data-testid=certificate-card]), then for the
// next animation frame. Reported per run: the textarea visible, the response in the DOM, the
// response painted (= interactive), and the navigation timing of the page itself.
//
// It builds nothing: build first with `bash scripts/build-page.sh` (the page's release build).
//
//   node bench/budgets/run.mjs [--runs N] [--dist DIR] [--check]
//   node bench/budgets/run.mjs --baseline OTHER_DIST [--runs N] [--dist DIR]   A/B, in turn, load by load
//   (cd tests/e2e && npm run budgets)
//
// Writes bench/results/budgets.json and bench/results/budgets.md (with --baseline: budgets-ab.*, not
// committed). --check exits 1 when a budget is
// exceeded. Every wait has a timeout; the static server (scripts/serve-dist.py, through
// tests/e2e/server.js) is a child process stopped at the end.

import { readFileSync, mkdirSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, withTimeout } from '../../tests/e2e/server.js';
import { PAGE_BUILD, attribute, namedBuild } from './attribution.mjs';
import { distSizes } from './size.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const results = path.join(repo, 'bench/results');

const argv = process.argv.slice(2);
const option = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : fallback; };
const RUNS = Number(option('--runs', 20));
const WARMUP = 2;
const DIST = path.resolve(option('--dist', process.env.DIST_DIR ?? path.join(repo, 'dist')));
const CHECK = argv.includes('--check');
// A/B: another build measured in the same run, load by load in turn with this one.
const BASELINE = option('--baseline') ? path.resolve(option('--baseline')) : null;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_BROTLI_BYTES = 350_000;
const BUDGET_INTERACTIVE_MS = 200;
/** The probe's console message once the response is painted. */
const DONE = 'cert-preflight-budget: interactive';
// What is pasted, and what the app's response to it looks like. The budget is judged on the first
// (a real certificate: decoding, fingerprints and signature checks run before the card shows); the
// second (text that is no certificate, answered by a diagnostic) shows the page's own latency.
const VARIANTS = [
  {
    name: 'certificate',
    input: 'tests/vectors/inspect/public-isrg-root-x1/input/isrg-root-x1.pem',
    response: '[data-testid="certificate-card"]',
  },
  { name: 'plain-text', text: 'my certificate is attached', response: '[data-code]' },
  // A returning user's load: the same paste as the first variant, on a second visit in the same
  // context once the first visit's service worker has installed and taken control (the page's files
  // from its cache, the browser's code caches warm). Reported beside the budget, not judged.
  {
    name: 'certificate, repeat visit',
    input: 'tests/vectors/inspect/public-isrg-root-x1/input/isrg-root-x1.pem',
    response: '[data-testid="certificate-card"]',
    repeat: true,
  },
];

function writeAtomic(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

function measureSizes() {
  const { files, total } = distSizes(DIST);
  return { files, total, budget_brotli_bytes: BUDGET_BROTLI_BYTES, within_budget: total.brotli <= BUDGET_BROTLI_BYTES };
}

/**
 * The static server for dir: scripts/serve-dist.py (the one server, tests/e2e/server.js), in a
 * process of its own, so that no response waits behind Playwright's protocol traffic.
 */
const serve = (dir) => withTimeout(serveDist(dir), 15_000, 'starting the static server');

// Runs in the page before any of its scripts. Stores its figures in window.__budget.
function probe({ text, response, DONE }) {
  const mark = (name) => { window.__budget[name] = performance.now(); };
  window.__budget = {};
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const responded = () => document.querySelector(response);
  let typed = false;
  const check = () => {
    if (!typed) {
      const area = document.querySelector('[data-testid="paste"]');
      if (!visible(area)) return;
      typed = true;
      mark('paste_visible');
      // What a paste does to a textarea: the whole text at once, then one `input` event
      // (inputType insertFromPaste). Not execCommand('insertText'): given text with line breaks it
      // inserts line by line and fires two `input` events per line (126 for a 63-line chain, measured
      // in this Chromium), so the app would analyse every growing prefix, which no paste or drop does.
      area.focus();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      // The app may answer inside the input handler (synchronously): this mark is after it.
      mark('input_handled');
    }
    if (typed && responded() && !('response_in_dom' in window.__budget)) {
      mark('response_in_dom');
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => {
        mark('interactive');
        // How the driver learns it is done: a console message. Polling from the driver
        // (page.waitForFunction) would make Playwright compile its injected script in the page while
        // it loads, which a trace showed holding the main thread for 28 ms.
        console.debug(DONE);
      }, 0));
    }
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

function quantile(sorted, q) {
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return { median: round(quantile(s, 0.5)), p90: round(quantile(s, 0.9)), min: round(s[0]), max: round(s[s.length - 1]), n: s.length };
}

async function measureLoad() {
  const { chromium } = await import(path.join(repo, 'tests/e2e/node_modules/playwright-core/index.mjs'));
  const builds = [{ dist: DIST, ...(await serve(DIST)) }];
  if (BASELINE) builds.push({ dist: BASELINE, ...(await serve(BASELINE)) });
  let browser;
  try {
    browser = await withTimeout(chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    }), 60_000, 'launching Chromium');
    const texts = VARIANTS.map((v) => v.text ?? readFileSync(path.join(repo, v.input), 'utf8'));
    const samples = builds.map(() => VARIANTS.map(() => []));
    // One cold load of each variant of each build in turn, round after round: a drift of the
    // machine's speed (it moves by tens of ms from minute to minute) hits every series alike, and
    // the plain-text variant, which does no certificate work, shows how fast the machine was.
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const [b, build] of builds.entries()) {
        for (const [v, variant] of VARIANTS.entries()) {
          const figures = await oneLoad(browser, build.url, variant, texts[v]);
          if (i >= WARMUP) samples[b][v].push(figures);
        }
      }
    }
    const series = builds.map((build, b) => VARIANTS.map((variant, v) => seriesOf(variant, samples[b][v])));
    const variants = series[0];
    const primary = variants[0];
    return {
      runs: RUNS,
      warmup_runs_discarded: WARMUP,
      chromium: browser.version(),
      budget_interactive_ms: BUDGET_INTERACTIVE_MS,
      budget_judged_on: primary.name,
      within_budget: primary.stats.interactive.median <= BUDGET_INTERACTIVE_MS,
      variants,
      ...(BASELINE ? { baseline: { dist: BASELINE, variants: series[1] } } : {}),
    };
  } finally {
    await browser?.close().catch(() => {});
    for (const build of builds) build.stop();
  }
}

/**
 * One cold load (a fresh context) of the page at url with `text` pasted: the probe's figures. A
 * `repeat` variant measures the second visit of that context, after the first one's service worker
 * controls the page.
 */
async function oneLoad(browser, url, variant, text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe, { text, response: variant.response, DONE });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const visit = async () => {
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 30_000 });
    await withTimeout(page.goto(url, { waitUntil: 'commit' }), 30_000, 'navigation');
    await withTimeout(done, 35_000, 'interactive');
  };
  await visit();
  if (variant.repeat) {
    // The loader registers the service worker once the page is idle; its install caches every file.
    await withTimeout(page.evaluate(() => navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
      const active = r.active;
      if (active.state === 'activated') resolve();
      else active.addEventListener('statechange', () => active.state === 'activated' && resolve());
    }))), 30_000, 'the service worker activated');
    await visit();
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      throw new Error('the repeat visit was not served by the service worker');
    }
  }
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    return {
      ...window.__budget,
      dom_content_loaded: nav?.domContentLoadedEventEnd,
      load_event: nav?.loadEventEnd,
      wasm_response_end: wasm?.responseEnd,
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  figures.input_handler = figures.input_handled - figures.paste_visible;
  figures.visible_to_interactive = figures.interactive - figures.paste_visible;
  return figures;
}

/** A variant's series of loads: its statistics per milestone and the samples. */
function seriesOf(variant, runs) {
  const keys = ['dom_content_loaded', 'wasm_response_end', 'load_event', 'paste_visible', 'input_handled',
    'response_in_dom', 'interactive', 'input_handler', 'visible_to_interactive'];
  const stats = Object.fromEntries(keys.filter((k) => runs.every((r) => typeof r[k] === 'number'))
    .map((k) => [k, summary(runs.map((r) => r[k]))]));
  return {
    name: variant.name,
    typed: variant.input ?? JSON.stringify(variant.text),
    response: variant.response,
    stats,
    samples_ms: runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10]))),
  };
}

function markdown(result) {
  const kb = (n) => (n / 1000).toFixed(1);
  const lines = [
    '# Web app budgets',
    '',
    `Measured ${result.measured_at} by \`node bench/budgets/run.mjs\` on ${result.machine.cpus} × ${result.machine.cpu_model} `
      + `(load average ${result.machine.load_average.join(' / ')} at start), dist: \`${result.dist}\`.`,
    '',
    `## Size of dist/ (budget: ≤ ${kb(result.size.budget_brotli_bytes)} KB brotli in total, KB = 1000 bytes)`,
    '',
    '| file | raw | gzip -9 | brotli q11 |',
    '|---|---:|---:|---:|',
    ...result.size.files.map((f) => `| ${f.file} | ${f.raw} | ${f.gzip} | ${f.brotli} |`),
    `| **total** | **${result.size.total.raw}** (${kb(result.size.total.raw)} KB) | **${result.size.total.gzip}** (${kb(result.size.total.gzip)} KB) | **${result.size.total.brotli}** (${kb(result.size.total.brotli)} KB) |`,
    '',
    `Brotli total ${kb(result.size.total.brotli)} KB of ${kb(result.size.budget_brotli_bytes)} KB: ${result.size.within_budget ? 'within budget' : '**over budget**'}.`,
    '',
  ];
  const without = result.size.without_encrypted_inputs;
  if (!result.size.within_budget && without) {
    const same = without.dist_brotli === result.size.total.brotli;
    lines.push(
      `What breaks it: PKCS#12 and encrypted keys. Without them (\`bash bench/budgets/without.sh\`, ${without.measured_at} at ${without.head}) `
        + `dist/ was ${kb(without.without_brotli)} KB against ${kb(without.dist_brotli)} KB with them: they cost ${kb(without.dist_brotli - without.without_brotli)} KB `
        + 'and buy PKCS#12 files with their password and encrypted private keys with their passphrase (PBES2, PKCS#12 3DES/RC2, legacy encrypted PEM). '
        + (same ? 'Measured on this dist/.' : `**Measured on another dist/ (${without.dist_brotli} bytes, this one ${result.size.total.brotli}): run it again.**`),
      '',
    );
  }
  const attribution = result.size.attribution;
  if (attribution) {
    const share = (n) => `${(100 * n / attribution.groups_total_brotli).toFixed(1)}%`;
    lines.push(
      '### What the wasm module\'s bytes buy',
      '',
      `From \`${attribution.source}\` with function names kept (bench/budgets/attribution.mjs): each function to the crate it was `
        + 'instantiated for, each group compressed on its own (brotli q11), so the groups add up to a little more than the module.',
      '',
      '| what it buys | crates | brotli | share |',
      '|---|---|---:|---:|',
      ...attribution.features.filter((f) => f.brotli > 0).map((f) => `| ${f.buys} | ${f.crates.join(', ')} | ${f.brotli} | ${share(f.brotli)} |`),
      '',
    );
  }
  const load = result.load;
  lines.push(
    `## Load → interactive (budget: ≤ ${load.budget_interactive_ms} ms, median, judged on "${load.budget_judged_on}")`,
    '',
    `Per variant, ${load.runs} cold loads (a fresh context each; "repeat visit": the second load of that context, served by the service worker the first installed; ${load.warmup_runs_discarded} warm-up rounds discarded; the variants `
      + `${load.baseline ? 'and the two builds ' : ''}in turn, load by load) in headless `
      + `Chromium ${load.chromium} from a loopback server; ms from navigation start (performance.now()), `
      + 'except the last two rows, which are durations: `input_handler` is the time the page spent in the `input` event '
      + '(the app analyses synchronously there), `visible_to_interactive` from the paste area visible to the response painted. '
      + '"interactive" = the paste area is visible, the text is pasted into it (one `input` event), and the response is in the DOM one animation '
      + 'frame later.',
    '',
  );
  for (const v of load.variants) {
    lines.push(
      `### ${v.name}: pastes ${v.typed}, waits for \`${v.response}\``,
      '',
      '| milestone | median | p90 | min | max |',
      '|---|---:|---:|---:|---:|',
      ...Object.entries(v.stats).map(([k, s]) => `| ${k === 'interactive' ? '**interactive**' : k} | ${s.median} | ${s.p90} | ${s.min} | ${s.max} |`),
      '',
    );
  }
  const primary = load.variants[0].stats.interactive;
  lines.push(
    `Interactive ("${load.budget_judged_on}") at ${primary.median} ms median, p90 ${primary.p90} ms: `
      + `${load.within_budget ? 'within budget' : '**over budget**'}.`,
    '',
  );
  if (load.baseline) {
    lines.push(
      `## A/B: \`${result.dist}\` against \`${load.baseline.dist}\` (measured in turn, load by load)`,
      '',
      '| variant | milestone | this build: median (p90) | baseline: median (p90) | difference of medians |',
      '|---|---|---:|---:|---:|',
    );
    for (const [i, v] of load.variants.entries()) {
      const b = load.baseline.variants[i];
      for (const k of ['paste_visible', 'input_handler', 'interactive']) {
        const d = Math.round((v.stats[k].median - b.stats[k].median) * 10) / 10;
        lines.push(`| ${v.name} | ${k} | ${v.stats[k].median} (${v.stats[k].p90}) | ${b.stats[k].median} (${b.stats[k].p90}) | ${d > 0 ? '+' : ''}${d} |`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

// What each part of the module buys, for the attribution table (crate -> feature of the product).
const BUYS = [
  [['cert_preflight'], 'cert-preflight\'s functions, with the dependency code inlined into them (certificate decoding into the analysis, for one): the analysis, the four targets\' rules, signing, the request renderers and the page\'s components'],
  [['der', 'spki', 'x509_cert', 'const_oid', 'pem_rfc7468', 'base64ct', 'base16ct', 'pkcs1', 'pkcs8', 'sec1', 'cms', 'flagset', 'hybrid_array'], 'reading DER and PEM: certificates, chains, keys, CSRs, PKCS#7 and PKCS#12 structures'],
  [['yew', 'implicit_clone', 'wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures', 'gloo_utils', 'serde_wasm_bindgen'], 'the page: components, DOM updates, the browser bridge'],
  [['(Rust std: core, alloc, fmt, collections)', '(runtime: allocator, builtins)', '__rustc', '(other)', '(unnamed)'], 'Rust\'s standard library (formatting, collections, allocator) and generic code it instantiates'],
  [['(data: strings, tables)'], 'strings and constant tables: diagnostics, rules and their sources, OID names, hash and cipher constants'],
  [['crypto_bigint', 'rsa'], 'RSA: signature checks (PKCS#1 v1.5, PSS) and key matching, 512 to 16,384 bits'],
  [['primeorder', 'elliptic_curve', 'p256', 'p384', 'p521', 'fiat_crypto', 'ecdsa', 'primefield', 'wnaf', 'ff', 'group'], 'ECDSA on P-256, P-384, P-521: signature checks and EC keys'],
  [['sm2', 'sm3'], 'SM2 with SM3: Chinese national certificates and keys (Huawei ELB server_sm)'],
  [['curve25519_dalek', 'ed25519_dalek', 'ed25519'], 'Ed25519 signatures and keys'],
  [['pkcs5', 'pkcs12', 'aes', 'des', 'rc2', 'cbc', 'cipher', 'scrypt', 'pbkdf2', 'salsa20', 'ctr', 'ghash', 'polyval', 'aes_gcm', 'universal_hash', 'block_padding', 'md5', 'cmov', 'ctutils'], 'encrypted keys (PBES2 with PBKDF2 or scrypt, legacy PEM) and PKCS#12 (AES, 3DES, RC2-40)'],
  [['sha1', 'sha2', 'digest', 'hmac', 'crypto_common', 'block_buffer', 'subtle'], 'fingerprints, signature hashes and request signing (HMAC-SHA1, HMAC-SHA256)'],
  [['serde_json', 'serde', 'serde_core', 'zmij', 'itoa', 'indexmap', 'ryu'], 'JSON request bodies'],
  [['punycode'], 'internationalised domain names in SANs'],
];

/**
 * The wasm module's brotli bytes by crate and by what they buy (bench/budgets/attribution.mjs), from
 * the page's module with function names kept (namedBuild). Null when the tools or the build are missing.
 */
function measureAttribution() {
  const named = namedBuild();
  if (!named) return null;
  const { rows } = attribute(named);
  const total = rows.reduce((sum, r) => sum + r.brotli, 0);
  const features = BUYS.map(([crates, buys]) => {
    const mine = rows.filter((r) => crates.includes(r.crate));
    return { buys, crates: mine.map((r) => r.crate), brotli: mine.reduce((sum, r) => sum + r.brotli, 0) };
  });
  const placed = new Set(BUYS.flatMap(([crates]) => crates));
  const rest = rows.filter((r) => !placed.has(r.crate));
  features.push({ buys: 'other crates, each under 1 KB', crates: rest.map((r) => r.crate), brotli: rest.reduce((sum, r) => sum + r.brotli, 0) });
  features.sort((a, b) => b.brotli - a.brotli);
  return { source: PAGE_BUILD, groups_total_brotli: total, features, crates: rows };
}

for (const dir of [DIST, BASELINE].filter(Boolean)) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${dir}/index.html is missing: build with \`bash scripts/build-page.sh\` first`);
    process.exit(2);
  }
}
const result = {
  measured_at: new Date().toISOString(),
  dist: DIST.startsWith(repo + path.sep) ? path.relative(repo, DIST) : DIST,
  machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model?.trim(), load_average: os.loadavg().map((x) => +x.toFixed(2)) },
  size: measureSizes(),
};
const withoutFile = path.join(results, 'budgets-without-encrypted-inputs.json');
if (existsSync(withoutFile)) result.size.without_encrypted_inputs = JSON.parse(readFileSync(withoutFile, 'utf8'));
// An A/B run is an experiment, not the budget's record: it skips the attribution and writes
// budgets-ab.{json,md}, leaving budgets.{json,md} as they are.
if (BASELINE) result.baseline = { dist: BASELINE, size: distSizes(BASELINE).total };
else result.size.attribution = measureAttribution();
result.load = await measureLoad();
const name = BASELINE ? 'budgets-ab' : 'budgets';
writeAtomic(path.join(results, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
const md = markdown(result);
writeAtomic(path.join(results, `${name}.md`), md);
console.log(md);
if (CHECK && !(result.size.within_budget && result.load.within_budget)) process.exit(1);
