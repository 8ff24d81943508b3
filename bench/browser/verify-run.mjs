// Drives the verification-route benchmark (bench/README.md, "Issue 16"): serves bench/ on a free
// loopback port (python3 -m http.server), opens browser/verify.html in Debian's headless Chromium
// (playwright-core from tests/e2e/node_modules), waits for its Worker (verify-worker.mjs) to finish
// and writes bench/results/verify-routes.json. Needs bench/browser/pkg (bench/run.sh builds it) and
// bench/data/links-*.pem (bench/verify/make_links.py). `--quick`: one sample each, no file written.
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '..');
const repo = path.resolve(benchDir, '..');
const { chromium } = await import(path.join(repo, 'tests/e2e/node_modules/playwright-core/index.mjs'));
const quick = process.argv.includes('--quick');
const TIMEOUT_MS = 900_000;

const port = await new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: benchDir, stdio: 'ignore' });
let browser;
let exitCode = 0;
try {
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try { if ((await fetch(`${origin}/browser/verify.html`)).ok) break; } catch { /* not up yet */ }
    if (i > 150) throw new Error('the static server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-features=NetworkTimeServiceQuerying',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${origin}/browser/verify.html${quick ? '?quick=1' : ''}`, { timeout: 60_000 });
  await page.waitForFunction(() => ['done', 'error'].includes(window.__verify?.status), null, { timeout: TIMEOUT_MS, polling: 250 });
  const verify = await page.evaluate(() => window.__verify);
  if (verify.status !== 'done') throw new Error(`the worker failed: ${verify.error}`);
  if (problems.length) throw new Error(problems.join('\n'));
  const userAgent = await page.evaluate(() => navigator.userAgent);
  console.log(`Chromium: ${userAgent}`);
  console.log(`${'case'.padEnd(32)} ${'verified'.padStart(9)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)}`);
  for (const r of Object.values(verify.results)) {
    console.log(`${r.name.padEnd(32)} ${String(r.verified).padStart(9)} ${r.median_ms.toFixed(1).padStart(10)} ${r.min_ms.toFixed(1).padStart(9)}`);
  }
  if (!quick) {
    const out = path.join(benchDir, 'results', 'verify-routes.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, `${JSON.stringify({ tool: 'issuer-link verification in a module Worker: wasm (the core) against WebCrypto', userAgent, results: verify.results }, null, 2)}\n`);
    renameSync(`${out}.tmp`, out);
    console.log(`wrote ${path.relative(repo, out)}`);
  }
} catch (error) {
  console.error(`verification-route bench failed: ${error.stack || error}`);
  exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill('SIGTERM');
}
process.exit(exitCode);
