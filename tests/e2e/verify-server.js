// The loopback HTTPS server that re-signs generated requests with the vendors' SDKs
// (tests/server/verify_server.py), started as tests/it/requests.rs starts it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.js';

/**
 * Starts tests/server/verify_server.py (the loopback HTTPS server that re-signs requests with the
 * vendors' SDKs) as tests/it/requests.rs does: secrets only through the environment, a throwaway CA,
 * and a test-only .curlrc in CURL_HOME that points curl at it. Returns { dir, records(), bash(), stop() }.
 */
export async function startVerifyServer({ alibaba = {}, huawei = {}, tokens = [], sans = [] } = {}) {
  const python = path.join(ROOT, '.venv/bin/python');
  if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/setup.sh --python`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-verify-'));
  const record = path.join(dir, 'record.jsonl');
  const ready = path.join(dir, 'ready.json');
  const args = [path.join(ROOT, 'tests/server/verify_server.py'), '--cert-dir', path.join(dir, 'certs'),
    '--record', record, '--ready-file', ready];
  for (const san of sans) args.push('--san', san);
  const child = spawn(python, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ALIBABA_TEST_SECRETS: JSON.stringify(alibaba),
      HUAWEI_TEST_SECRETS: JSON.stringify(huawei),
      HUAWEI_TEST_TOKENS: JSON.stringify(tokens),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const until = Date.now() + 60_000;
  while (!existsSync(ready)) {
    if (child.exitCode !== null) throw new Error(`verify_server.py exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > until) throw new Error(`verify_server.py did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { port, ca } = JSON.parse(readFileSync(ready, 'utf8'));
  // curl wants the values quoted in a .curlrc.
  writeFileSync(path.join(dir, '.curlrc'), `cacert = "${ca}"\nconnect-to = "::127.0.0.1:${port}"\n`);
  return {
    dir,
    port,
    records: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    /** Runs a script in bash with curl pointed at this server; HOME is the server's directory. */
    bash: (script, env = {}) => {
      const result = spawnSync('bash', ['-c', script], {
        cwd: dir,
        env: { PATH: process.env.PATH, LANG: 'C.UTF-8', CURL_HOME: dir, HOME: dir, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
    },
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

