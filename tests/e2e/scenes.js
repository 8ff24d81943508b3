// The page's main states, reached as a person would from a freshly loaded page: shared by the
// accessibility checks (a11y.test.js) and the README's screenshots (screenshots.test.js).
import { readFileSync } from 'node:fs';
import { vectorInput } from './fixtures.js';

const read = (caseName, file) => readFileSync(vectorInput(caseName, file), 'utf8');
const CHAIN = read('chain-ordered-leaf-int-root', 'chain.pem');
const [, INTERMEDIATE] = CHAIN
  .split(/(?<=-----END CERTIFICATE-----\n)/).filter((b) => b.includes('BEGIN'));
const EC_LEAF = read('key-pkcs8-ec-matches-leaf', 'leaf.pem');
const EC_KEY = read('key-pkcs8-ec-matches-leaf', 'leaf-key.test-only.pem');

export const SCENES = {
  /** Nothing given yet. */
  empty: async () => {},
  /** A shuffled chain pasted with a private key: the key moved to its box, the chain out of order. */
  pasted: async (app) => {
    await app.pasteText(read('chain-shuffled', 'chain.pem') + EC_KEY);
    await app.cards.nth(2).waitFor({ timeout: 10_000 });
  },
  /** A certificate cut short: an error naming the block and line. */
  malformed: async (app) => {
    await app.pasteText(read('malformed-missing-end', 'cut.pem'));
    await app.diagnostic('pem-missing-end').waitFor({ timeout: 10_000 });
  },
  /** ELB: an EC leaf after its intermediate, with its PKCS#8 key, before the fix. */
  reorderable: async (app) => {
    await app.chooseTarget('huawei-elb');
    await app.pasteText(`${INTERMEDIATE}${EC_KEY}${EC_LEAF}`);
    await app.waitForVerdict('reorderable');
  },
  /** The same after "fix order" (the before/after view shows). */
  fixed: async (app) => {
    await SCENES.reorderable(app);
    await app.fixOrder.click();
    await app.waitForVerdict('ordered');
  },
  /** The same with the fields and AK/SK credentials filled and the request generated. */
  request: async (app) => {
    await SCENES.fixed(app);
    await app.region.fill('cn-north-4');
    await app.auth.selectOption('aksk');
    await app.field('project_id').fill('0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    await app.field('type').selectOption('server');
    await app.field('name').fill('www-example-2026');
    await app.field('domain').fill('api.example.com');
    await app.accessKeyId.fill('HWTESTAK0001');
    await app.accessKeySecret.fill('not-a-real-secret');
    await app.generateButton.click();
    await app.output.waitFor({ timeout: 10_000 });
  },
  /** The same fixed material with the fields filled, no credentials: the console view opened. */
  console: async (app) => {
    await SCENES.fixed(app);
    await app.region.fill('cn-north-4');
    await app.field('project_id').fill('0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    await app.field('type').selectOption('server');
    await app.field('name').fill('www-example-2026');
    await app.field('domain').fill('api.example.com');
    await app.openConsole();
    await app.consoleFields.first().waitFor({ timeout: 10_000 });
  },
  /** SLB takes one CA certificate per call: a chain of three blocks the request, which says why. */
  blocked: async (app) => {
    await app.chooseTarget('alibaba-slb-ca');
    await app.pasteText(CHAIN);
    await app.cards.first().waitFor({ timeout: 10_000 });
    await app.accessKeyId.fill('LTAI-test-key');
    await app.accessKeySecret.fill('not-a-real-secret');
    await app.generateButton.click();
    await app.requestBlocked.waitFor({ timeout: 10_000 });
  },
};
