// The built npm package (target/js/cert-preflight, scripts/build-js.sh) in Node against the native
// command line: analyze = inspect --json on every vector case, check = check --json and
// buildRequest = request --format json on every provider vector case, and on every target and
// scheme; targets = targets --json; misuse throws CertPreflightError; no secret in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  NOW, PACKAGE, ROOT, SECRET, cli, inspectCases, inspectWithCli, loadPackage, providerCases,
} from './cli.js';

const pkg = await loadPackage();
const targets = cli(['targets', '--json']).json;

test('package.json is an ES module with main, module, types and an exports map', () => {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.main, './index.js');
  assert.equal(manifest.module, './index.js');
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  assert.equal(manifest.exports['.'].default, './index.js');
  for (const file of manifest.files) assert.ok(readFileSync(path.join(PACKAGE, file)).length > 0, file);
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, /^version = "(.*)"$/m.exec(cargo)[1]);
});

test('the package holds no page: no Yew, no DOM code in the module', () => {
  const wasm = readFileSync(path.join(PACKAGE, 'cert_preflight_core_bg.wasm'));
  const glue = readFileSync(path.join(PACKAGE, 'cert_preflight_core.js'), 'utf8');
  assert.ok(wasm.length > 100_000, 'the module is built');
  for (const word of ['yew', 'HTMLElement', 'createElement', 'addEventListener']) {
    assert.ok(!glue.includes(word), `the glue mentions ${word}`);
    assert.ok(!wasm.includes(Buffer.from(word)), `the module mentions ${word}`);
  }
});

test('targets() = targets --json', async () => {
  assert.deepEqual(await pkg.targets(), targets);
});

test('analyze() = inspect --json on every case of the vector corpus', async () => {
  const cases = inspectCases();
  assert.ok(cases.length >= 60, `the corpus has ${cases.length} cases`);
  for (const c of cases) {
    const expected = inspectWithCli(c);
    assert.ok(expected.json, `${c.name}: the CLI printed no JSON: ${expected.stderr}`);
    const options = { files: c.files, now: c.now };
    if (c.passphrase !== undefined) options.passphrase = c.passphrase;
    const ours = await pkg.analyze(options);
    assert.deepEqual(ours, expected.json, c.name);
    if (c.passphrase) assert.ok(!JSON.stringify(ours).includes(c.passphrase), `${c.name}: passphrase in the report`);
  }
});

test('analyze() takes text as well as bytes', async () => {
  const [c] = inspectCases().filter((k) => k.name === 'chain-ordered-leaf-int-root');
  const asText = c.files.map((f) => ({ name: f.name, data: new TextDecoder().decode(f.data) }));
  assert.deepEqual(await pkg.analyze({ files: asText, now: c.now }), await pkg.analyze({ files: c.files, now: c.now }));
});

test('check() = check --json and buildRequest() = request --format json on every provider vector case', async () => {
  const cases = providerCases(targets);
  assert.ok(cases.length >= 40, `${cases.length} provider cases`);
  let requests = 0;
  let signed = 0;
  for (const c of cases) {
    const expected = cli(c.args, { env: c.env });
    assert.ok(expected.json, `${c.name}: the CLI printed no JSON: ${expected.stderr}`);
    const ours = c.command === 'check' ? await pkg.check(c.options) : await pkg.buildRequest(c.options);
    assert.deepEqual(ours, expected.json, c.name);
    assert.ok(!JSON.stringify(ours).includes(SECRET), `${c.name}: the secret is in the output`);
    if (c.options.passphrase) assert.ok(!JSON.stringify(ours).includes(c.options.passphrase), c.name);
    if (c.command === 'request') {
      requests += 1;
      if (ours.request !== null) signed += 1;
    }
  }
  assert.ok(requests >= 10 && signed >= 5, `${requests} request cases, ${signed} signed`);
});

test('buildRequest() = request --format json for every target and scheme, with fixed time and nonce', async () => {
  const base = providerCases(targets).filter((c) => c.command === 'request');
  let signed = 0;
  for (const spec of targets) {
    // A case of this target that signs, with each of its schemes in turn.
    const model = base.find((c) => c.options.provider === spec.id && cli(c.args, { env: c.env }).json.request !== null);
    assert.ok(model, `${spec.id} has a provider vector that signs`);
    for (const auth of spec.schemes) {
      const args = [];
      for (let i = 0; i < model.args.length; i += 1) {
        const a = model.args[i];
        if (['--auth', '--token-env', '--access-key-id', '--secret-env', '--domain-id'].includes(a)) { i += 1; continue; }
        args.push(a);
      }
      const options = { ...model.options, auth, nonce: 'fixed-nonce-42' };
      delete options.token; delete options.accessKeyId; delete options.secret; delete options.domainId;
      args.splice(args.indexOf('--nonce') + 1, 1, 'fixed-nonce-42');
      args.splice(1, 0, '--auth', auth);
      if (auth === 'token') {
        args.splice(1, 0, '--token-env', 'IAM_TOKEN');
        options.token = 'IAM_TOKEN';
      } else {
        args.splice(1, 0, '--access-key-id', 'AKTEST', '--secret-env', 'VECTOR_SECRET');
        Object.assign(options, { accessKeyId: 'AKTEST', secret: SECRET });
        if (auth === 'aksk' && spec.auth_scope.kind === 'account') {
          args.splice(1, 0, '--domain-id', 'acct-1');
          options.domainId = 'acct-1';
        }
      }
      const expected = cli(args, { env: model.env });
      assert.ok(expected.json, `${spec.id} ${auth}: ${expected.stderr}`);
      const ours = await pkg.buildRequest(options);
      assert.deepEqual(ours, expected.json, `${spec.id} ${auth}`);
      assert.equal(ours.auth, auth);
      assert.ok(!JSON.stringify(ours).includes(SECRET), `${spec.id} ${auth}: secret in the output`);
      if (ours.request !== null) signed += 1;
    }
  }
  assert.ok(signed >= targets.length, `only ${signed} requests signed`);
});

