// The static server of the tests and the benchmarks: dist/ (or any built directory) served on a
// free loopback port by scripts/serve-dist.py, the one server (scripts/serve.sh runs it too), with
// the headers the build's _headers names; and the small waiting helpers every driver shares.
// No browser here: bench/ imports this file without Playwright.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built page the tests serve (DIST_DIR overrides). */
export const DIST = process.env.DIST_DIR ?? path.join(ROOT, 'dist');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`static server exited early (${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`static server on port ${port} did not start`);
}

/**
 * Serves a built page (dist/, or `dir`) on a fresh loopback port with scripts/serve-dist.py, the
 * server scripts/serve.sh runs, which sends the headers the build's _headers file names; returns
 * { url, port, stop }.
 */
export async function serveDist(dir = DIST) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build with bash scripts/build-page.sh first`);
  }
  return serveDirectory(dir);
}

/**
 * Serves any directory as serveDist serves dist/ (the browser benchmark serves bench/); returns
 * { url, port, stop }.
 */
export async function serveDirectory(dir) {
  const port = await freePort();
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve-dist.py'), String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  await waitForPort(port, child, 10_000);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    /** Stops the server; resolves when it has exited (the port then refuses connections). */
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Rejects after `ms` so that no test can hang the runner. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]);
}

