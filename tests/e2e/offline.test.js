// Offline after one visit, installable, and updated whole: the service worker (www/sw.js), the
// manifest, and the headers the build asks a host for (dist/_headers, scripts/serve-dist.py).
// Each test serves its own copy of dist/ so that it can stop the server or deploy a "new version".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { AppPage } from './app-page.js';
import { launchBrowser, openApp } from './browser.js';
import { vectorFacts, vectorInput } from './fixtures.js';
import { DIST, ROOT, serveDist, withTimeout } from './server.js';

const TEST_TIMEOUT = 120_000;
const CHAIN = readFileSync(vectorInput('chain-ordered-leaf-int-root', 'chain.pem'), 'utf8');
const FACTS = vectorFacts('chain-ordered-leaf-int-root').certificates;

/**
 * A copy of dist/ in a temporary directory, served on its own port. Its files are dated an hour
 * back: the server answers the browser's revalidation of sw.js (If-Modified-Since, to the second)
 * with 304 when a "new version" is written within the second the copy was made, and the browser
 * then finds no update (a test that failed one run in three).
 */
async function servedCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-offline-'));
  cpSync(DIST, dir, { recursive: true });
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }
  const server = await serveDist(dir);
  return { dir, server, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Rewrites sw.js and _headers for the files now in `dir`, as the build does. */
function rebuildWorker(dir) {
  const run = spawnSync('node', [path.join(ROOT, 'scripts/write-sw.mjs'), dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

/** A browser context whose page has visited `url` once and is now controlled by the worker. */
async function visitOnce(browser, url) {
  const { context, page, app, problems } = await openApp({ browser }, { url, contextOptions: { serviceWorkers: 'allow' } });
  // Active means installed, and installing means every file fetched and checked.
  await withTimeout(page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), 30_000, 'the service worker');
  await app.open(url);
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the reloaded page is served by the worker');
  return { context, page, app, problems };
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after one visit the page loads and works with its server stopped', { timeout: TEST_TIMEOUT }, async () => {
  const { browser, cleanup } = await launchBrowser();
  const copy = await servedCopy();
  try {
    const { context, page, app, problems } = await visitOnce(browser, copy.server.url);
    await copy.server.stop();
    // The server is gone: a request that reaches it now fails.
    await assert.rejects(fetch(copy.server.url), 'the server is really stopped');
    await app.open(copy.server.url);
    // The Worker too came from the offline copy (app.open waits for it to answer).
    assert.equal(await app.engine(), 'worker');
    await app.pasteText(CHAIN);
    await app.waitForVerdict('ordered');
    for (const [index, facts] of FACTS.entries()) assert.equal(await app.card(index).sha256(), facts.sha256);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await copy.server.stop();
    copy.remove();
    await browser.close();
    cleanup();
  }
});

test('a new version offers "reload", and reloading gives the new version whole', { timeout: TEST_TIMEOUT }, async () => {
  const { browser, cleanup } = await launchBrowser();
  const copy = await servedCopy();
  try {
    const { context, page, app, problems } = await visitOnce(browser, copy.server.url);
    const [oldCache] = await cacheNames(page);
    const oldTitle = await page.title();
    // Deploy a new version as a build makes one: a changed stylesheet, the page with its new title
    // and the stylesheet's new integrity hash, and the worker for these files.
    const css = `${readFileSync(path.join(copy.dir, 'style.css'), 'utf8')}\n/* v2 */\n`;
    writeFileSync(path.join(copy.dir, 'style.css'), css);
    const index = path.join(copy.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<title>v2 ')
      .replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${createHash('sha384').update(css).digest('base64')}"`));
    rebuildWorker(copy.dir);
    await app.open(copy.server.url);
    // Still the old version, whole, until the user says so.
    assert.equal(await page.title(), oldTitle);
    await app.update.waitFor({ timeout: 30_000 });
    assert.match(await app.update.textContent(), /new version/);
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await app.updateReload.click();
    await reloaded;
    await app.paste.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.title(), `v2 ${oldTitle}`);
    const served = await page.evaluate(() => fetch('style.css').then((r) => r.text()));
    assert.equal(served, css, 'the new stylesheet with the new page');
    const names = await cacheNames(page);
    assert.equal(names.length, 1, `one cache: ${names}`);
    assert.notEqual(names[0], oldCache, 'the old version\'s cache is gone');
    assert.equal(await app.update.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await copy.server.stop();
    copy.remove();
    await browser.close();
    cleanup();
  }
});

test('a file that does not match the new worker\'s list fails its install: the running version stays', { timeout: TEST_TIMEOUT }, async () => {
  const { browser, cleanup } = await launchBrowser();
  const copy = await servedCopy();
  try {
    const { context, page, app } = await visitOnce(browser, copy.server.url);
    const before = await cacheNames(page);
    const oldTitle = await page.title();
    // A deploy caught half-way: the new worker lists a stylesheet that is not the one served.
    const css = path.join(copy.dir, 'style.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* v2 */\n`);
    rebuildWorker(copy.dir);
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* v3, not in the list */\n`);
    const failed = page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new Promise((resolve) => {
      r.addEventListener('updatefound', () => {
        const worker = r.installing;
        worker.addEventListener('statechange', () => { if (worker.state === 'redundant') resolve('redundant'); });
      });
    })));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update().catch(() => {})));
    assert.equal(await withTimeout(failed, 30_000, 'the new worker\'s install'), 'redundant');
    assert.deepEqual(await cacheNames(page), before, 'only the running version\'s cache');
    assert.equal(await app.update.count(), 0, 'no update offered');
    await app.open(copy.server.url);
    assert.equal(await page.title(), oldTitle);
    await context.close();
  } finally {
    await copy.server.stop();
    copy.remove();
    await browser.close();
    cleanup();
  }
});

test('the page can be installed: Chromium finds no installability error', { timeout: TEST_TIMEOUT }, async () => {
  // Installing needs a profile of one's own (a fresh context counts as incognito).
  const { context, cleanup } = await launchBrowser({ persistent: true });
  const copy = await servedCopy();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const app = new AppPage(page);
    await app.open(copy.server.url);
    await withTimeout(page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), 30_000, 'the service worker');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
    assert.equal(manifest.display, 'standalone');
  } finally {
    await copy.server.stop();
    copy.remove();
    await context.close();
    cleanup();
  }
});

test('the host is told the page\'s policy (with frame-ancestors) and the worker\'s own', { timeout: TEST_TIMEOUT }, async () => {
  const server = await serveDist();
  try {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
    for (const page of ['', 'index.html']) {
      const response = await fetch(`${server.url}${page}`);
      assert.equal(response.headers.get('content-security-policy'), `${meta}; frame-ancestors 'none'`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    }
    assert.match(meta, /worker-src 'self'/);
    assert.match(meta, /manifest-src 'self'/);
    const sw = await fetch(`${server.url}sw.js`);
    assert.equal(sw.headers.get('content-security-policy'), "default-src 'none'; connect-src 'self'");
    assert.equal(sw.headers.get('cache-control'), 'no-cache');
    // The page's Worker runs under the policy of its own response: only this origin's scripts and
    // fetches, and compiling the module.
    const worker = await fetch(`${server.url}worker.js`);
    assert.equal(worker.headers.get('content-security-policy'), "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
    assert.equal((await fetch(`${server.url}_headers`)).status, 404, 'the header file itself is not served');
    assert.equal((await fetch(`${server.url}cert-preflight_bg.wasm`)).headers.get('content-type'), 'application/wasm');
  } finally {
    await server.stop();
  }
});
