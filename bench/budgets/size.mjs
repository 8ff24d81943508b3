// The size of what the page ships: every file in dist/, raw, gzip (level 9) and brotli (quality 11,
// as a static host precompresses), per file and in total. Used by run.mjs (the budget's figures)
// and by tests/e2e/size.test.js (the ceiling that keeps it from growing unnoticed).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** Every regular file under dir, relative paths, sorted; hidden entries (Trunk's .stage) are not served. */
function filesUnder(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** { files: [{ file, raw, gzip, brotli }], total: { raw, gzip, brotli } } for the directory dist. */
export function distSizes(dist) {
  const files = filesUnder(dist).map((rel) => {
    const bytes = readFileSync(path.join(dist, rel));
    return {
      file: rel,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 11,
          [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return { files, total };
}
