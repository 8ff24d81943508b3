// What the tests compare the package with: the native command line on the same files, and the
// vector corpus' cases as both read them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKAGE = process.env.CERT_PREFLIGHT_PACKAGE ?? path.join(ROOT, 'target/js/cert-preflight');
const INSPECT = path.join(ROOT, 'tests/vectors/inspect');
const PROVIDERS = path.join(ROOT, 'tests/vectors/providers');
export const NOW = '2026-11-22T00:00:00Z';

/** The native binary: $CERT_PREFLIGHT_BIN, else the debug build, else the release build. */
export function binary() {
  const candidates = [process.env.CERT_PREFLIGHT_BIN, path.join(ROOT, 'target/debug/cert-preflight'),
    path.join(ROOT, 'target/release/cert-preflight')].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('no native cert-preflight binary: run cargo build first');
  return found;
}

/** The package's module (built by scripts/build-js.sh). */
export async function loadPackage() {
  const entry = path.join(PACKAGE, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run bash scripts/build-js.sh first`);
  return import(entry);
}

/** Runs the CLI; returns { status, json, stdout, stderr }. */
export function cli(args, { cwd = ROOT, env = {} } = {}) {
  const result = spawnSync(binary(), args, {
    cwd, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', maxBuffer: 256 << 20,
  });
  if (result.error) throw result.error;
  let json = null;
  try { json = JSON.parse(result.stdout); } catch { /* a usage error prints no JSON */ }
  return { status: result.status, json, stdout: result.stdout, stderr: result.stderr };
}

function sorted(dir) {
  return readdirSync(dir).sort();
}

/** Every inspect case: { name, dir, now, passphrase?, files: [{ name, data }] } (files by name, as the CLI runs in input/). */
export function inspectCases() {
  return sorted(INSPECT).filter((c) => existsSync(path.join(INSPECT, c, 'now.txt'))).map((name) => {
    const dir = path.join(INSPECT, name);
    const passphraseFile = path.join(dir, 'passphrase.txt');
    const passphrase = existsSync(passphraseFile)
      ? readFileSync(passphraseFile, 'utf8').replace(/\n$/, '') : undefined;
    const files = sorted(path.join(dir, 'input')).map((file) => ({
      name: file, data: new Uint8Array(readFileSync(path.join(dir, 'input', file))),
    }));
    return { name, dir, now: readFileSync(path.join(dir, 'now.txt'), 'utf8').trim(), passphrase, files };
  });
}

/** The CLI's `inspect --json` for a case. */
export function inspectWithCli(c) {
  const args = ['inspect', '--now', c.now, '--json'];
  const env = {};
  if (c.passphrase !== undefined) {
    env.VECTOR_PASSPHRASE = c.passphrase;
    args.push('--passphrase-env', 'VECTOR_PASSPHRASE');
  }
  args.push(...c.files.map((f) => f.name));
  return cli(args, { cwd: path.join(c.dir, 'input'), env });
}

function material(caseDir, reference) {
  if (reference.startsWith('inspect:')) {
    const [kase, file] = reference.slice(8).split(/\/(.*)/s);
    return path.join(INSPECT, kase, 'input', file);
  }
  if (reference.startsWith('material:')) return path.join(PROVIDERS, 'material', reference.slice(9));
  return path.join(caseDir, reference);
}

export const SECRET = 'vector-secret-never-printed-7f3a';
export const DOMAIN_ID = '0b5e8f3a9c2d4e6f8a1b3c5d7e9f0a2b';

/**
 * Every provider vector case as the CLI's arguments and the package's options (the same choices as
 * tests/it/providers.rs: the target's default region and first scheme unless the case names them).
 */
export function providerCases(targets) {
  const out = [];
  for (const target of sorted(PROVIDERS)) {
    const spec = targets.find((t) => t.id === target);
    if (!spec) continue;
    for (const name of sorted(path.join(PROVIDERS, target))) {
      const dir = path.join(PROVIDERS, target, name);
      if (!existsSync(path.join(dir, 'case.json'))) continue;
      const kase = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8'));
      const paths = kase.material.map((m) => material(dir, m));
      const files = paths.map((p) => ({ name: p, data: new Uint8Array(readFileSync(p)) }));
      const env = { VECTOR_SECRET: SECRET };
      const options = { provider: target, files };
      let args;
      if (kase.command === 'check') {
        args = ['check', '--provider', target, '--now', NOW, '--json'];
        options.now = NOW;
      } else {
        const region = kase.region ?? spec.default_region;
        const auth = kase.auth ?? spec.schemes[0];
        args = ['request', '--provider', target, '--region', region, '--auth', auth, '--timestamp', NOW,
          '--nonce', 'vector-nonce', '--format', 'json'];
        Object.assign(options, { region, auth, timestamp: NOW, nonce: 'vector-nonce' });
        if (auth === 'token') {
          args.push('--token-env', 'VECTOR_TOKEN');
          options.token = 'VECTOR_TOKEN';
        } else {
          args.push('--access-key-id', 'VECTORAK', '--secret-env', 'VECTOR_SECRET');
          Object.assign(options, { accessKeyId: 'VECTORAK', secret: SECRET });
        }
        if (auth === 'aksk' && spec.auth_scope.kind === 'account' && kase.domain_id !== 'none') {
          args.push('--domain-id', DOMAIN_ID);
          options.domainId = DOMAIN_ID;
        }
        options.fields = [];
        for (const [field, value] of kase.fields ?? []) {
          if (value.startsWith('@')) {
            const file = material(dir, value.slice(1));
            args.push('--field', `${field}=@${file}`);
            options.fields.push([field, readFileSync(file, 'utf8')]);
          } else {
            args.push('--field', `${field}=${value}`);
            options.fields.push([field, value]);
          }
        }
      }
      if (kase.passphrase_of) {
        const passphrase = readFileSync(path.join(INSPECT, kase.passphrase_of, 'passphrase.txt'), 'utf8')
          .replace(/\n$/, '');
        env.VECTOR_PASSPHRASE = passphrase;
        args.push('--passphrase-env', 'VECTOR_PASSPHRASE');
        options.passphrase = passphrase;
      }
      args.push(...paths);
      out.push({ name: `${target}/${name}`, command: kase.command, args, env, options });
    }
  }
  return out;
}
