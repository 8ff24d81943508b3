// Drives the browser benchmark (bench/README.md): serves bench/ with scripts/serve-dist.py (the one
// static server, through tests/e2e/server.js) on a free loopback port, opens browser/index.html in
// Debian's headless Chromium through playwright-core (from tests/e2e/node_modules; no browser
// download), waits for the page to finish and writes bench/results/browser.json. Every await has a timeout; the server is stopped with the run.
//
//   node bench/browser/run.mjs                 all cases -> bench/results/browser.json
//   node bench/browser/run.mjs --quick         one iteration of each case (smoke run), no file written
//   node bench/browser/run.mjs --cases a,b     only these cases, no file written
//   node bench/browser/run.mjs --profile CASE [--iterations N]
//        runs CASE N times under Chromium's CPU profiler (CDP Profiler domain) and writes
//        bench/results/browser-profile-CASE.json: the top functions by self time and the raw profile
//        (bench/results/browser-profile-CASE.cpuprofile, loadable in Chrome DevTools).

import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '..');
const repo = path.resolve(benchDir, '..');
const results = path.join(benchDir, 'results');
const { chromium } = await import(path.join(repo, 'tests/e2e/node_modules/playwright-core/index.mjs'));
const { serveDirectory, withTimeout } = await import(path.join(repo, 'tests/e2e/server.js'));

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const quick = flag('--quick');
const cases = option('--cases');
const profileCase = option('--profile');
const iterations = Number(option('--iterations') || 3);
const PAGE_TIMEOUT_MS = 600_000;

function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

// Self and inclusive time per function (name + script), from a CDP Profiler.Profile.
function topFunctions(profile, limit = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const keyOf = (node) => {
    const frame = node.callFrame;
    const script = frame.url ? path.basename(frame.url) : '';
    // Drop the Rust symbol hash suffix so that one function is one row.
    const name = (frame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
    return `${name}${script ? ` [${script}]` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    // Each sample's duration is the delta to the next sample.
    const dt = i + 1 < deltas.length ? deltas[i + 1] : 0;
    const key = keyOf(byId.get(id));
    self.set(key, (self.get(key) || 0) + dt);
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) seen.add(keyOf(byId.get(node)));
    for (const k of seen) inclusive.set(k, (inclusive.get(k) || 0) + dt);
    total += dt;
  });
  const rows = (map) => [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, us]) => ({ function: fn, ms: +(us / 1000).toFixed(1), share: +((100 * us) / total).toFixed(1) }));
  return { total_ms: +(total / 1000).toFixed(1), top_self: rows(self), top_inclusive: rows(inclusive) };
}

const server = await serveDirectory(benchDir);
const origin = `http://127.0.0.1:${server.port}`;
let browser;
let exitCode = 0;
try {
  browser = await withTimeout(chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-features=NetworkTimeServiceQuerying',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      // Extra flags for experiments (e.g. BENCH_CHROMIUM_FLAGS=--js-flags=--no-liftoff).
      ...(process.env.BENCH_CHROMIUM_FLAGS ? process.env.BENCH_CHROMIUM_FLAGS.split(' ') : []),
    ],
  }), 90_000, 'launching Chromium');
  const page = await withTimeout(browser.newPage(), 30_000, 'opening a page');
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));

  const query = new URLSearchParams();
  if (quick) query.set('quick', '1');
  if (cases) query.set('cases', cases);
  if (profileCase) query.set('cases', 'none');
  const url = `${origin}/browser/index.html${query.size ? `?${query}` : ''}`;
  await withTimeout(page.goto(url, { waitUntil: 'load', timeout: 60_000 }), 70_000, `loading ${url}`);
  await withTimeout(
    page.waitForFunction(() => window.__bench && ['done', 'error'].includes(window.__bench.status), null, { timeout: PAGE_TIMEOUT_MS, polling: 250 }),
    PAGE_TIMEOUT_MS + 5_000,
    'the benchmark page',
  );
  const bench = await withTimeout(page.evaluate(() => window.__bench), 30_000, 'reading the results');
  if (bench.status !== 'done') throw new Error(`the page failed: ${bench.error}`);
  if (problems.length) throw new Error(`the page reported problems:\n${problems.join('\n')}`);

  if (profileCase) {
    const cdp = await withTimeout(page.context().newCDPSession(page), 30_000, 'opening a CDP session');
    await withTimeout(cdp.send('Profiler.enable'), 30_000, 'Profiler.enable');
    await withTimeout(cdp.send('Profiler.setSamplingInterval', { interval: 100 }), 30_000, 'Profiler.setSamplingInterval');
    await withTimeout(cdp.send('Profiler.start'), 30_000, 'Profiler.start');
    const t0 = Date.now();
    const result = await withTimeout(
      page.evaluate(([name, n]) => window.benchApi.runCase(name, n), [profileCase, iterations]),
      PAGE_TIMEOUT_MS, `running ${profileCase} under the profiler`,
    );
    const wall = Date.now() - t0;
    const { profile } = await withTimeout(cdp.send('Profiler.stop'), 60_000, 'Profiler.stop');
    const summary = { case: profileCase, iterations, result, wall_ms: wall, ...topFunctions(profile) };
    writeFileSync(path.join(results, `browser-profile-${profileCase}.cpuprofile`), JSON.stringify(profile));
    writeJson(path.join(results, `browser-profile-${profileCase}.json`), summary);
    console.log(`${profileCase} x${iterations}: ${wall} ms wall, profile ${summary.total_ms} ms`);
    for (const [title, list] of [['self time', summary.top_self], ['inclusive time', summary.top_inclusive]]) {
      console.log(`-- top functions by ${title}`);
      for (const row of list) console.log(`${String(row.share).padStart(6)}%  ${String(row.ms).padStart(9)} ms  ${row.function}`);
    }
  } else {
    console.log(`Chromium: ${bench.meta.userAgent}`);
    console.log(`module: ${bench.meta.wasm_bytes} bytes, init ${bench.meta.module_init_ms} ms; signatures verified: chain3 ${bench.meta.chain3_signatures_verified}, bundle1000 ${bench.meta.bundle1000_signatures_verified}`);
    console.log(`${'case'.padEnd(40)} ${'result'.padStart(7)} ${'batch'.padStart(6)} ${'samples'.padStart(8)} ${'median ms'.padStart(11)} ${'min ms'.padStart(10)} ${'max ms'.padStart(10)}`);
    for (const [name, r] of Object.entries(bench.results)) {
      console.log(`${name.padEnd(40)} ${String(r.result).padStart(7)} ${String(r.batch).padStart(6)} ${String(r.samples).padStart(8)} ${r.median_ms.toFixed(4).padStart(11)} ${r.min_ms.toFixed(4).padStart(10)} ${r.max_ms.toFixed(4).padStart(10)}`);
    }
    if (!quick && !cases) {
      const out = path.join(results, 'browser.json');
      writeJson(out, { tool: 'cert-preflight wasm vs @peculiar/x509 in headless Chromium', meta: bench.meta, results: bench.results });
      console.log(`wrote ${path.relative(repo, out)}`);
    }
  }
} catch (error) {
  console.error(`browser bench failed: ${error.stack || error}`);
  exitCode = 1;
} finally {
  if (browser) await withTimeout(browser.close(), 30_000, 'closing Chromium').catch((e) => console.error(String(e)));
  await withTimeout(server.stop(), 10_000, 'stopping the server').catch((e) => console.error(String(e)));
}
process.exit(exitCode);
