// The targets as the core describes them (`cert-preflight targets --json`): their IDs, signing
// schemes, fields and regions. The end-to-end tests take the target list from here, so a target
// added to the core's registry is visited by them without restating it.
import { spawnSync } from 'node:child_process';
import { ROOT } from './server.js';

function readTargets() {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'cert-preflight', '--', 'targets', '--json'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`cert-preflight targets --json failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Every target spec, in the page's order. */
export const CORE_TARGETS = readTargets();
