// Test material: the vector corpus (inputs and the facts pyca/cryptography read from them), the
// 1,000-certificate bundle made by bench/make_inputs.py, axe-core's source, and the command-line
// twin's report of a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.js';

/** Facts pyca/cryptography read from a vector case (tests/vectors/generate.py). */
export function vectorFacts(caseName) {
  return JSON.parse(readFileSync(path.join(ROOT, 'tests/vectors/inspect', caseName, 'facts.json'), 'utf8'));
}

/** The path of an input file of a vector case. */
export function vectorInput(caseName, fileName) {
  return path.join(ROOT, 'tests/vectors/inspect', caseName, 'input', fileName);
}

/** The source of axe-core (npm), to evaluate in a page. */
export function axeSource() {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

let largeBundleDir;
/**
 * A 2 MiB bundle of 1,000 real RSA-2048 certificates (1 root, 20 intermediates, 979 leaves), made
 * once per run by bench/make_inputs.py with pyca/cryptography; returns its path.
 */
export function largeBundle() {
  return benchInput('bundle1000.pem');
}

/**
 * A chain 1,000 deep, leaf first (1.4 MiB: a leaf, 998 intermediates, a root), made with
 * `largeBundle`'s; returns its path.
 */
export function deepChain() {
  return benchInput('deep1000.pem');
}

/** `name` of bench/make_inputs.py's output, made once per run. */
function benchInput(name) {
  if (!largeBundleDir) {
    const python = path.join(ROOT, '.venv/bin/python');
    if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/setup.sh --python`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-bundle-'));
    const made = spawnSync(python, [path.join(ROOT, 'bench/make_inputs.py'), '--out', dir], { encoding: 'utf8', timeout: 120_000 });
    if (made.status !== 0) throw new Error(`make_inputs.py failed: ${made.stderr}`);
    largeBundleDir = dir;
  }
  return path.join(largeBundleDir, name);
}

/** The command-line twin's `inspect --json` report of a file (the native build of the same core). */
export function inspectJson(file) {
  const binary = path.join(ROOT, 'target/debug/cert-preflight');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: cargo build (scripts/test.sh runs cargo test first)`);
  const run = spawnSync(binary, ['inspect', '--json', file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return JSON.parse(run.stdout);
}


/**
 * The command-line twin's `request --format json` for `args` (after `request`), with `env` added to
 * its environment (the secret's variable): the request and its `console` section.
 */
export function requestJson(args, env = {}) {
  const binary = path.join(ROOT, 'target/debug/cert-preflight');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: cargo build (scripts/test.sh runs cargo test first)`);
  const run = spawnSync(binary, ['request', '--format', 'json', ...args], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`cert-preflight request ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/**
 * `count` certificates sharing the name of the self-signed root in PEM block `block` (from 0) of
 * the vector file `file` (relative to the repository), made as bench/hostile.rs makes them: the
 * root with two signature bytes changed per copy, so none is self-signed and each is a candidate
 * issuer of every other. PEM text, decoded and encoded by Node's base64.
 */
export function sameNameCertificates(file, block, count) {
  const pem = readFileSync(path.join(ROOT, file), 'utf8');
  const body = pem.split('-----BEGIN CERTIFICATE-----')[block + 1].split('-----END')[0];
  const root = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  // Ed25519's last 32 bytes are S, which a verifier refuses at once when out of range: change R.
  const fromEnd = root.includes(Buffer.from([0x06, 0x03, 0x2b, 0x65, 0x70])) ? 40 : 2;
  let out = '';
  for (let k = 0; k < count; k++) {
    const der = Buffer.from(root);
    const at = der.length - fromEnd;
    const v = (k ^ 0x5a5a) & 0xffff;
    der[at] ^= v >> 8;
    der[at + 1] ^= v & 0xff;
    out += `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
  }
  return out;
}
