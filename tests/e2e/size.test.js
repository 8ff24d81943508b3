// What the page ships must not grow unnoticed. The budget is 300 KB brotli for all of dist/; it is
// broken by one dependency group, PKCS#12 and encrypted keys (bench/README.md, "Web app budgets":
// 321.9 KB on 2026-12-01, 291.6 KB without them, bench/budgets/without.sh).
// The figure is of the page's own build (scripts/build-page.sh); a plain `trunk build --release`
// is about 27 KB larger and fails here.
// Issue 13 (every key people have, read or clearly refused) added 18.0 KB on purpose: 339.9 KB on
// 2026-12-06 (every PBES1/PBES2/PKCS#12 PBE scheme and legacy PEM cipher, the key types no target
// takes, key validity; ARCHITECTURE.md, "Keys read and refused").
// This ceiling holds the last measured figure with a little room: a change that adds bytes on
// purpose raises CEILING here and re-measures bench/results/budgets.md with
// `node bench/budgets/run.mjs`, whose attribution says where the bytes went.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './harness.js';
import { distSizes } from '../../bench/budgets/size.mjs';

const BUDGET = 300_000;
const CEILING = 340_500;

test('dist/ stays under its size ceiling (brotli q11, every file)', () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `${DIST} is not built`);
  const { files, total } = distSizes(DIST);
  const names = files.map((f) => f.file);
  // The page is these files and nothing else: a stray file would be counted and served.
  assert.deepEqual(names, ['cert-preflight.js', 'cert-preflight_bg.wasm', 'index.html', 'loader.js', 'style.css']);
  const detail = files.map((f) => `${f.file} ${f.brotli}`).join(', ');
  assert.ok(total.brotli <= CEILING,
    `dist/ is ${total.brotli} bytes brotli, over the ceiling of ${CEILING} (budget ${BUDGET}): ${detail}`);
});
