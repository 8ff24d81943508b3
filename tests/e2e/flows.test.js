// One end-to-end flow per target (issue 5's four, issue 14's three sister targets), each as a person would do it: paste real
// material (a chain in the wrong order, with its key or CSR), see the verdict, apply the fix, fill the
// fields with hostile text, enter (fake) credentials, generate, copy the curl command from the
// clipboard, run it in bash against tests/server/verify_server.py (which re-checks the signature with
// the vendors' SDKs), and see it accepted. Closing the browser at the end, Chromium's net log must
// show that the whole session, clipboard and all, talked to nobody.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { perFile, openApp } from './browser.js';
import { vectorInput } from './fixtures.js';
import { assertSuiteStayedOnLoopback } from './netlog.js';
import { readPageStorage, assertOnlyOwnOfflineCopy } from './storage.js';
import { startVerifyServer } from './verify-server.js';

const TEST_TIMEOUT = 120_000;
const ALIBABA_AK = 'LTAI-e2e-test-key';
const ALIBABA_SECRET = 'alibaba-e2e-secret-"\'$`\\-value';
const HUAWEI_AK = 'HWE2ETESTAK0001';
const HUAWEI_SECRET = 'huawei-e2e-secret-value-0001';
const TOKEN = 'MIIT-e2e-test-token-0001';
const SECRETS = [ALIBABA_SECRET, HUAWEI_SECRET, TOKEN];
/** Everything a shell or a signer could trip over (as tests/it/requests.rs). */
const NASTY = 'q"uote \'single\' $HOME ${PATH} `id` $(id) \\back\\ tab\tnew\nline\r\ncrlf 中文名 ünïcödé ✓ 🔐 %20 + * ~ & = \'; rm -rf ~ #';
const HOSTS = [
  'slb.cn-shanghai.aliyuncs.com', 'kms.cn-hangzhou.aliyuncs.com', 'ccm.cn-north-4.myhuaweicloud.com',
  'elb.cn-north-4.myhuaweicloud.com', 'scm.cn-north-4.myhuaweicloud.com', 'iam.cn-north-4.myhuaweicloud.com',
];

const read = (caseName, file) => readFileSync(vectorInput(caseName, file), 'utf8');
// leaf (www.example.com, RSA), intermediate "Preflight Test Intermediate R2", root "Preflight Test Root R2".
const [LEAF, INTERMEDIATE, ROOT_CA] = read('chain-ordered-leaf-int-root', 'chain.pem')
  .split(/(?<=-----END CERTIFICATE-----\n)/).filter((b) => b.includes('BEGIN'));
const ISRG = read('public-isrg-root-x1', 'isrg-root-x1.pem');
const EC_LEAF = read('key-pkcs8-ec-matches-leaf', 'leaf.pem');
const EC_KEY = read('key-pkcs8-ec-matches-leaf', 'leaf-key.test-only.pem');
const CSR_LEAF = read('csr-matches-leaf', 'leaf.pem');
const CSR = read('csr-matches-leaf', 'request.csr');
// An RSA leaf (www.example.com) with its intermediate, root and PKCS#1 key.
const [RSA_LEAF, RSA_INT, RSA_ROOT] = read('key-pkcs1-rsa-matches-leaf', 'chain.pem')
  .split(/(?<=-----END CERTIFICATE-----\n)/).filter((b) => b.includes('BEGIN'));
const RSA_KEY = read('key-pkcs1-rsa-matches-leaf', 'leaf-key.test-only.pem');

const suite = perFile();
let verify;

before(async () => {
  verify = await startVerifyServer({
    alibaba: { [ALIBABA_AK]: ALIBABA_SECRET },
    huawei: { [HUAWEI_AK]: HUAWEI_SECRET },
    tokens: [TOKEN],
    sans: HOSTS,
  });
});

after(() => {
  verify?.stop();
});

