// Trunk post-build hook (Trunk.toml, [[hooks]], before scripts/write-sw.mjs): minifies the page's
// JavaScript and CSS in place in Trunk's staging directory (TRUNK_STAGING_DIR, or the directory
// given as the first argument) with esbuild, pinned in scripts/env.sh and installed by
// scripts/setup.sh. Whitespace, comments and local names only: the same code, 3.5 KB less brotli in
// dist/ (bench/README.md, "Web app budgets"); the readable sources are www/ and the glue
// wasm-bindgen writes. scripts/write-sw.mjs minifies the service worker it writes with `minify`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Minifies `target` in place; an ES module (`module`) keeps its imports and exports. A build
 * without the pinned esbuild fails: its files would differ from the builds measured.
 */
export function minify(target, { module = false } = {}) {
  const version = spawnSync('esbuild', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (process.env.ESBUILD_VERSION && version !== process.env.ESBUILD_VERSION) {
    fail(`esbuild ${version || '(missing)'} is not the pinned ${process.env.ESBUILD_VERSION}: run bash scripts/setup.sh --build`);
  }
  const args = [target, '--minify', '--charset=utf8', '--log-level=warning', '--allow-overwrite',
    `--outfile=${target}`, ...(module ? ['--format=esm'] : [])];
  const run = spawnSync('esbuild', args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    fail(`esbuild could not minify ${target}: ${run.error?.message ?? run.stderr}(install it with bash scripts/setup.sh --build)`);
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('usage: node scripts/minify-dist.mjs DIR (or run as a Trunk hook, with TRUNK_STAGING_DIR set)');
  for (const file of ['cert-preflight.js', 'loader.js', 'worker.js']) minify(path.join(dir, file), { module: true });
  minify(path.join(dir, 'style.css'));
  // Trunk gave the style sheet's <link> the integrity of its bytes before they were minified.
  const page = path.join(dir, 'index.html');
  const link = /(<link rel="stylesheet" href="\/?style\.css" integrity=")[^"]*(")/;
  const html = readFileSync(page, 'utf8');
  if (!link.test(html)) fail(`${page} has no <link> to style.css with an integrity attribute`);
  const integrity = `sha384-${createHash('sha384').update(readFileSync(path.join(dir, 'style.css'))).digest('base64')}`;
  writeFileSync(page, html.replace(link, `$1${integrity}$2`));
  console.log('minified: cert-preflight.js, loader.js, worker.js, style.css');
}
