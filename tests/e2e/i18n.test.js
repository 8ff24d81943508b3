// The page in Simplified Chinese (issue 15): a browser whose language is zh-CN gets the page in
// Chinese with <html lang="zh-CN">; the main flows (a chain with problems and a key, every target,
// the fixes opened, a request built) show no English sentence in the page's chrome or diagnostics;
// the switch goes to English and back keeping everything typed, and sets <html lang>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { perFile, openApp } from './browser.js';
import { vectorInput } from './fixtures.js';
import { TARGETS } from './app-page.js';

const read = (caseName, file) => readFileSync(vectorInput(caseName, file), 'utf8');
// An RSA leaf with its intermediate and root, and its PKCS#1 key; pasted root first (out of
// order), with a stray certificate of another chain and the key among the certificates.
const [LEAF, INTERMEDIATE, ROOT] = read('key-pkcs1-rsa-matches-leaf', 'chain.pem')
  .split(/(?<=-----END CERTIFICATE-----\n)/).filter((b) => b.includes('BEGIN'));
const KEY = read('key-pkcs1-rsa-matches-leaf', 'leaf-key.test-only.pem');
const STRAY = read('public-isrg-root-x1', 'isrg-root-x1.pem');
const MATERIAL = ROOT + LEAF + STRAY + INTERMEDIATE + KEY;

// Names people type or read as they are: the API's own field and product names, schemes.
const ALLOW = ['AK/SK', 'X-Domain-Id', 'X-Auth-Token'];

const suite = perFile();

/** Records the English sentences the page shows now, by stage (asserted at the end, all at once). */
async function collectEnglish(app, where, into) {
  const english = await app.englishSentences(ALLOW);
  if (english.length > 0) into[where] = [...new Set(english)];
}