/** A page with the clipboard allowed, on the chosen target, region and signing scheme. */
async function start(target, region, auth) {
  const session = await openApp(suite, {
    contextOptions: { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const { app } = session;
  await app.chooseTarget(target);
  assert.equal(await app.target(target).isChecked(), true);
  await app.region.fill(region);
  await app.auth.selectOption(auth);
  return session;
}

/** Pastes the material, checks the verdict, applies "fix order" when asked, checks "ordered". */
async function pasteAndFix(app, text, { verdict, moved }) {
  await app.pasteText(text);
  if (moved) {
    await app.movedNote.first().waitFor({ timeout: 10_000 });
    for (const [box, block] of Object.entries(moved)) {
      assert.ok((await app[box].inputValue()).includes(block.trim()), `${box} holds the moved block`);
    }
    assert.ok(!(await app.paste.inputValue()).includes('PRIVATE KEY'), 'no key left in the certificate box');
    assert.ok(!(await app.paste.inputValue()).includes('CERTIFICATE REQUEST'), 'no CSR left in the certificate box');
  }
  await app.waitForVerdict(verdict);
  if (verdict === 'reorderable') {
    // Before the fix: the changes the target would need, the order among them.
    assert.match(await app.fixChanges.textContent(), /order/i, 'the pending changes name the order');
    const pasted = await app.paste.inputValue();
    await app.fixOrder.click();
    await app.waitForVerdict('ordered');
    // After: the before/after view shows what was given and what the box holds now.
    assert.equal(await app.fixBefore.textContent(), pasted.replace(/\r\n/g, '\n'));
    assert.equal(await app.fixAfter.textContent(), await app.paste.inputValue());
    assert.equal(await app.fixOrder.count(), 0, 'nothing left to reorder');
  }
  assert.equal(await app.diagnosticItems('error').count(), 0,
    `no error: ${await app.diagnosticCodes('error').catch(() => [])}`);
}

/**
 * Fills each field; returns the values the page really holds (a text input drops newlines). A field
 * error that blocks the request shows up at generation, as request-blocked.
 */
async function fillFields(app, fields) {
  const held = {};
  for (const [name, value] of Object.entries(fields)) {
    const field = app.field(name);
    if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
    else await field.fill(value);
    held[name] = await field.inputValue();
  }
  return held;
}

/** Generates, copies the curl tab from the clipboard and returns what was copied. */
async function generateAndCopy(app) {
  await app.generateButton.click();
  if (await app.requestBlocked.isVisible()) assert.fail(`the request is blocked: ${await app.requestBlocked.textContent()}`);
  await app.output.waitFor({ timeout: 10_000 });
  await app.tab('curl').click();
  assert.equal(await app.tab('curl').getAttribute('aria-selected'), 'true');
  const shown = await app.output.textContent();
  await app.copyOutput.click();
  let copied = '';
  for (const until = Date.now() + 5_000; Date.now() < until && copied !== shown;) {
    copied = await app.page.evaluate(() => navigator.clipboard.readText());
    if (copied !== shown) await app.page.waitForTimeout(100);
  }
  assert.equal(copied, shown, 'the clipboard holds the visible output');
  for (const secret of SECRETS) assert.ok(!copied.includes(secret), 'the command holds no secret');
  return copied;
}

/** Runs the command in bash against the verifying server; returns the one record it made. */
function runAccepted(script, env = {}) {
  const before = verify.records().length;
  const output = verify.bash(script, env);
  const records = verify.records();
  assert.equal(records.length, before + 1, `one request arrived; bash said ${JSON.stringify(output)}`);
  const record = records.at(-1);
  assert.equal(record.accepted, true, `the server refused: ${JSON.stringify(record, null, 2)}\n${script}`);
  assert.equal(output.status, 0, `curl failed: ${JSON.stringify(output)}`);
  assert.match(output.stdout, /"accepted" ?: true/);
  // The server answers an ELB create as ELB does, repeating the key: the command prints it masked.
  assert.ok(!output.stdout.includes('PRIVATE KEY'), `the answer's key was printed: ${output.stdout}`);
  return record;
}

/** After the flow: no error, no request, and nothing kept in storage or the URL. */
async function finish({ context, page, problems, requestsAfterLoad }) {
  const stored = await readPageStorage(page);
  const jar = await context.cookies();
  const keyLines = EC_KEY.split('\n').filter((l) => l.length >= 20 && !l.startsWith('-----'));
  const everything = JSON.stringify({ stored, jar });
  for (const needle of [...SECRETS, ...keyLines]) assert.ok(!everything.includes(needle), `storage holds secret material: ${everything.slice(0, 1000)}`);
  assert.deepEqual([stored.localStorage, stored.sessionStorage, stored.indexedDB, jar], [{}, {}, {}, []], 'storage is empty');
  assertOnlyOwnOfflineCopy(stored, suite.server.url);
  assert.equal(stored.url, suite.server.url, 'the URL is the bare page');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad.filter((u) => !u.startsWith('blob:')), [], 'no request after load');
  await context.close();
}

test('Alibaba SLB UploadCACertificate (RPC V2): the ISRG root, hostile name and tags, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('alibaba-slb-ca', 'cn-shanghai', 'v2');
  const { app } = session;
  await pasteAndFix(app, `stray text from an e-mail\r\n${ISRG}`, { verdict: 'ordered' });
  await app.addTag.click();
  const held = await fillFields(app, {
    CACertificateName: NASTY,
    'Tag.1.Key': 'owner "\'$`',
    'Tag.1.Value': [...NASTY].slice(0, 100).join(''),
    'Tag.2.Key': '中文',
  });
  await app.accessKeyId.fill(ALIBABA_AK);
  await app.accessKeySecret.fill(ALIBABA_SECRET);
  const script = await generateAndCopy(app);
  assert.match(await app.expiresIn.getAttribute('data-expires-at'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'v2');
  assert.equal(record.host, 'slb.cn-shanghai.aliyuncs.com');
  const p = record.parameters;
  assert.equal(p.Action, 'UploadCACertificate');
  assert.equal(p.RegionId, 'cn-shanghai');
  assert.equal(p.CACertificateName, held.CACertificateName);
  assert.equal(p['Tag.1.Key'], held['Tag.1.Key']);
  assert.equal(p['Tag.1.Value'], held['Tag.1.Value']);
  assert.equal(p['Tag.2.Key'], '中文');
  assert.equal(p.CACertificate, ISRG, 'the root arrived intact, stray text gone');
  await finish(session);
});

test('Alibaba KMS UploadCertificate (ACS3): leaf, CSR and a reversed chain, fixed, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('alibaba-kms', 'cn-hangzhou', 'acs3');
  const { app } = session;
  await pasteAndFix(app, `${ROOT_CA}${INTERMEDIATE}${CSR}${CSR_LEAF}`, { verdict: 'reorderable', moved: { csrPaste: CSR } });
  const certificateId = '0b9c4e2a-8f3d-4c1e-9a7b-5d6f1e2c3b4a';
  await fillFields(app, { CertificateId: certificateId });
  await app.accessKeyId.fill(ALIBABA_AK);
  await app.accessKeySecret.fill(ALIBABA_SECRET);
  const script = await generateAndCopy(app);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'acs3');
  assert.equal(record.host, 'kms.cn-hangzhou.aliyuncs.com');
  assert.equal(record.action, 'UploadCertificate');
  const p = record.parameters;
  assert.equal(p.CertificateId, certificateId);
  assert.equal(p.Certificate, CSR_LEAF);
  assert.equal(p.CertificateChain, `${INTERMEDIATE}${ROOT_CA}`, 'intermediate then root');
  await finish(session);
});

