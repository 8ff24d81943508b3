// The page's selector contract (data-testid and data-* attributes) that the page object and the
// flows rely on, checked state by state, so that a renamed or missing hook fails here by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TARGETS } from './app-page.js';
import { CORE_TARGETS } from './core.js';
import { perFile, openApp } from './browser.js';
import { vectorInput } from './fixtures.js';
import { SCENES } from './scenes.js';

const TEST_TIMEOUT = 120_000;
const read = (caseName, file) => readFileSync(vectorInput(caseName, file), 'utf8');


const suite = perFile();

function missing(found) {
  return Object.entries(found).filter(([, els]) => els.length === 0).map(([id]) => id);
}

async function withPage(fn) {
  const session = await openApp(suite);
  try {
    await fn(session.app);
    assert.deepEqual(session.problems, []);
  } finally {
    await session.context.close();
  }
}

test('contract: target picker, material boxes, credentials and the generate button', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(async (app) => {
    const found = await app.hooks([
      ...TARGETS.map((t) => `target-${t}`), 'region', 'auth', 'paste', 'file-pick', 'key-paste', 'key-file-pick',
      'csr-paste', 'csr-file-pick', 'passphrase', 'access-key-id', 'access-key-secret', 'generate',
    ]);
    assert.deepEqual(missing(found), []);
    for (const t of TARGETS) assert.equal(found[`target-${t}`][0].type, 'radio', t);
    assert.equal(found.region[0].tag, 'input');
    assert.ok(found.region[0].list, 'region has a datalist');
    assert.ok(await app.regionSuggestions(found.region[0].list).count() > 0, 'the datalist has regions');
    assert.equal(found.auth[0].tag, 'select');
    for (const id of ['paste', 'key-paste', 'csr-paste']) assert.equal(found[id][0].tag, 'textarea', id);
    for (const id of ['file-pick', 'key-file-pick', 'csr-file-pick']) assert.equal(found[id][0].type, 'file', id);
    assert.equal(found.passphrase[0].type, 'password');
    assert.equal(found['access-key-secret'][0].type, 'password');
    const schemes = {};
    for (const t of TARGETS) {
      await app.chooseTarget(t);
      schemes[t] = await app.authValues();
    }
    assert.deepEqual(schemes, Object.fromEntries(CORE_TARGETS.map((t) => [t.id, t.schemes])), 'the schemes the core lists');
    // A legacy target says so, naming its successor; the others do not.
    for (const t of CORE_TARGETS) {
      await app.chooseTarget(t.id);
      assert.equal(await app.legacyNote.count(), t.legacy ? 1 : 0, t.id);
      if (t.legacy) {
        const successor = CORE_TARGETS.find((s) => s.id === t.legacy.successor);
        assert.ok((await app.legacyNote.textContent()).includes(successor.title), 'the note names the successor');
      }
    }
  });
});

test('contract: fields per target, add-tag, field errors, token-env and domain-id', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(async (app) => {
    await app.chooseTarget('alibaba-slb-ca');
    assert.deepEqual(missing(await app.hooks(['field-CACertificateName', 'field-Tag.1.Key', 'field-Tag.1.Value', 'add-tag'])), []);
    await app.addTag.click();
    assert.deepEqual(missing(await app.hooks(['field-Tag.2.Key', 'field-Tag.2.Value'])), []);
    await app.chooseTarget('alibaba-kms');
    await app.field('CertificateId').fill('not-a-uuid');
    // The field's check is the Worker's answer: wait for it (counting at once raced it under load).
    await app.fieldError('CertificateId').first().waitFor({ timeout: 10_000 });
    assert.ok(await app.fieldError('CertificateId').count() > 0, 'field-error-CertificateId shows');
    assert.ok(await app.fieldError('CertificateId').first().getAttribute('data-code'));
    await app.chooseTarget('huawei-ccm-pca');
    await app.auth.selectOption('aksk');
    assert.deepEqual(missing(await app.hooks(['field-ca_id', 'domain-id'])), []);
    await app.chooseTarget('huawei-elb');
    const elb = await app.hooks(['field-project_id', 'field-name', 'field-type', 'field-domain']);
    assert.deepEqual(missing(elb), []);
    assert.equal(elb['field-type'][0].tag, 'select');
    await app.auth.selectOption('token');
    assert.equal(await app.tokenEnv.inputValue(), 'HUAWEI_TOKEN');
  });
});

