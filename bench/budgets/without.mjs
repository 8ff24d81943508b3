// Writes the size table of bench/budgets/without.sh: dist/ beside the page built without the
// `encrypted-inputs` feature, brotli q11 per file, to bench/results/budgets-without-encrypted-inputs.md,
// and the totals to its .json (read by run.mjs, which names the budget's breaker in budgets.md).
//
//   node bench/budgets/without.mjs REAL_DIST WITHOUT_DIST HEAD
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distSizes } from './size.mjs';

const results = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');
const [real, without, head] = process.argv.slice(2);
const a = distSizes(real);
const b = distSizes(without);
const kb = (n) => (n / 1000).toFixed(1);
const rows = a.files.map((f, i) => `| ${f.file} | ${f.brotli} | ${b.files[i]?.brotli ?? '–'} | ${f.brotli - (b.files[i]?.brotli ?? 0)} |`);
const text = `# dist/ without PKCS#12 and encrypted keys

Measured ${new Date().toISOString()} by \`bash bench/budgets/without.sh\` at ${head}: the page's build
(scripts/build-page.sh) with \`--no-default-features\` (no \`encrypted-inputs\`), beside dist/.
Brotli q11 bytes (KB = 1000 bytes); budget 300 KB.

| file | dist/ | without | difference |
|---|---:|---:|---:|
${rows.join('\n')}
| **total** | **${a.total.brotli}** (${kb(a.total.brotli)} KB) | **${b.total.brotli}** (${kb(b.total.brotli)} KB) | ${a.total.brotli - b.total.brotli} |

PKCS#12 and encrypted keys cost ${kb(a.total.brotli - b.total.brotli)} KB; without them dist/ would be ${kb(b.total.brotli)} KB, ${b.total.brotli <= 300000 ? 'within' : 'over'} the budget.
`;
writeFileSync(path.join(results, 'budgets-without-encrypted-inputs.md'), text);
writeFileSync(path.join(results, 'budgets-without-encrypted-inputs.json'), `${JSON.stringify({
  measured_at: new Date().toISOString(), head, dist_brotli: a.total.brotli, without_brotli: b.total.brotli,
}, null, 2)}\n`);
console.log(text);
