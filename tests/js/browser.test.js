// The built package imported by a module in Debian's Chromium (playwright-core), served by the
// project's static server (scripts/serve-dist.py) under the page's Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`), in a page and in a module Worker: analyze gives what
// inspect --json prints for a vector case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PACKAGE, ROOT, inspectCases, inspectWithCli } from './cli.js';

// The page's own policy, as index.html states it.
const CSP = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(ROOT, 'index.html'), 'utf8'))[1];
let dir; let server; let browser; let url;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 200; i += 1) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the static server did not start');
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-js-'));
  cpSync(PACKAGE, path.join(dir, 'cert-preflight'), { recursive: true });
  // The policy as a header (serve-dist.py sends what _headers names) and as the page's meta.
  writeFileSync(path.join(dir, '_headers'), `/*\n  Content-Security-Policy: ${CSP}\n`);
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="data:,">
<script type="module" src="main.js"></script></head><body></body></html>\n`);
  writeFileSync(path.join(dir, 'main.js'), `import * as pkg from './cert-preflight/index.js';
window.certPreflight = pkg;
window.inWorker = (options) => new Promise((resolve, reject) => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => { worker.terminate(); event.data.ok ? resolve(event.data.value) : reject(new Error(event.data.error)); };
  worker.onerror = (event) => { worker.terminate(); reject(new Error(event.message)); };
  worker.postMessage(options);
});
document.title = 'ready';
`);
  writeFileSync(path.join(dir, 'worker.js'), `import { analyze } from './cert-preflight/index.js';
self.onmessage = async (event) => {
  try { self.postMessage({ ok: true, value: await analyze(event.data) }); }
  catch (error) { self.postMessage({ ok: false, error: String(error) }); }
};
`);
  const port = await freePort();
  server = spawn('python3', [path.join(ROOT, 'scripts/serve-dist.py'), '--bind', '127.0.0.1', '--directory', dir, String(port)],
    { stdio: 'ignore' });
  await waitForPort(port);
  url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-features=NetworkTimeServiceQuerying',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('analyze in a browser page and a module Worker under the page\'s CSP = inspect --json', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(url);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });
  const cases = inspectCases().filter((c) => ['chain-ordered-leaf-int-root', 'key-pkcs1-rsa-matches-leaf'].includes(c.name)
    || c.passphrase !== undefined).slice(0, 4);
  assert.ok(cases.length >= 3);
  for (const c of cases) {
    const options = { now: c.now, files: c.files.map((f) => ({ name: f.name, data: Array.from(f.data) })) };
    if (c.passphrase !== undefined) options.passphrase = c.passphrase;
    const expected = inspectWithCli(c).json;
    const inPage = await page.evaluate((o) => window.certPreflight.analyze({
      ...o, files: o.files.map((f) => ({ name: f.name, data: new Uint8Array(f.data) })),
    }), options);
    assert.deepEqual(inPage, expected, `${c.name} in the page`);
    const inWorker = await page.evaluate((o) => window.inWorker({
      ...o, files: o.files.map((f) => ({ name: f.name, data: new Uint8Array(f.data) })),
    }), options);
    assert.deepEqual(inWorker, expected, `${c.name} in a Worker`);
  }
  const error = await page.evaluate(() => window.certPreflight.check({ files: [], provider: 'x' })
    .then(() => null, (e) => ({ name: e.name, code: e.code, typed: e instanceof window.certPreflight.CertPreflightError })));
  assert.deepEqual(error, { name: 'CertPreflightError', code: 'missing-files', typed: true });
  assert.deepEqual(problems, [], 'no console error (a CSP refusal would be one)');
  await page.close();
});