test('Huawei CCM import CA certificate (AK/SK): intermediate and root in the wrong order, fixed, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('huawei-ccm-pca', 'cn-north-4', 'aksk');
  const { app } = session;
  await pasteAndFix(app, `${ROOT_CA}${INTERMEDIATE}`, { verdict: 'reorderable' });
  const caId = '6a3f1d2e-4b5c-4d6e-8f70-8192a3b4c5d6';
  await fillFields(app, { ca_id: caId });
  await app.accessKeyId.fill(HUAWEI_AK);
  await app.accessKeySecret.fill(HUAWEI_SECRET);
  await app.domainId.fill('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
  const script = await generateAndCopy(app);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'aksk');
  assert.equal(record.host, 'ccm.cn-north-4.myhuaweicloud.com');
  assert.equal(record.path, `/v1/private-certificate-authorities/${caId}/import`);
  assert.equal(record.domain_id, 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
  const body = JSON.parse(record.body);
  assert.equal(body.certificate, INTERMEDIATE);
  assert.equal(body.certificate_chain, ROOT_CA);
  await finish(session);
});

test('Huawei ELB create certificate (token): EC leaf after its intermediate with a PKCS#8 key, fixed, hostile name, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('huawei-elb', 'cn-north-4', 'token');
  const { app, page } = session;
  await pasteAndFix(app, `${INTERMEDIATE}${EC_KEY}${EC_LEAF}`, { verdict: 'reorderable', moved: { keyPaste: EC_KEY } });
  await app.fixConvertKey.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="key-paste"]').value.startsWith('-----BEGIN EC PRIVATE KEY-----'));
  const projectId = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const held = await fillFields(app, {
    project_id: projectId, type: 'server', name: NASTY, description: [...`${NASTY}${NASTY}`].slice(0, 200).join(''), domain: 'api.example.com',
  });
  assert.equal(await app.tokenEnv.inputValue(), 'HUAWEI_TOKEN', 'the default token variable');
  const script = await generateAndCopy(app);
  assert.ok(script.includes('HUAWEI_TOKEN'), 'the command reads the token from $HUAWEI_TOKEN');
  const record = runAccepted(script, { HUAWEI_TOKEN: TOKEN });
  assert.equal(record.scheme, 'token');
  assert.equal(record.host, 'elb.cn-north-4.myhuaweicloud.com');
  assert.equal(record.path, `/v3/${projectId}/elb/certificates`);
  const option = JSON.parse(record.body).certificate;
  assert.equal(option.name, held.name);
  assert.equal(option.description, held.description);
  assert.equal(option.domain, 'api.example.com');
  assert.equal(option.type, 'server');
  assert.equal(option.certificate, `${EC_LEAF}${INTERMEDIATE}`, 'leaf then intermediate');
  assert.ok(option.private_key.startsWith('-----BEGIN EC PRIVATE KEY-----\n'), 'the key as SEC1');
  assert.deepEqual(record.echoed, ['private_key'], 'the answer repeated the key (masked by the command)');
  // The curl command downloaded as a script is the same text and runs as the page says, with sh
  // (dash here) in the folder it is saved in: accepted, the key of the answer masked.
  const [saved] = await Promise.all([page.waitForEvent('download'), app.downloadScript.click()]);
  assert.equal(saved.suggestedFilename(), 'cert-preflight-upload.sh');
  assert.equal(readFileSync(await saved.path(), 'utf8'), script);
  assert.match(await app.scriptHelp.textContent(), /sh cert-preflight-upload\.sh/);
  copyFileSync(await saved.path(), path.join(verify.dir, saved.suggestedFilename()));
  assert.equal(runAccepted('sh cert-preflight-upload.sh', { HUAWEI_TOKEN: TOKEN }).body, record.body);
  // The body tab is the body that arrived, and the download button gives the same bytes.
  await app.tab('body').click();
  assert.equal(JSON.parse(await app.output.textContent()).certificate.name, held.name);
  const [download] = await Promise.all([page.waitForEvent('download'), app.downloadBody.click()]);
  const downloaded = readFileSync(await download.path(), 'utf8');
  assert.equal(downloaded, await app.output.textContent());
  await finish(session);
});

