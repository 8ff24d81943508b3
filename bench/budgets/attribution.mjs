// Which dependency the wasm module's bytes belong to, in brotli bytes: the answer the size budget
// asks for when it is broken ("say which and what it buys"). Not a test; it writes a file.
//
// Input: a build of the app's module with function names kept (wasm-opt -Oz -g), which
// namedBuild() makes from target/wasm32-unknown-unknown/web/cert-preflight.wasm (run.mjs calls it).
// Each function body is given to the first crate other than Rust's own that its name mentions
// (crateOf: `<T as crate::Trait>` impls to the crate of T, generic std code to the crate it was
// instantiated for); the data segments
// (strings, tables) are one group. Each group's bytes are compressed on their own (brotli q11),
// which slightly overstates each group (no shared context); the shares are what matters.
//
//   node bench/budgets/attribution.mjs NAMED.wasm [OUT.json]
//   node bench/budgets/attribution.mjs --function N [--dist DIR]
//
// The second form names function N of the page's module, as the error banner gives it
// ("wasm-function[N]:0x…", the page's build traps with no panic hook: scripts/build-page.sh):
// the named build has the same functions in the same order as dist/'s module (same input, same
// passes; -g only keeps the names), which it checks body by body before answering.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

function leb(bytes, at) {
  let value = 0; let shift = 0; let i = at;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

/** The module's function bodies (by function index), data segments and function names. */
export function parseModule(bytes) {
  let i = 8;
  let imported = 0;
  const bodies = [];
  const data = [];
  const names = new Map();
  while (i < bytes.length) {
    const id = bytes[i++];
    let size; [size, i] = leb(bytes, i);
    const end = i + size;
    if (id === 2) {
      let n; let j; [n, j] = leb(bytes, i);
      for (let k = 0; k < n; k++) {
        for (let s = 0; s < 2; s++) { let len; [len, j] = leb(bytes, j); j += len; }
        const kind = bytes[j++];
        if (kind === 0) { imported++; [, j] = leb(bytes, j); }
        else if (kind === 1) { j++; let flags; [flags, j] = leb(bytes, j); [, j] = leb(bytes, j); if (flags & 1) [, j] = leb(bytes, j); }
        else if (kind === 2) { let flags; [flags, j] = leb(bytes, j); [, j] = leb(bytes, j); if (flags & 1) [, j] = leb(bytes, j); }
        else if (kind === 3) { j += 2; }
        else if (kind === 4) { j++; [, j] = leb(bytes, j); }
      }
    } else if (id === 10) {
      let n; let j; [n, j] = leb(bytes, i);
      for (let k = 0; k < n; k++) { let len; [len, j] = leb(bytes, j); bodies.push(bytes.subarray(j, j + len)); j += len; }
    } else if (id === 11) {
      let n; let j; [n, j] = leb(bytes, i);
      for (let k = 0; k < n; k++) {
        let flags; [flags, j] = leb(bytes, j);
        if (flags === 2) [, j] = leb(bytes, j);
        if (flags !== 1) { while (bytes[j] !== 0x0b) j++; j++; }
        let len; [len, j] = leb(bytes, j); data.push(bytes.subarray(j, j + len)); j += len;
      }
    } else if (id === 0) {
      let len; let j; [len, j] = leb(bytes, i);
      const name = new TextDecoder().decode(bytes.subarray(j, j + len)); j += len;
      if (name === 'name') {
        while (j < end) {
          const sub = bytes[j++]; let subSize; [subSize, j] = leb(bytes, j);
          const subEnd = j + subSize;
          if (sub === 1) {
            let n; let k = j; [n, k] = leb(bytes, k);
            for (let m = 0; m < n; m++) {
              let index; [index, k] = leb(bytes, k); let l; [l, k] = leb(bytes, k);
              names.set(index, new TextDecoder().decode(bytes.subarray(k, k + l))); k += l;
            }
          }
          j = subEnd;
        }
      }
    }
    i = end;
  }
  return { bodies, data, names, imported };
}

const STD = new Set(['core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins', 'hashbrown']);

/**
 * The crate a function counts for: the first crate other than Rust's own named in it, so that
 * `<x509_cert::Certificate as der::Decode>::from_der` is x509-cert's, `<u8 as der::Encode>` der's,
 * and generic std code (`core::ptr::drop_in_place::<yew::…>`, `<alloc::vec::Vec<x509_cert::…>
 * as der::…>`) counts for the crate it was instantiated for. Works on both the legacy and the v0
 * symbol names (`crate[hash]::`, which the page's build-std build has).
 */
export function crateOf(name) {
  if (!name) return '(unnamed)';
  const n = name.replace(/\[[0-9a-f]+\]/g, '');
  const crates = [...n.matchAll(/(?:^|[^\w:])([A-Za-z_]\w*)::/g)].map((m) => m[1]);
  if (crates.length === 0) return n.startsWith('_') ? '(runtime: allocator, builtins)' : '(other)';
  const own = crates.find((c) => !STD.has(c) && !/^[iu](8|16|32|64|128|size)$/.test(c));
  return own ?? '(Rust std: core, alloc, fmt, collections)';
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24 } }).length;

