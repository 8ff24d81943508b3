// cert-preflight's service worker: after one visit the page works with the network off.
//
// The build (scripts/write-sw.mjs, a Trunk post-build hook) writes dist/sw.js as this file preceded
// by `const BUILD = { version, files: [{ url, sha256 }] }`: every file of one build with the SHA-256
// of its bytes, and a version that is the hash of that list. So a new build is a new sw.js, which
// the browser installs beside the running one.
//
// - Install fetches every file of this build from the page's own origin, bypassing the HTTP cache,
//   checks each against its SHA-256 and stores them in a cache named for this version. A file that
//   differs (a deploy in progress) fails the install: the running version stays, whole.
// - Fetch answers the build's files from this version's cache only, so a page never mixes the files
//   of two versions; anything else (other origins, other methods, other paths) is left to the
//   network as if there were no worker. The worker itself makes no request but the install's.
// - A new version waits until the page asks it to take over ("skip-waiting", when the user accepts
//   "a new version is ready — reload"); on activation it deletes the caches of older versions.
// Nothing the user types ever reaches this worker or its cache.
'use strict';

const PREFIX = 'cert-preflight-';
const CACHE = PREFIX + BUILD.version;
const scope = new URL(self.registration.scope);
/** Absolute URL of each file of this build → its SHA-256 (hex). */
const FILES = new Map(BUILD.files.map(({ url, sha256 }) => [new URL(url, scope).href, sha256]));
const INDEX = new URL('index.html', scope).href;

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    for (const [url, sha256] of FILES) {
      const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', redirect: 'error' });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
      if (digest !== sha256) throw new Error(`${url} is not the file of build ${BUILD.version}`);
      await cache.put(url, response);
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** The cached file that answers `request`, or null when the request is not for one of ours. */
function cachedUrl(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return null;
  url.hash = '';
  if (request.mode === 'navigate' && (url.href.split('?')[0] === scope.href || url.href.split('?')[0] === INDEX)) {
    return INDEX;
  }
  return FILES.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const url = cachedUrl(event.request);
  if (!url) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(url)) ?? fetch(event.request);
  })());
});