test('misuse throws a CertPreflightError with a code; the secret is never in its message', async () => {
  const [c] = inspectCases().filter((k) => k.name === 'chain-ordered-leaf-int-root');
  const files = c.files;
  const spec = targets.find((t) => t.schemes.includes('v2'));
  const good = {
    provider: spec.id, region: spec.default_region, auth: 'v2', accessKeyId: 'AK', secret: SECRET,
    files, timestamp: NOW, nonce: 'n',
  };
  const cases = [
    [pkg.check, { files, provider: 'no-such-target' }, 'unknown-provider'],
    [pkg.check, { files }, 'missing-provider'],
    [pkg.analyze, { files, now: 'yesterday' }, 'invalid-time'],
    [pkg.analyze, { files: [] }, 'missing-files'],
    [pkg.analyze, { files: [{ name: 'x', data: 42 }] }, 'invalid-request'],
    [pkg.analyze, { files, passphrase: 123456 }, 'invalid-request'],
    [pkg.analyze, { files, colour: 'blue' }, 'invalid-request'],
    [pkg.buildRequest, { ...good, provider: 'nope' }, 'unknown-provider'],
    [pkg.buildRequest, { ...good, auth: 'hmac' }, 'unknown-auth'],
    [pkg.buildRequest, { ...good, auth: undefined }, 'unknown-auth'],
    [pkg.buildRequest, { ...good, secret: undefined }, 'missing-secret'],
    [pkg.buildRequest, { ...good, accessKeyId: undefined }, 'missing-access-key-id'],
    [pkg.buildRequest, { ...good, region: undefined }, 'missing-region'],
    [pkg.buildRequest, { ...good, timestamp: '22/11/2026' }, 'invalid-time'],
    [pkg.buildRequest, { ...good, nonce: '' }, 'invalid-nonce'],
    [pkg.buildRequest, { ...good, fields: { Name: 7 } }, 'invalid-field'],
    [pkg.buildRequest, { ...good, secret: 99 }, 'invalid-request'],
  ];
  const huawei = targets.find((t) => t.schemes.includes('token'));
  cases.push([pkg.buildRequest, { ...good, provider: huawei.id, region: huawei.default_region, auth: 'token' }, 'missing-token']);
  cases.push([pkg.buildRequest, { ...good, provider: huawei.id, region: huawei.default_region, auth: 'token', token: `MIIx-${SECRET}` }, 'invalid-token']);
  for (const [fn, options, code] of cases) {
    await assert.rejects(fn(options), (error) => {
      assert.ok(error instanceof pkg.CertPreflightError, `${code}: ${error}`);
      assert.equal(error.name, 'CertPreflightError');
      assert.equal(error.code, code, `${code}: ${error.message}`);
      assert.ok(error.message.length > 10);
      assert.ok(!error.message.includes(SECRET) && !error.message.includes('123456'), error.message);
      return true;
    });
  }
});

test('bad material gives diagnostics, never a throw', async () => {
  const garbage = [
    { name: 'empty.pem', data: '' },
    { name: 'noise.bin', data: new Uint8Array([0x30, 0x82, 0xff, 0xff, 1, 2, 3]) },
    { name: 'half.pem', data: '-----BEGIN CERTIFICATE-----\nMIIB\n' },
  ];
  const report = await pkg.analyze({ files: garbage, now: NOW });
  assert.ok(report.diagnostics.some((d) => d.severity === 'error'), 'garbage is reported');
  const checked = await pkg.check({ files: garbage, now: NOW, provider: targets[0].id });
  assert.ok(checked.diagnostics.length > 0 && checked.provider.id === targets[0].id);
});

test('a file past the ceiling of one input is not read, as the command line says it; at the ceiling it is', async () => {
  // The wrapper hands the core no more than one byte past the ceiling (its READ_LIMIT); the
  // command line reads a file no further either. Both must give the same report at the boundary.
  const MIB = 1024 * 1024;
  const ceiling = 32 * MIB;
  const der = (length) => { const bytes = new Uint8Array(length); bytes[0] = 0x30; return bytes; };
  const dir = mkdtempSync(path.join(tmpdir(), 'cert-preflight-ceiling-'));
  try {
    for (const [name, data] of [['over.der', der(ceiling + 1)], ['at.der', der(ceiling)], ['far-over.der', der(ceiling + 5 * MIB)]]) {
      writeFileSync(path.join(dir, name), data);
      const report = await pkg.analyze({ files: [{ name, data }], now: NOW });
      const codes = report.diagnostics.map((d) => d.code);
      assert.equal(codes.includes('input-too-large'), name !== 'at.der', `${name}: ${codes}`);
      const cliReport = cli(['inspect', '--json', '--now', NOW, path.join(dir, name)], { cwd: dir }).json;
      assert.deepEqual(cliReport.diagnostics.map((d) => d.code), codes, name);
    }
    // Text: each UTF-16 unit is at least one byte, so text past the ceiling is not read either.
    const text = await pkg.analyze({ files: [{ name: 'log.txt', data: 'x'.repeat(ceiling + 1) }], now: NOW });
    assert.ok(text.diagnostics.some((d) => d.code === 'input-too-large'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
