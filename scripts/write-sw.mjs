// Trunk post-build hook (Trunk.toml, [[hooks]]): makes the page work offline and tells a static
// host which headers to send. In Trunk's staging directory (TRUNK_STAGING_DIR, or the directory
// given as the first argument) it writes
//
// - sw.js (minified): www/sw.js preceded by `const BUILD = { version, files }`, the list of every file of this
//   build with the SHA-256 of its bytes; the version is the SHA-256 of that list, so any change to
//   any file makes a new service worker and a new cache (www/sw.js says how it uses them);
// - _headers: the response headers, in the format Netlify and Cloudflare Pages read and
//   scripts/serve-dist.py applies: the page's Content-Security-Policy (taken from index.html's
//   <meta>) again as a header with frame-ancestors 'none', which a <meta> cannot carry, and for
//   sw.js and worker.js (the page's Worker), which run under the CSP of their own responses rather
//   than the page's, policies that let them load and fetch only from their own origin (the Worker:
//   the module's glue and .wasm, and compiling it).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from './minify-dist.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/write-sw.mjs DIR (or run as a Trunk hook, with TRUNK_STAGING_DIR set)');
  process.exit(2);
}

/** Files that are not the page's: the worker itself and the host's header file. */
const NOT_PAGE_FILES = new Set(['sw.js', '_headers']);

function filesUnder(prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (entry.isFile() && !NOT_PAGE_FILES.has(rel)) out.push(rel);
  }
  return out.sort();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const files = filesUnder().map((url) => ({ url, sha256: sha256(readFileSync(path.join(dir, url))) }));
if (!files.some((f) => f.url === 'index.html')) {
  console.error(`${dir} has no index.html: is this a build directory?`);
  process.exit(1);
}
const version = sha256(files.map((f) => `${f.sha256}  ${f.url}\n`).join('')).slice(0, 16);
const template = readFileSync(path.join(ROOT, 'www/sw.js'), 'utf8');
const list = files.map((f) => `  ${JSON.stringify(f)}`).join(',\n');
writeFileSync(path.join(dir, 'sw.js'), `const BUILD = {\n version: '${version}',\n files: [\n${list},\n ],\n};\n${template}`);
minify(path.join(dir, 'sw.js'));

const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
if (!csp) {
  console.error('index.html has no Content-Security-Policy <meta>');
  process.exit(1);
}
const pageCsp = `${csp}; frame-ancestors 'none'`;
writeFileSync(path.join(dir, '_headers'), [
  '/*',
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '/',
  `  Content-Security-Policy: ${pageCsp}`,
  '/index.html',
  `  Content-Security-Policy: ${pageCsp}`,
  '/sw.js',
  "  Content-Security-Policy: default-src 'none'; connect-src 'self'",
  '  Cache-Control: no-cache',
  '/worker.js',
  "  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'",
  '',
].join('\n'));
console.log(`sw.js: build ${version}, ${files.length} files`);
