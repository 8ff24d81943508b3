// Privacy: after a session in which a private key, a passphrase and (fake) secrets were typed into
// every input the page has, nothing holds them: not localStorage, sessionStorage, IndexedDB,
// cookies (document.cookie and the browser's jar), the URL, history.state, window.name, the Cache
// Storage or a service worker; and all of that storage is empty but for the service worker's
// offline copy of the page's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TARGETS } from './app-page.js';
import { perFile, openApp } from './browser.js';
import { vectorInput } from './fixtures.js';
import { readPageStorage, assertOnlyOwnOfflineCopy } from './storage.js';

const TEST_TIMEOUT = 120_000;


const suite = perFile();

const KEY_FILE = vectorInput('key-pkcs8-ec-matches-leaf', 'leaf-key.test-only.pem');
const KEY = readFileSync(KEY_FILE, 'utf8');
const LEAF = readFileSync(vectorInput('key-pkcs8-ec-matches-leaf', 'leaf.pem'), 'utf8');
const PASSPHRASE = 'pass-e2e-Correct-Horse-7731';
const ACCESS_KEY_ID = 'LTAI-e2e-access-key-id-5521';
const ACCESS_KEY_SECRET = 'secret-e2e-AbCdEf-0123456789';
const TOKEN = 'MIIT-e2e-token-value-889900';
const ANY_OTHER = `other-e2e-${TOKEN}-${ACCESS_KEY_SECRET}`;

// What must appear nowhere: the key as a whole and each line of its base64 body, and each secret.
const KEY_LINES = KEY.split('\n').filter((l) => l.length >= 20 && !l.startsWith('-----'));
const NEEDLES = [KEY.trim(), ...KEY_LINES, PASSPHRASE, ACCESS_KEY_ID, ACCESS_KEY_SECRET, TOKEN];

/** The value to type into a control, by what it is for. */
function valueFor(control) {
  const { testid, type } = control;
  if (testid === 'region' || testid === 'token-env') return null; // not free text: a region ID, a variable name
  if (testid === 'paste') return `${LEAF}${KEY}`;
  if (testid === 'key-paste') return KEY;
  if (testid === 'passphrase' || (type === 'password' && testid !== 'access-key-secret')) return PASSPHRASE;
  if (testid === 'access-key-id') return ACCESS_KEY_ID;
  if (testid === 'access-key-secret') return ACCESS_KEY_SECRET;
  return ANY_OTHER;
}

/** Types into every visible, enabled text control; returns what it typed into. */
async function typeEverywhere(app) {
  const controls = app.textControls;
  const done = [];
  for (let i = 0; i < await controls.count(); i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible()) || !(await control.isEditable())) continue;
    const info = await control.evaluate((el) => ({ testid: el.dataset.testid ?? null, type: el.type, id: el.id }));
    const value = valueFor(info);
    if (value === null) continue;
    await control.fill(value);
    done.push(info.testid ?? info.id ?? info.type);
  }
  return done;
}

test('after a session with a key, a passphrase and secrets typed in, no storage holds them (and it is all empty)', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, app, problems, requestsAfterLoad } = await openApp(suite);
  // The page's Worker decodes the key with the passphrase and signs with the secret: the stores
  // read below are the origin's, its too.
  assert.equal(await app.engine(), 'worker', 'the Worker does the work');
  const typedInto = new Set(await typeEverywhere(app));
  // The key also arrives as a file where the page takes files.
  for (const picker of [app.keyFilePick, app.filePick]) {
    if (await picker.count()) {
      await picker.first().setInputFiles(KEY_FILE);
      break;
    }
  }
  // Each target shows its own fields and credentials: visit every one and type into all of them.
  for (const id of TARGETS) {
    if (!(await app.target(id).count())) continue;
    await app.chooseTarget(id);
    for (const auth of await app.authValues().catch(() => [])) {
      await app.auth.selectOption(auth);
      for (const typed of await typeEverywhere(app)) typedInto.add(typed);
      if (await app.generateButton.isVisible().catch(() => false) && await app.generateButton.isEnabled()) {
        await app.generateButton.click();
      }
    }
  }
  assert.ok(typedInto.has('paste'), `typed into ${[...typedInto].join(', ')}`);
  for (const id of ['key-paste', 'csr-paste', 'passphrase', 'access-key-id', 'access-key-secret', 'domain-id']) {
    if (await app.control(id).count()) assert.ok(typedInto.has(id), `typed into ${id} too (${[...typedInto].join(', ')})`);
  }
  // The key box holds the key (pasted, or moved there from the certificate box).
  if (await app.keyPaste.count()) assert.ok((await app.keyPaste.inputValue()).includes(KEY_LINES[0]));
  // Let anything the page defers (timers, idle callbacks) happen before reading.
  await page.waitForTimeout(500);

  const stored = await readPageStorage(page);
  const jar = await context.cookies();
  const everything = JSON.stringify({ stored, jar, pageUrl: page.url() });
  const found = NEEDLES.filter((needle) => everything.includes(needle));
  assert.deepEqual(found, [], `secret material found in storage or the URL: ${everything.slice(0, 2000)}`);

  assert.deepEqual(stored.localStorage, {}, 'localStorage is empty');
  assert.deepEqual(stored.sessionStorage, {}, 'sessionStorage is empty');
  assert.deepEqual(stored.indexedDB, {}, 'no IndexedDB database');
  assert.equal(stored.cookie, '', 'no cookie visible to the page');
  assert.deepEqual(jar, [], 'no cookie in the browser context');
  // The service worker's offline copy of the page is the only thing cached.
  assertOnlyOwnOfflineCopy(stored, suite.server.url);
  assert.equal(stored.url, suite.server.url, 'the URL is the page, with no query or fragment');
  assert.equal(page.url(), suite.server.url);
  assert.equal(stored.historyState, null);
  assert.equal(stored.windowName, '');
  assert.deepEqual(problems, []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after load');
  await context.close();
});

test('the storage check can fail: values planted in each store are found', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await openApp(suite);
  await page.evaluate(async (secret) => {
    localStorage.setItem('k', secret);
    sessionStorage.setItem('k', secret);
    document.cookie = `k=${secret}`;
    history.replaceState({ secret }, '', `?q=${secret}#${secret}`);
    await new Promise((resolve) => {
      const request = indexedDB.open('planted', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('s', { autoIncrement: true });
      request.onsuccess = () => {
        const tx = request.result.transaction('s', 'readwrite');
        tx.objectStore('s').add({ secret });
        tx.oncomplete = () => { request.result.close(); resolve(); };
      };
    });
    const cache = await caches.open('planted');
    await cache.put(new Request('/planted'), new Response(secret));
  }, ACCESS_KEY_SECRET);
  const stored = await readPageStorage(page);
  for (const where of ['localStorage', 'sessionStorage', 'indexedDB', 'cookie', 'url', 'historyState', 'caches']) {
    assert.ok(JSON.stringify(stored[where]).includes(ACCESS_KEY_SECRET), `${where}: ${JSON.stringify(stored[where])}`);
  }
  assert.ok(JSON.stringify(await context.cookies()).includes(ACCESS_KEY_SECRET));
  await context.close();
});