test('a zh-CN browser gets every flow in Chinese', { timeout: 120_000 }, async () => {
  const { context, app, problems } = await openApp(suite, {
    contextOptions: { locale: 'zh-CN', viewport: { width: 1280, height: 900 } },
  });
  const english = {};
  const expectChinese = (app, where) => collectEnglish(app, where, english);
  try {
    assert.equal(await app.documentLang(), 'zh-CN');
    await expectChinese(app, 'empty page');
    await app.pasteText(MATERIAL);
    await app.movedNote.first().waitFor({ timeout: 10_000 });
    await app.waitForVerdict('reorderable');
    assert.ok(await app.allDiagnostics.count() > 0, 'the chain has problems to say');
    await expectChinese(app, 'material pasted');
    for (const target of TARGETS) {
      await app.chooseTarget(target);
      await app.page.waitForTimeout(100);
      await expectChinese(app, `target ${target}`);
    }
    // The fixes, opened.
    await app.chooseTarget('alibaba-slb-server');
    await app.fixOrder.click();
    await app.waitForVerdict('ordered');
    await expectChinese(app, 'fix applied');
    // A request: fields, credentials, generate.
    await app.region.fill('cn-hangzhou');
    await app.field('ServerCertificateName').fill('名称-1');
    await app.accessKeyId.fill('LTAI-zh-test-key');
    await app.accessKeySecret.fill('zh-test-secret');
    await app.generateButton.click();
    await app.output.waitFor({ timeout: 10_000 });
    await expectChinese(app, 'request built');
    // A request that cannot be built says why in Chinese too.
    await app.region.fill('Bad_Region');
    await app.generateButton.click();
    await app.requestBlocked.waitFor({ timeout: 10_000 });
    await expectChinese(app, 'request blocked');
    assert.deepEqual(english, {}, 'English sentences on the zh-CN page, by stage');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// What a mail client, a chat app and an input method did to a chain and its key (the vector case
// made by textwrap, a zero-width space at each line's end and a full-width translation), all
// pasted into the certificate box: read, the key moved to its box as clean PEM, and what was
// undone still said, in Chinese.
test('in a zh-CN browser, a chain from a quoted mail, a key from a chat app and a root typed in full-width are read and said in Chinese', { timeout: 60_000 }, async () => {
  const { context, app, problems } = await openApp(suite, {
    contextOptions: { locale: 'zh-CN', viewport: { width: 1280, height: 900 } },
  });
  try {
    const mangled = (file) => read('recovered-mail-chat-and-input-methods', file);
    await app.pasteAtOnce(`${mangled('a-reply.txt')}\n${mangled('d-full-width.txt')}\n${mangled('b-chat.txt')}`);
    await app.waitForVerdict('ordered');
    await app.diagnostic('key-matches-certificate').waitFor({ state: 'attached' });
    assert.match(await app.keyPaste.inputValue(), /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    assert.equal(await app.cards.count(), 3);
    const info = await app.diagnosticCodes('info');
    assert.equal(info.filter((c) => c === 'recovered-line-prefix').length, 2, 'the leaf and the intermediate');
    const lookAlikes = app.diagnostic('recovered-look-alike-characters');
    assert.equal(await lookAlikes.count(), 2, 'the root and the key');
    const said = await lookAlikes.allTextContents();
    assert.ok(said.some((t) => /全角字符/.test(t)) && said.some((t) => /零宽字符/.test(t)), said.join(' | '));
    assert.deepEqual(await app.englishSentences(ALLOW), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The ZIP a CA sent, picked in a zh-CN browser: what was read from it and where its password came
// from are said in Chinese, its files named as they are.
test('in a zh-CN browser, a ZIP of a PKCS#12 file and its password file is read and said in Chinese', { timeout: 60_000 }, async () => {
  const { context, app, problems } = await openApp(suite, {
    contextOptions: { locale: 'zh-CN', viewport: { width: 1280, height: 900 } },
  });
  try {
    await app.filePick.setInputFiles(vectorInput('archive-tomcat-download-pfx-and-password-file', 'example.com_tomcat.test-only.zip'));
    await app.diagnostic('key-matches-certificate').waitFor({ state: 'attached' });
    assert.match(await app.diagnostic('archive-opened').textContent(), /ZIP 压缩包/);
    assert.match(await app.diagnostic('archive-password-file').textContent(), /已从此文件读取/);
    assert.deepEqual(await app.englishSentences(ALLOW), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the switch changes the language, keeps what was typed and sets <html lang>', { timeout: 60_000 }, async () => {
  const { context, app, problems } = await openApp(suite, {
    contextOptions: { locale: 'zh-CN' },
  });
  try {
    assert.equal(await app.langSwitch.getAttribute('aria-label'), 'Language / 语言: English');
    await app.pasteText(LEAF + INTERMEDIATE);
    await app.waitForVerdict('ordered');
    await app.chooseTarget('alibaba-slb-server');
    await app.region.fill('cn-shanghai');
    await app.field('ServerCertificateName').fill('kept-name');
    await app.accessKeyId.fill('LTAI-kept');
    await app.accessKeySecret.fill('kept-secret');
    await app.passphrase.fill('kept-passphrase');
    const typed = async () => ({
      paste: await app.paste.inputValue(),
      region: await app.region.inputValue(),
      name: await app.field('ServerCertificateName').inputValue(),
      ak: await app.accessKeyId.inputValue(),
      sk: await app.accessKeySecret.inputValue(),
      passphrase: await app.passphrase.inputValue(),
      target: await app.target('alibaba-slb-server').isChecked(),
    });
    const before = await typed();
    await app.langSwitch.click();
    assert.equal(await app.documentLang(), 'en');
    assert.equal(await app.langSwitch.getAttribute('aria-label'), 'Language / 语言: 简体中文');
    assert.deepEqual(await typed(), before, 'switching keeps everything typed');
    assert.ok((await app.englishSentences()).length > 0, 'the page is English now');
    await app.langSwitch.click();
    assert.equal(await app.documentLang(), 'zh-CN');
    assert.deepEqual(await typed(), before);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a browser that asks for another language gets English', { timeout: 30_000 }, async () => {
  const { context, app } = await openApp(suite, { contextOptions: { locale: 'de-DE' } });
  try {
    assert.equal(await app.documentLang(), 'en');
  } finally {
    await context.close();
  }
});
