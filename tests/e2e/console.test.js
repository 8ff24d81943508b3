// The console path (issue 15): a person who never calls the API pastes a chain and its key, names
// the certificate, and opens "paste into the console" with no credentials typed and no request
// generated. Each console field shows exactly what the command line's `request --format json` puts
// in its `console` section for the same material (the same core, natively built), and what the
// material's own facts say: the certificate box holds the leaf then its chain, the key box the key
// in the encoding the target takes (openssl reads the same public key from it). A copy button
// copies its field; in a zh-CN page the field names, menu path and pitfalls are the Chinese ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { perFile, openApp } from './browser.js';
import { requestJson, vectorInput } from './fixtures.js';

const TEST_TIMEOUT = 120_000;
const read = (caseName, file) => readFileSync(vectorInput(caseName, file), 'utf8');
const blocks = (pem) => pem.split(/(?<=-----END CERTIFICATE-----\n)/).filter((b) => b.includes('BEGIN'));
// An EC leaf with its PKCS#8 key, and the intermediate that issued it.
const [, INTERMEDIATE] = blocks(read('chain-ordered-leaf-int-root', 'chain.pem'));
const EC_LEAF = read('key-pkcs8-ec-matches-leaf', 'leaf.pem');
const EC_KEY = read('key-pkcs8-ec-matches-leaf', 'leaf-key.test-only.pem');
// An RSA leaf, its intermediate and root, and its PKCS#1 key.
const [RSA_LEAF, RSA_INT, RSA_ROOT] = blocks(read('key-pkcs1-rsa-matches-leaf', 'chain.pem'));
const RSA_KEY = read('key-pkcs1-rsa-matches-leaf', 'leaf-key.test-only.pem');
// Only the command line gets credentials (it builds a request to print its JSON); the page none.
const CLI_SECRET = 'console-e2e-secret-0001';

const suite = perFile();

/** The public key openssl reads from a private key (PEM), to compare two encodings of one key. */
function publicKeyOf(privateKeyPem) {
  const run = spawnSync('openssl', ['pkey', '-pubout'], { input: privateKeyPem, encoding: 'utf8' });
  assert.equal(run.status, 0, `openssl pkey: ${run.stderr}`);
  return run.stdout;
}

/** The CLI's JSON for the same material (as one pasted file), target, region and fields. */
function cliConsole(material, provider, region, fields, auth) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-console-'));
  try {
    const file = path.join(dir, 'pasted.pem');
    writeFileSync(file, material);
    const args = ['--provider', provider, '--region', region, ...auth, '--secret-env', 'CONSOLE_E2E_SECRET'];
    for (const [name, value] of Object.entries(fields)) args.push('--field', `${name}=${value}`);
    const json = requestJson([...args, file], { CONSOLE_E2E_SECRET: CLI_SECRET });
    assert.ok(json.console, `the CLI built the request and its console view: ${JSON.stringify(json.diagnostics)}`);
    return json.console;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the page on `provider`, pastes `material`, fills `fields`, opens the console view (no
 * credentials, no generation) and checks it against the CLI in English, then in Chinese; checks
 * that the copy button of `copyFill` copies its text. Returns the page's sheet (English).
 */
async function checkConsole({ provider, region, material, verdict, fields, auth, copyFill }) {
  const { context, page, app, problems, requestsAfterLoad } = await openApp(suite, {
    contextOptions: { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] },
  });
  await app.chooseTarget(provider);
  await app.region.fill(region);
  await app.pasteText(material);
  // No fix applied by hand: the console view takes the fixes the target needs, as the request does.
  await app.waitForVerdict(verdict);
  for (const [name, value] of Object.entries(fields)) await app.field(name).fill(value);
  assert.equal(await app.accessKeyId.inputValue(), '', 'no credentials on the page');
  assert.equal(await app.output.count(), 0, 'no request generated');
  await app.openConsole();
  await app.consoleFields.first().waitFor({ timeout: 10_000 });

  const cli = cliConsole(material, provider, region, fields, auth);
  const sheet = await app.consoleSheet();
  assert.deepEqual(sheet.map((f) => f.fill), cli.fields.map((f) => f.fill), 'the console\'s fields, in its order');
  for (const [shown, expected] of sheet.map((f, i) => [f, cli.fields[i]])) {
    assert.equal(shown.label, expected.label, shown.fill);
    assert.equal(shown.text, expected.text, `${shown.fill}: the text the CLI gives`);
    assert.deepEqual(shown.pitfalls, expected.pitfalls, shown.fill);
    if (shown.text !== null) {
      assert.equal(shown.readOnly, true, `${shown.fill}: a read-only box`);
      assert.equal(shown.labelFor, shown.boxId, `${shown.fill}: the label names its box`);
    }
  }
  assert.ok((await app.consoleMenu.textContent()).includes(cli.menu), 'the menu path');

  // A copy button copies its own field.
  const copied = app.consoleField(copyFill);
  const expected = await copied.text.inputValue();
  await copied.copy.click();
  let clipboard = '';
  for (const until = Date.now() + 5_000; Date.now() < until && clipboard !== expected;) {
    clipboard = await page.evaluate(() => navigator.clipboard.readText());
    if (clipboard !== expected) await page.waitForTimeout(100);
  }
  assert.equal(clipboard, expected, `the clipboard holds the ${copyFill} field`);
  assert.ok((await app.consoleCopied.textContent()).includes(cli.fields.find((f) => f.fill === copyFill).label));

  // In Chinese: the console's Chinese names, menu path and pitfalls, the same texts.
  await app.langSwitch.click();
  assert.equal(await app.documentLang(), 'zh-CN');
  const zh = await app.consoleSheet();
  for (const [shown, expected] of zh.map((f, i) => [f, cli.fields[i]])) {
    assert.equal(shown.label, expected.label_zh, shown.fill);
    assert.equal(shown.text, expected.text, shown.fill);
    assert.deepEqual(shown.pitfalls, expected.pitfalls_zh, shown.fill);
  }
  assert.ok((await app.consoleMenu.textContent()).includes(cli.menu_zh), 'the Chinese menu path');
  assert.deepEqual(await app.englishSentences(), [], 'no English sentence in the Chinese console view');
  await app.langSwitch.click();

  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, []);
  await context.close();
  return sheet;
}