test('Alibaba SLB UploadServerCertificate (RPC V2): an RSA chain root first with its key, fixed, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('alibaba-slb-server', 'cn-shanghai', 'v2');
  const { app } = session;
  await pasteAndFix(app, `${RSA_ROOT}${RSA_KEY}${RSA_INT}${RSA_LEAF}`, { verdict: 'reorderable', moved: { keyPaste: RSA_KEY } });
  const held = await fillFields(app, { ServerCertificateName: 'www.example.com-2026', 'Tag.1.Key': 'owner "\'$`', 'Tag.1.Value': '' });
  await app.accessKeyId.fill(ALIBABA_AK);
  await app.accessKeySecret.fill(ALIBABA_SECRET);
  const script = await generateAndCopy(app);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'v2');
  assert.equal(record.api, 'UploadServerCertificate');
  assert.equal(record.host, 'slb.cn-shanghai.aliyuncs.com');
  const p = record.parameters;
  assert.equal(p.ServerCertificate, `${RSA_LEAF}${RSA_INT}`, 'leaf then intermediate, root dropped');
  assert.equal(p.PrivateKey, RSA_KEY, 'the PKCS#1 key as given');
  assert.equal(p.ServerCertificateName, held.ServerCertificateName);
  assert.equal(p['Tag.1.Key'], held['Tag.1.Key']);
  await app.tab('cli').click();
  assert.match(await app.output.textContent(), /aliyun slb UploadServerCertificate/);
  await finish(session);
});

