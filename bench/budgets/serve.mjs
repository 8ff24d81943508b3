// The budget's static server for dist/, run as a process of its own by run.mjs: in the process
// that drives the browser, every response waited behind Playwright's protocol traffic (a trace
// showed the page's four requests answered 25-70 ms after they were sent, on loopback).
//
//   node bench/budgets/serve.mjs DIST   prints "listening http://127.0.0.1:PORT/", serves until killed
//
// Identity encoding, no caching, the right MIME type for .wasm; hidden entries (Trunk's .stage)
// and anything outside DIST are 404.

import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const DIST = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(DIST, 'index.html'))) {
  console.error('usage: node bench/budgets/serve.mjs DIST (a directory with index.html)');
  process.exit(2);
}

const server = createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(DIST, path.normalize(rel));
  if (!file.startsWith(DIST + path.sep) || rel.split('/').some((part) => part.startsWith('.')) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  const body = readFileSync(file);
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${server.address().port}/`));
// Stops with its parent: run.mjs closes our stdin when it is done (or dies).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