const byFill = (sheet, fill) => sheet.find((f) => f.fill === fill);

test('Alibaba CAS console: name, the leaf with its chain, the PKCS#8 EC key as SEC1, with no credentials', { timeout: TEST_TIMEOUT }, async () => {
  const sheet = await checkConsole({
    provider: 'alibaba-cas',
    region: 'cn-hangzhou',
    material: `${EC_LEAF}${INTERMEDIATE}${EC_KEY}`,
    verdict: 'ordered',
    fields: { Name: 'www-example-2026' },
    auth: ['--auth', 'v2', '--access-key-id', 'LTAI-console-e2e'],
    copyFill: 'certificate_with_chain',
  });
  assert.equal(byFill(sheet, 'field:Name').text, 'www-example-2026');
  assert.equal(byFill(sheet, 'certificate_with_chain').text, `${EC_LEAF}${INTERMEDIATE}`, 'the leaf, then its chain');
  const key = byFill(sheet, 'private_key').text;
  assert.ok(key.startsWith('-----BEGIN EC PRIVATE KEY-----\n'), 'SEC1, the encoding CAS takes');
  assert.ok(EC_KEY.startsWith('-----BEGIN PRIVATE KEY-----\n'), 'given as PKCS#8');
  assert.equal(publicKeyOf(key), publicKeyOf(EC_KEY), 'the same key');
  // Not an SM2 certificate: the encryption pair's fields stay empty.
  assert.equal(byFill(sheet, 'field:EncryptCert').text, null);
  assert.equal(byFill(sheet, 'field:EncryptPrivateKey').text, null);
});

test('Huawei SCM console: the leaf with its intermediate in one Certificate File box, the root dropped, the key', { timeout: TEST_TIMEOUT }, async () => {
  const sheet = await checkConsole({
    provider: 'huawei-scm',
    region: 'cn-north-4',
    material: `${RSA_ROOT}${RSA_KEY}${RSA_LEAF}${RSA_INT}`,
    verdict: 'reorderable',
    fields: { name: 'www.example.com_2026-01' },
    auth: ['--auth', 'aksk', '--access-key-id', 'HWCONSOLEE2E01', '--domain-id', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'],
    copyFill: 'private_key',
  });
  assert.equal(byFill(sheet, 'field:name').text, 'www.example.com_2026-01');
  assert.equal(byFill(sheet, 'certificate_with_chain').text, `${RSA_LEAF}${RSA_INT}`, 'leaf first, its intermediate, no root');
  assert.equal(byFill(sheet, 'chain'), undefined, 'no separate chain box');
  const key = byFill(sheet, 'private_key').text;
  assert.equal(publicKeyOf(key), publicKeyOf(RSA_KEY), 'the same key');
});

test('the console view waits for the errors to be fixed, and shows no key meanwhile', { timeout: TEST_TIMEOUT }, async () => {
  const { context, app, problems } = await openApp(suite);
  await app.chooseTarget('alibaba-cas');
  await app.openConsole();
  await app.consoleBlocked.waitFor({ timeout: 10_000 });
  assert.equal(await app.consoleFields.count(), 0, 'nothing to paste without material');
  // Material with its key, but no name (a required field): still blocked, no key shown.
  await app.pasteText(`${EC_LEAF}${INTERMEDIATE}${EC_KEY}`);
  await app.waitForVerdict('ordered');
  assert.equal(await app.consoleBlocked.isVisible(), true);
  assert.equal(await app.consoleFields.count(), 0);
  await app.field('Name').fill('www-example-2026');
  await app.consoleFields.first().waitFor({ timeout: 10_000 });
  assert.equal(await app.consoleBlocked.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
