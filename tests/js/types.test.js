// The package's TypeScript types (index.d.ts, written by hand) against the JSON the command line
// prints: every inspect vector case, every provider vector case (check and request) and the
// targets are written as object literals typed Report / CheckReport / RequestResult / Target and
// compiled by TypeScript in strict mode. An object literal may hold no field its type lacks and
// must hold every field it requires, so a field the CLI adds, drops or retypes fails here. The
// package is imported by its name, through its package.json's exports map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE, cli, inspectCases, inspectWithCli, providerCases } from './cli.js';

const require = createRequire(import.meta.url);

test('index.d.ts types what the CLI prints, on the whole corpus', { timeout: 300_000 }, () => {
  const targets = cli(['targets', '--json']).json;
  const lines = [
    "import { analyze, check, buildRequest, targets, initialize, CertPreflightError } from 'cert-preflight';",
    "import type { Report, CheckReport, RequestResult, Target } from 'cert-preflight';",
    // The functions' signatures, as a caller writes them.
    "export async function use(bytes: Uint8Array): Promise<string> {",
    "  await initialize();",
    "  const r: Report = await analyze({ files: [{ name: 'a.pem', data: bytes }, { name: 'b', data: 'text' }], now: '2026-11-22T00:00:00Z' });",
    "  const c: CheckReport = await check({ provider: 'x', files: [{ name: 'a', data: bytes }], passphrase: 'p' });",
    "  const q: RequestResult = await buildRequest({ provider: 'x', region: 'r', auth: 'v2', accessKeyId: 'a', secret: 's',",
    "    fields: { Name: 'n' }, files: [], timestamp: 't', nonce: 'n' });",
    "  const t: Target[] = await targets();",
    "  try { await check({ provider: 'x', files: [] }); } catch (e) { if (e instanceof CertPreflightError) return e.code; }",
    "  return [r.chain.verdict, c.provider.id, q.request?.curl ?? '', t[0].id].join();",
    "}",
  ];
  let n = 0;
  const typed = (type, value) => lines.push(`export const v${n++}: ${type} = ${JSON.stringify(value)};`);
  typed('Target[]', targets);
  for (const c of inspectCases()) typed('Report', inspectWithCli(c).json);
  for (const c of providerCases(targets)) {
    typed(c.command === 'check' ? 'CheckReport' : 'RequestResult', cli(c.args, { env: c.env }).json);
  }
  assert.ok(n > 150, `${n} values typed`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-types-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(PACKAGE, path.join(dir, 'node_modules', 'cert-preflight'), 'dir');
    writeFileSync(path.join(dir, 'check.mts'), `${lines.join('\n')}\n`);
    const tsc = require.resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '--exactOptionalPropertyTypes',
      '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom',
      path.join(dir, 'check.mts')], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(result.status, 0, `tsc: ${result.stdout.slice(0, 4000)}${result.stderr.slice(0, 2000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