test('Alibaba CAS UploadUserCertificate (ACS3): an EC leaf with its PKCS#8 key, hostile name and tag, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('alibaba-cas', 'cn-hangzhou', 'acs3');
  const { app } = session;
  await pasteAndFix(app, `${EC_LEAF}${INTERMEDIATE}${EC_KEY}`, { verdict: 'ordered', moved: { keyPaste: EC_KEY } });
  const held = await fillFields(app, { Name: 'q"uote \'$HOME `id` 中文 ✓', 'Tags.1.Key': 'env', 'Tags.1.Value': '中文 "v"' });
  await app.accessKeyId.fill(ALIBABA_AK);
  await app.accessKeySecret.fill(ALIBABA_SECRET);
  const script = await generateAndCopy(app);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'acs3');
  assert.equal(record.api, 'UploadUserCertificate');
  assert.equal(record.host, 'cas.aliyuncs.com');
  const p = record.parameters;
  assert.equal(p.Name, held.Name);
  assert.equal(p.Cert, `${EC_LEAF}${INTERMEDIATE}`);
  assert.ok(p.Key.startsWith('-----BEGIN EC PRIVATE KEY-----\n'), 'the key re-encoded as SEC1');
  assert.equal(p['Tags.1.Key'], 'env');
  assert.equal(p['Tags.1.Value'], held['Tags.1.Value']);
  await finish(session);
});

test('Huawei SCM ImportCertificate (AK/SK, account ID): an RSA chain with its key, accepted', { timeout: TEST_TIMEOUT }, async () => {
  const session = await start('huawei-scm', 'cn-north-4', 'aksk');
  const { app } = session;
  await pasteAndFix(app, `${RSA_LEAF}${RSA_INT}${RSA_ROOT}${RSA_KEY}`, { verdict: 'ordered', moved: { keyPaste: RSA_KEY } });
  await fillFields(app, { name: 'www.example.com_2026-01', duplicate_check: 'true' });
  await app.accessKeyId.fill(HUAWEI_AK);
  await app.accessKeySecret.fill(HUAWEI_SECRET);
  await app.domainId.fill('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
  const script = await generateAndCopy(app);
  const record = runAccepted(script);
  assert.equal(record.scheme, 'aksk');
  assert.equal(record.api, 'ImportCertificate');
  assert.equal(record.host, 'scm.cn-north-4.myhuaweicloud.com');
  assert.equal(record.domain_id, 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
  const body = JSON.parse(record.body);
  assert.equal(body.certificate, RSA_LEAF);
  assert.equal(body.certificate_chain, RSA_INT, 'the intermediate, root dropped');
  assert.equal(body.private_key, RSA_KEY);
  assert.equal(body.duplicate_check, true);
  await finish(session);
});

test('Chromium\'s net log shows no DNS query and no connection off loopback over the flows', { timeout: TEST_TIMEOUT }, async () => {
  // Runs last: closing the browser flushes the net log of every flow above.
  await assertSuiteStayedOnLoopback(suite);
});