test('contract: certificate cards, chain view, diagnostics and fixes', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(async (app) => {
    await SCENES.pasted(app); // a shuffled chain with its root, and a key pasted into the certificate box
    await app.movedNote.first().waitFor();
    const found = await app.hooks([
      'certificate-card', 'cert-subject', 'cert-sha256', 'cert-sans', 'cert-timeline', 'cert-key', 'copy-sha256',
      'chain-view', 'chain-verdict', 'chain-node', 'chain-link', 'fix-order', 'fix-drop-root', 'fix-normalise',
      'fix-convert-key', 'fix-changes', 'fix-before', 'fix-after',
    ]);
    assert.deepEqual(missing(found), []);
    assert.equal(found['certificate-card'].length, 3);
    assert.equal(await app.verdict(), 'reorderable');
    const nodes = await app.chainNodes.evaluateAll((ns) => ns.map((n) => n.dataset.index));
    assert.deepEqual([...nodes].sort(), ['0', '1', '2']);
    const statuses = await app.chainLinks.evaluateAll((ls) => ls.map((l) => l.dataset.status));
    assert.ok(statuses.length > 0 && statuses.every((s) => ['verified', 'failed', 'unchecked'].includes(s)), statuses.join());
    const groups = await app.diagnosticGroups();
    assert.ok(groups.length > 0 && groups.every((g) => ['diagnostics-error', 'diagnostics-warning', 'diagnostics-info'].includes(g)), groups.join());
  });
  await withPage(async (app) => {
    await SCENES.reorderable(app); // no root: the missing issuer shows
    assert.ok(await app.chainMissing.count() > 0, 'chain-missing');
  });
  await withPage(async (app) => {
    await app.pasteText(read('public-isrg-root-x1', 'isrg-root-x1.pem') + read('key-pkcs8-ec-matches-leaf', 'leaf.pem'));
    await app.waitForVerdict('broken');
  });
});

test('contract: material without a certificate shows the chain verdict "empty"', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(async (app) => {
    await app.keyPaste.fill(read('key-pkcs8-ec-matches-leaf', 'leaf-key.test-only.pem'));
    await app.waitForVerdict('empty', 5_000);
  });
});

test('contract: the request outputs and the blocked request', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(async (app) => {
    await SCENES.request(app);
    const found = await app.hooks([
      'tab-curl', 'tab-http', 'tab-body', 'tab-cli', 'tab-stages', 'output', 'copy-output', 'download-body', 'download-script', 'script-help',
      'expires-in', 'regenerate',
    ]);
    assert.deepEqual(missing(found), []);
    assert.equal(found.output[0].tag, 'pre');
    assert.match(await app.expiresIn.getAttribute('data-expires-at'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const texts = {};
    for (const tab of ['curl', 'http', 'body', 'cli', 'stages']) {
      await app.tab(tab).click();
      texts[tab] = await app.output.textContent();
      assert.ok(texts[tab].length > 0, `tab ${tab} shows something`);
      assert.equal(await app.downloadScript.isVisible(), tab === 'curl' || tab === 'cli', `tab ${tab}: a script to download or not`);
    }
    assert.equal(new Set(Object.values(texts)).size, 5, 'each tab shows its own output');
  });
  await withPage(async (app) => {
    await SCENES.blocked(app);
    assert.equal(await app.output.count(), 0, 'no output when blocked');
  });
});
