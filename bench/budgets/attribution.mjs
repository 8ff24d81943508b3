// Which dependency the wasm module's bytes belong to, in brotli bytes: the answer the size budget
// asks for when it is broken ("say which and what it buys"). Not a test; it writes a file.
//
// Input: a build of the app's module with function names kept (wasm-opt -Oz -g); bench/budgets/
// run.mjs --attribution makes one from target/wasm32-unknown-unknown/web/cert-preflight.wasm.
// Each function body is given to the crate its name starts with (`<T as crate::Trait>` impls to
// the crate of T, so that generic code counts where it was instantiated from); the data segments
// (strings, tables) are one group. Each group's bytes are compressed on their own (brotli q11),
// which slightly overstates each group (no shared context); the shares are what matters.
//
//   node bench/budgets/attribution.mjs NAMED.wasm [OUT.json]

import { readFileSync, writeFileSync } from 'node:fs';
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

/** The crate a function's name belongs to. */
export function crateOf(name) {
  if (!name) return '(unnamed)';
  let n = name.replace(/\[[0-9a-f]+\]/g, '');
  // `<T as Trait>::f` belongs to T's crate; a trait impl for a primitive to the trait's crate.
  const impl = /^<(?:&(?:mut )?)?([A-Za-z_][\w]*)(?:::|<| as )/.exec(n);
  if (impl && !['T', 'A', 'I', 'F', 'S', 'D', 'C', 'U', 'u8', 'u16', 'u32', 'u64', 'usize', 'str', 'char', 'bool', 'alloc', 'core', 'std'].includes(impl[1])) n = impl[1] + '::';
  else if (n.startsWith('<')) n = n.replace(/^<[^>]*? as /, '');
  const m = /^([A-Za-z_][\w]*)::/.exec(n);
  if (!m) return n.startsWith('__') || n.startsWith('_') ? '(runtime: allocator, builtins)' : '(other)';
  const crate = m[1];
  if (['core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins', 'hashbrown'].includes(crate)) return '(Rust std: core, alloc, fmt, collections)';
  return crate;
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, out] = process.argv.slice(2);
  if (!input) { console.error('usage: node bench/budgets/attribution.mjs NAMED.wasm [OUT.json]'); process.exit(2); }
  const result = attribute(input);
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const total = result.rows.reduce((s, r) => s + r.brotli, 0);
  for (const r of result.rows) console.log(`${String(r.brotli).padStart(8)} ${(100 * r.brotli / total).toFixed(1).padStart(5)}%  ${String(r.raw).padStart(8)} raw  ${r.crate}`);
  console.log(`${String(total).padStart(8)} in all (groups compressed separately)`);
}
