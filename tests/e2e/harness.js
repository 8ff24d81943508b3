// Test harness: serves the release dist/ on loopback and launches Debian's Chromium with every
// background service off and a net log, so a test can prove the page talks to nobody.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DIST_DIR ?? path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`static server exited early (${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`static server on port ${port} did not start`);
}

/**
 * Serves a built page (dist/, or `dir`) on a fresh loopback port with scripts/serve-dist.py, the
 * server scripts/serve.sh runs, which sends the headers the build's _headers file names; returns
 * { url, port, stop }.
 */
export async function serveDist(dir = DIST) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build with bash scripts/build-page.sh first`);
  }
  const port = await freePort();
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve-dist.py'), String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  await waitForPort(port, child, 10_000);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    /** Stops the server; resolves when it has exited (the port then refuses connections). */
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

const DISABLED_FEATURES = [
  // Playwright's own defaults (playwright-core's chromium switches).
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  // Ours: autofill's server queries, the sign-in account check, interest-group and privacy-sandbox
  // fetches, and the optimisation guide's model downloads.
  'AutofillServerCommunication', 'AccountConsistency', 'InterestFeedContentSuggestions',
  'OptimizationGuideModelDownloading', 'PrivacySandboxSettings4', 'Translate', 'DialMediaRouteProvider',
];

/**
 * For a test file: before its tests, serves dist/ and launches Chromium (`launchOptions` as for
 * launchBrowser); after them, closes and stops both. Returns the object that then holds `server`,
 * `browser`, `netLog` and `cleanup`; a test that closes the browser itself (the net-log tests)
 * sets `browser` to null.
 */
export function perFile(launchOptions) {
  const suite = {};
  before(async () => {
    suite.server = await serveDist();
    Object.assign(suite, await launchBrowser(launchOptions));
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.stop();
    suite.cleanup?.();
  });
  return suite;
}

/**
 * Chromium with no background networking, every host but loopback unresolvable, and a net log.
 * `extraArgs` adds switches (the screenshots add those that make rasterisation repeatable).
 * `persistent` launches with a profile directory of its own and returns its `context` instead of
 * `browser` (what only a real profile can do, such as installing the page).
 */
export async function launchBrowser({ extraArgs = [], persistent = false } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-e2e-'));
  const netLog = path.join(dir, 'netlog.json');
  const options = {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Chromium keeps only the last --disable-features flag, so this one repeats what Playwright
      // disables and adds the background services that still reached for Google hosts here.
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      `--log-net-log=${netLog}`, '--net-log-capture-mode=Everything',
      ...extraArgs,
    ],
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (persistent) {
    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), options);
    return { context, netLog, cleanup };
  }
  return { browser: await chromium.launch(options), netLog, cleanup };
}

/**
 * Reads a Chromium net log written by --log-net-log (after the browser closed). Returns
 * - `dns`: host lookups of any name but loopback that were not refused locally by the
 *   --host-resolver-rules map (which rewrites them to `~notfound`), and every real DNS task;
 * - `connections`: TCP connection attempts to any address off loopback, and any byte sent on a UDP
 *   socket aimed off loopback;
 * - `pageRequests`: URL requests initiated by a loopback page (ours) to any other origin;
 * - `browserRequests`: Chromium's own background URL requests (informational: they end at the
 *   resolver map, before any DNS query or connection, and are not the page's).
 */
export function offLoopbackTraffic(netLogPath) {
  let text = readFileSync(netLogPath, 'utf8').trim();
  // Chromium may leave the events array unterminated if it is killed; close it.
  if (!text.endsWith('}')) text = text.replace(/,\s*$/, '') + ']}';
  const log = JSON.parse(text);
  const typeNames = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  const loopback = (host) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(:\d+)?$/.test(host);
  const hostOf = (value) => value.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  const result = { dns: [], connections: [], pageRequests: [], browserRequests: [], events: log.events.length };
  // UDP sockets connect()ed off loopback. Chromium's resolver connects one to 2001:4860:4860::8888
  // to learn whether IPv6 is routable (HOST_RESOLVER_MANAGER_IPV6_REACHABILITY_CHECK): connect() on a
  // UDP socket sends nothing, so only a datagram actually sent on such a socket counts.
  const udpOffLoopback = new Map();
  for (const event of log.events) {
    const type = typeNames[event.type] ?? String(event.type);
    const p = event.params ?? {};
    if (type.startsWith('HOST_RESOLVER') && typeof p.host === 'string') {
      const host = hostOf(p.host);
      if (!loopback(host) && !host.startsWith('~notfound')) result.dns.push(`${type} ${p.host}`);
    }
    if (type.startsWith('HOST_RESOLVER_DNS_TASK') || type.startsWith('DNS_TRANSACTION')) {
      result.dns.push(`${type} ${JSON.stringify(p)}`);
    }
    if (/^(TCP_CONNECT|UDP_CONNECT|SOCKET_CONNECT)/.test(type) && typeof p.address === 'string') {
      if (loopback(p.address)) continue;
      if (type === 'TCP_CONNECT' || type === 'TCP_CONNECT_ATTEMPT') result.connections.push(`${type} ${p.address}`);
      else udpOffLoopback.set(event.source.id, p.address);
    }
    if (/BYTES_SENT/.test(type) && udpOffLoopback.has(event.source.id)) {
      result.connections.push(`${type} to ${udpOffLoopback.get(event.source.id)}`);
    }
    if (type === 'URL_REQUEST_START_JOB' && typeof p.url === 'string') {
      const url = new URL(p.url);
      if (['data:', 'blob:', 'chrome:', 'about:'].includes(url.protocol) || loopback(url.host)) continue;
      const initiator = typeof p.initiator === 'string' ? hostOf(p.initiator) : '';
      (loopback(initiator) ? result.pageRequests : result.browserRequests).push(`${p.url} (initiator ${p.initiator ?? 'none'})`);
    }
  }
  return result;
}

/**
 * Closes `browser` (which flushes its net log) and asserts that the log shows no DNS query, no
 * connection off loopback and no page request off loopback; returns what was found, for more checks.
 */
export async function assertNoTrafficOffLoopback(browser, netLogPath) {
  await withTimeout(browser.close(), 20_000, 'closing Chromium');
  const traffic = offLoopbackTraffic(netLogPath);
  assert.ok(traffic.events > 100, `the net log has events (${traffic.events})`);
  assert.deepEqual(traffic.dns, [], 'no DNS query');
  assert.deepEqual(traffic.connections, [], 'no connection off loopback');
  assert.deepEqual(traffic.pageRequests, [], 'the page asked for nothing off loopback');
  return traffic;
}

/** Rejects after `ms` so that no test can hang the runner. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]);
}

/** Facts pyca/cryptography read from a vector case (tests/vectors/generate.py). */
export function vectorFacts(caseName) {
  return JSON.parse(readFileSync(path.join(ROOT, 'tests/vectors/inspect', caseName, 'facts.json'), 'utf8'));
}

export function vectorInput(caseName, fileName) {
  return path.join(ROOT, 'tests/vectors/inspect', caseName, 'input', fileName);
}

/** The source of axe-core (npm), to evaluate in a page. */
export function axeSource() {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

/**
 * A fresh context and page on the app that records console errors, page errors and every request
 * made after load. `contextOptions` go to browser.newContext (viewport, colorScheme, permissions).
 * `fixedTime` (a Date) pins Date.now for deterministic text such as "N days left".
 */
export async function openSession(browser, url, { contextOptions = {}, fixedTime, installTime } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  if (installTime) await page.clock.install({ time: installTime });
  const problems = [];
  const requestsAfterLoad = [];
  let loaded = false;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (loaded) requestsAfterLoad.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('paste').waitFor({ state: 'visible', timeout: 10_000 });
  loaded = true;
  return { context, page, problems, requestsAfterLoad };
}

/**
 * Starts tests/server/verify_server.py (the loopback HTTPS server that re-signs requests with the
 * vendors' SDKs) as tests/requests.rs does: secrets only through the environment, a throwaway CA,
 * and a test-only .curlrc in CURL_HOME that points curl at it. Returns { dir, records(), bash(), stop() }.
 */
export async function startVerifyServer({ alibaba = {}, huawei = {}, tokens = [], sans = [] } = {}) {
  const python = path.join(ROOT, '.venv/bin/python');
  if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/setup.sh --python`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-verify-'));
  const record = path.join(dir, 'record.jsonl');
  const ready = path.join(dir, 'ready.json');
  const args = [path.join(ROOT, 'tests/server/verify_server.py'), '--cert-dir', path.join(dir, 'certs'),
    '--record', record, '--ready-file', ready];
  for (const san of sans) args.push('--san', san);
  const child = spawn(python, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ALIBABA_TEST_SECRETS: JSON.stringify(alibaba),
      HUAWEI_TEST_SECRETS: JSON.stringify(huawei),
      HUAWEI_TEST_TOKENS: JSON.stringify(tokens),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const until = Date.now() + 60_000;
  while (!existsSync(ready)) {
    if (child.exitCode !== null) throw new Error(`verify_server.py exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > until) throw new Error(`verify_server.py did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { port, ca } = JSON.parse(readFileSync(ready, 'utf8'));
  // curl wants the values quoted in a .curlrc.
  writeFileSync(path.join(dir, '.curlrc'), `cacert = "${ca}"\nconnect-to = "::127.0.0.1:${port}"\n`);
  return {
    dir,
    port,
    records: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    /** Runs a script in bash with curl pointed at this server; HOME is the server's directory. */
    bash: (script, env = {}) => {
      const result = spawnSync('bash', ['-c', script], {
        cwd: dir,
        env: { PATH: process.env.PATH, LANG: 'C.UTF-8', CURL_HOME: dir, HOME: dir, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
    },
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything the page could have kept, read from inside the page. */
export async function readPageStorage(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const session = Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]));
    const databases = await indexedDB.databases();
    const indexed = {};
    for (const { name } of databases) {
      indexed[name] = await new Promise((resolve) => {
        const request = indexedDB.open(name);
        request.onerror = () => resolve({ error: String(request.error) });
        request.onsuccess = async () => {
          const db = request.result;
          const stores = {};
          for (const store of db.objectStoreNames) {
            stores[store] = await new Promise((done) => {
              const all = db.transaction(store).objectStore(store).getAll();
              all.onsuccess = () => done(all.result);
              all.onerror = () => done({ error: String(all.error) });
            });
          }
          db.close();
          resolve(stores);
        };
      });
    }
    const cacheNames = 'caches' in window ? await caches.keys() : [];
    const cached = {};
    for (const name of cacheNames) {
      const cache = await caches.open(name);
      cached[name] = [];
      for (const request of await cache.keys()) {
        const bytes = await (await cache.match(request)).arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        cached[name].push({
          url: request.url,
          sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
          body: new TextDecoder().decode(bytes),
        });
      }
    }
    const workers = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
    return {
      localStorage: local,
      sessionStorage: session,
      indexedDB: indexed,
      cookie: document.cookie,
      url: location.href,
      historyState: history.state,
      windowName: window.name,
      caches: cached,
      serviceWorkers: workers.map((w) => w.scope),
    };
  });
}

/**
 * Asserts that what readPageStorage found in Cache Storage and service workers is the page's own
 * offline copy and nothing else: caches named cert-preflight-<version> holding files of the build in
 * `dir` (dist/), byte for byte (the service worker's install may still be under way, so a subset),
 * and no service worker but the page's, at the page's own scope.
 */
export function assertOnlyOwnOfflineCopy(stored, pageUrl, dir = DIST) {
  for (const [name, entries] of Object.entries(stored.caches)) {
    assert.match(name, /^cert-preflight-[0-9a-f]{16}$/, `a cache of the page's service worker: ${name}`);
    for (const { url, sha256 } of entries) {
      assert.ok(url.startsWith(pageUrl), `${url} is of the page's origin`);
      const file = path.join(dir, url.slice(pageUrl.length));
      assert.ok(existsSync(file), `${url} is a file of the build`);
      assert.equal(sha256, createHash('sha256').update(readFileSync(file)).digest('hex'), `${url} is the build's file`);
    }
  }
  for (const scope of stored.serviceWorkers) assert.equal(scope, pageUrl, 'the only service worker is the page\'s');
}

let largeBundleDir;
/**
 * A 2 MiB bundle of 1,000 real RSA-2048 certificates (1 root, 20 intermediates, 979 leaves), made
 * once per run by bench/make_inputs.py with pyca/cryptography; returns its path.
 */
export function largeBundle() {
  if (!largeBundleDir) {
    const python = path.join(ROOT, '.venv/bin/python');
    if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/setup.sh --python`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-bundle-'));
    const made = spawnSync(python, [path.join(ROOT, 'bench/make_inputs.py'), '--out', dir], { encoding: 'utf8', timeout: 120_000 });
    if (made.status !== 0) throw new Error(`make_inputs.py failed: ${made.stderr}`);
    largeBundleDir = dir;
  }
  return path.join(largeBundleDir, 'bundle1000.pem');
}

/** The command-line twin's `inspect --json` report of a file (the native build of the same core). */
export function inspectJson(file) {
  const binary = path.join(ROOT, 'target/debug/cert-preflight');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: cargo build (scripts/test.sh runs cargo test first)`);
  const run = spawnSync(binary, ['inspect', '--json', file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return JSON.parse(run.stdout);
}