export function attribute(path) {
  const bytes = readFileSync(path);
  const { bodies, data, names, imported } = parseModule(bytes);
  const groups = new Map();
  bodies.forEach((body, k) => {
    const crate = crateOf(names.get(imported + k));
    if (!groups.has(crate)) groups.set(crate, []);
    groups.get(crate).push(body);
  });
  groups.set('(data: strings, tables)', data);
  const rows = [...groups].map(([crate, parts]) => {
    const joined = Buffer.concat(parts.map((p) => Buffer.from(p)));
    return { crate, functions: crate.startsWith('(data') ? 0 : parts.length, raw: joined.length, brotli: brotli(joined) };
  }).sort((a, b) => b.brotli - a.brotli);
  return { module: path, raw: bytes.length, rows };
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Cargo's output for the page (profile `web`), before wasm-bindgen and wasm-opt, relative to the repository. */
export const PAGE_BUILD = 'target/wasm32-unknown-unknown/web/cert-preflight.wasm';

/**
 * The page's module with function names kept, made from Cargo's output for the page (profile
 * `web`) with the same wasm-bindgen and the same wasm-opt -Oz and parameters (index.html's
 * data-wasm-opt-params) that Trunk runs, plus -g. Its path, or null when the build or a tool is
 * missing.
 */
export function namedBuild() {
  const built = path.join(repo, PAGE_BUILD);
  if (!existsSync(built)) return null;
  // Beside Cargo's output (target/ is ignored), remade each time: nothing piles up in /tmp.
  const work = path.join(repo, 'target/named');
  mkdirSync(work, { recursive: true });
  const env = { ...process.env, PATH: `${path.join(os.homedir(), '.cargo/bin')}:${process.env.PATH}` };
  const bindgen = spawnSync('wasm-bindgen', ['--target', 'web', '--out-dir', work, '--out-name', 'named', built], { env, encoding: 'utf8', timeout: 300_000 });
  if (bindgen.status !== 0) return null;
  const named = path.join(work, 'named.wasm');
  const params = /data-wasm-opt-params="([^"]*)"/.exec(readFileSync(path.join(repo, 'index.html'), 'utf8'))?.[1].split(/\s+/).filter(Boolean) ?? [];
  const opt = spawnSync('wasm-opt', ['-Oz', '-g', ...params, '--enable-bulk-memory', '--enable-nontrapping-float-to-int', path.join(work, 'named_bg.wasm'), '-o', named], { env, encoding: 'utf8', timeout: 300_000 });
  return opt.status === 0 ? named : null;
}

/**
 * The name of function `index` (the index in "wasm-function[index]", imports counted) of the
 * module `served`, read from the named build `named` after checking that every function body of
 * the two is the same: a different build cannot lend its names.
 */
export function functionName(served, named, index) {
  const a = parseModule(readFileSync(served));
  const b = parseModule(readFileSync(named));
  const same = a.imported === b.imported && a.bodies.length === b.bodies.length
    && a.bodies.every((body, k) => Buffer.compare(Buffer.from(body), Buffer.from(b.bodies[k])) === 0);
  if (!same) throw new Error(`${served} is not the build in target/ (rebuild with bash scripts/build-page.sh)`);
  if (index < b.imported) return `(imported function ${index})`;
  if (index >= b.imported + b.bodies.length) throw new Error(`the module has no function ${index}`);
  return b.names.get(index) ?? '(unnamed)';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args[0] === '--function') {
    const index = Number(args[1]);
    const dist = args[2] === '--dist' ? path.resolve(args[3]) : path.join(repo, 'dist');
    const named = Number.isInteger(index) ? namedBuild() : null;
    if (!named) { console.error('usage: node bench/budgets/attribution.mjs --function N [--dist DIR], after bash scripts/build-page.sh'); process.exit(2); }
    console.log(functionName(path.join(dist, 'cert-preflight_bg.wasm'), named, index));
    process.exit(0);
  }
  const [input, out] = args;
  if (!input) { console.error('usage: node bench/budgets/attribution.mjs NAMED.wasm [OUT.json]'); process.exit(2); }
  const result = attribute(input);
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const total = result.rows.reduce((s, r) => s + r.brotli, 0);
  for (const r of result.rows) console.log(`${String(r.brotli).padStart(8)} ${(100 * r.brotli / total).toFixed(1).padStart(5)}%  ${String(r.raw).padStart(8)} raw  ${r.crate}`);
  console.log(`${String(total).padStart(8)} in all (groups compressed separately)`);
}
