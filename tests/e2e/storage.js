// What a page could have kept (every storage, cookies, caches, service workers), read from
// inside the page, and the check that the only thing kept is the page's own offline copy.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './server.js';

/** Everything the page could have kept, read from inside the page. */
export async function readPageStorage(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const session = Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]));
    const databases = await indexedDB.databases();
    const indexed = {};
    for (const { name } of databases) {
      indexed[name] = await new Promise((resolve) => {
        const request = indexedDB.open(name);
        request.onerror = () => resolve({ error: String(request.error) });
        request.onsuccess = async () => {
          const db = request.result;
          const stores = {};
          for (const store of db.objectStoreNames) {
            stores[store] = await new Promise((done) => {
              const all = db.transaction(store).objectStore(store).getAll();
              all.onsuccess = () => done(all.result);
              all.onerror = () => done({ error: String(all.error) });
            });
          }
          db.close();
          resolve(stores);
        };
      });
    }
    const cacheNames = 'caches' in window ? await caches.keys() : [];
    const cached = {};
    for (const name of cacheNames) {
      const cache = await caches.open(name);
      cached[name] = [];
      for (const request of await cache.keys()) {
        const bytes = await (await cache.match(request)).arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        cached[name].push({
          url: request.url,
          sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
          body: new TextDecoder().decode(bytes),
        });
      }
    }
    const workers = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
    return {
      localStorage: local,
      sessionStorage: session,
      indexedDB: indexed,
      cookie: document.cookie,
      url: location.href,
      historyState: history.state,
      windowName: window.name,
      caches: cached,
      serviceWorkers: workers.map((w) => w.scope),
    };
  });
}

/**
 * Asserts that what readPageStorage found in Cache Storage and service workers is the page's own
 * offline copy and nothing else: caches named cert-preflight-<version> holding files of the build in
 * `dir` (dist/), byte for byte (the service worker's install may still be under way, so a subset),
 * and no service worker but the page's, at the page's own scope.
 */
export function assertOnlyOwnOfflineCopy(stored, pageUrl, dir = DIST) {
  for (const [name, entries] of Object.entries(stored.caches)) {
    assert.match(name, /^cert-preflight-[0-9a-f]{16}$/, `a cache of the page's service worker: ${name}`);
    for (const { url, sha256 } of entries) {
      assert.ok(url.startsWith(pageUrl), `${url} is of the page's origin`);
      const file = path.join(dir, url.slice(pageUrl.length));
      assert.ok(existsSync(file), `${url} is a file of the build`);
      assert.equal(sha256, createHash('sha256').update(readFileSync(file)).digest('hex'), `${url} is the build's file`);
    }
  }
  for (const scope of stored.serviceWorkers) assert.equal(scope, pageUrl, 'the only service worker is the page\'s');
}

