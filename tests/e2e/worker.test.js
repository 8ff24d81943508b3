// End-to-end: the page's Worker (src/ui/worker.rs, www/worker.js) does the work — a new input
// cancels the analysis in flight and its result never shows; a trap in the Worker shows the error
// banner and keeps what was typed; the Worker runs under the page's policy, with no request after
// load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { perFile, openApp as open } from './browser.js';
import { vectorFacts, vectorInput, largeBundle } from './fixtures.js';
import { assertSuiteStayedOnLoopback } from './netlog.js';

const TEST_TIMEOUT = 120_000;

const suite = perFile();
const openApp = () => open(suite);

test('the analysis runs in the page\'s Worker, loaded from this origin under the page\'s policy', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  assert.equal(await app.engine(), 'worker');
  const workers = page.workers();
  assert.equal(workers.length, 1, 'one dedicated Worker');
  assert.equal(new URL(workers[0].url()).pathname, '/worker.js');
  assert.equal(new URL(workers[0].url()).origin, new URL(suite.server.url).origin);
  // The Worker runs under its own policy (the headers of worker.js), which refuses a fetch to
  // another origin before it becomes a request (the net-log test below checks that it never left).
  const refused = await workers[0].evaluate(async () => {
    const violations = [];
    self.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    try {
      await fetch('https://example.com/');
    } catch {
      // Refused.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    return violations;
  });
  assert.deepEqual(refused, ['connect-src'], 'the Worker\'s policy refused the fetch');
  const facts = vectorFacts('public-isrg-root-x1');
  await app.pasteText(readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8'));
  await app.card(0).locator.waitFor();
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  assert.deepEqual(problems.filter((p) => !/example\.com|Content Security Policy|Failed to fetch/.test(p)), []);
  assert.deepEqual(requestsAfterLoad.filter((u) => !u.startsWith('https://example.com')), [], 'no request after load');
  await context.close();
});

test('an idle Worker analyses a certificate of its own once, nothing of it reaches the page, and material given first skips it', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  // Everything the page shows from now on.
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => window.__seen.push(document.querySelectorAll('[data-testid="certificate-card"], [data-testid="chain-verdict"], [data-code]').length))
      .observe(document.body, { childList: true, subtree: true });
  });
  const worker = page.workers()[0];
  const marks = () => worker.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('cert-preflight: warm-up')));
  for (let k = 0; k < 50 && (await marks()).length === 0; k++) await page.waitForTimeout(50);
  assert.deepEqual(await marks(), ['cert-preflight: warm-up run'], 'nothing had come: the warm-up ran, once');
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__seen.filter((n) => n > 0)), [], 'no card, verdict or finding of it');
  assert.match(await page.getByTestId('results').textContent(), /Paste or drop your certificate material above/);
  // The page's own first analysis is the user's.
  const facts = vectorFacts('public-isrg-root-x1');
  await app.pasteText(readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8'));
  await app.card(0).locator.waitFor();
  assert.equal(await app.cards.count(), 1);
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  assert.deepEqual(await marks(), ['cert-preflight: warm-up run']);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();

  // Material pasted as the paste area appears, before the Worker has started (the page hands it
  // over as it connects, whatever the machine's load): the warm-up does not run, so it can never
  // hold up that analysis. A paste made by the test once the page had loaded raced the Worker's
  // wait on a loaded machine.
  const pasteOnSight = (text) => {
    const observer = new MutationObserver(() => {
      const area = document.querySelector('[data-testid="paste"]');
      if (!area) return;
      observer.disconnect();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  const second = await open(suite, {
    initScript: [pasteOnSight, readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8')],
  });
  await second.app.card(0).locator.waitFor();
  const secondWorker = second.page.workers()[0];
  const secondMarks = () => secondWorker.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('cert-preflight: warm-up')));
  for (let k = 0; k < 50 && (await secondMarks()).length === 0; k++) await second.page.waitForTimeout(50);
  assert.deepEqual(await secondMarks(), ['cert-preflight: warm-up skipped']);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('a chain as uploaded (two links) is verified by the module, in one slice: WebCrypto is for many checks', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  const facts = vectorFacts('chain-ordered-leaf-int-root');
  await app.pasteText(readFileSync(vectorInput('chain-ordered-leaf-int-root', 'chain.pem'), 'utf8'));
  await app.heading('3 certificates').waitFor();
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  const marks = await page.workers()[0].evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => /WebCrypto/.test(n)));
  assert.deepEqual(marks, [], 'no check handed to WebCrypto');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a new input cancels the analysis in flight: the old result never shows', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  const big = readFileSync(largeBundle(), 'utf8');
  const small = readFileSync(vectorInput('chain-ordered-leaf-int-root', 'chain.pem'), 'utf8');
  // Record every certificate count the page ever shows from now on.
  await page.evaluate(() => {
    window.__counts = [];
    new MutationObserver(() => {
      window.__counts.push(document.querySelectorAll('[data-testid="certificate-card"]').length);
      const heading = [...document.querySelectorAll('h3')].find((h) => /certificates?$/.test(h.textContent));
      if (heading) window.__counts.push(heading.textContent);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  // The 2 MiB chain, then, while the Worker is still reading it, the 3-certificate chain.
  await app.pasteAtOnce(big);
  await app.page.getByTestId('analysing').waitFor();
  // The large paste is hidden behind a line: the user removes it, and pastes the small chain.
  await app.page.getByTestId('remove-text').click();
  await app.showText.waitFor({ state: 'detached' });
  await app.pasteAtOnce(small);
  await app.heading('3 certificates').waitFor({ timeout: 30_000 });
  // Longer than the big chain's whole analysis takes (≈ 1 s): its answer, had it come, would show.
  await page.waitForTimeout(4000);
  const counts = await page.evaluate(() => window.__counts);
  assert.ok(!counts.includes('1000 certificates') && !counts.includes(20), `the old result showed: ${counts.slice(0, 20).join(', ')}`);
  assert.equal(await app.cards.count(), 3);
  assert.equal(await app.paste.inputValue(), small);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a trap in the Worker shows the error banner and keeps what was typed', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, requestsAfterLoad } = await openApp();
  const typed = 'here is my certificate\n-----BEGIN CERTIFICATE-----\nMIIB (the rest is on the other laptop)\n';
  await app.pasteText(typed);
  await app.passphrase.fill('not a secret');
  assert.equal(await app.panic.count(), 0);
  // The Worker's module (the glue's init returns the instance the Worker already made), asked for
  // an allocation its allocator refuses (alignment 3): the release build aborts, as a panic does.
  const [worker] = page.workers();
  await worker.evaluate(async () => {
    const glue = await import('./cert-preflight.js');
    const exports = await glue.default();
    setTimeout(() => exports.__wbindgen_malloc(16, 3), 0);
  });
  const banner = app.panic;
  await banner.waitFor({ timeout: 10_000 });
  assert.equal(await banner.getAttribute('role'), 'alert');
  const said = await banner.textContent();
  assert.match(said, /^cert-preflight hit an internal error while analysing and has stopped\. Nothing was sent anywhere\. What you typed is still in the boxes below/);
  assert.ok(!said.includes('not a secret') && !said.includes('MIIB'), 'the banner holds no input');
  assert.equal(await app.paste.inputValue(), typed, 'the text is still there to copy');
  assert.equal(await app.passphrase.inputValue(), 'not a secret');
  // The page itself goes on: typing still works, and nothing is lost.
  await app.pasteText(`${typed}more\n`);
  assert.equal(await app.paste.inputValue(), `${typed}more\n`);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('Chromium\'s net log shows no DNS query and no connection off loopback, the Worker\'s included', { timeout: TEST_TIMEOUT }, async () => {
  // Runs last: closing the browser flushes the net log of every test above.
  const traffic = await assertSuiteStayedOnLoopback(suite);
  // The Worker's refused fetch never became a request.
  assert.ok(!traffic.browserRequests.some((r) => r.includes('example.com')), 'the refused fetch never left');
});
