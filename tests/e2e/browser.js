// Debian's Chromium through playwright-core, with every background service off, every host but
// loopback unresolvable and a net log (netlog.js reads it); the per-file set-up of a test file
// (the server and the browser), and `openApp`, a fresh page on the app with its page object.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AppPage } from './app-page.js';
import { serveDist } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const DISABLED_FEATURES = [
  // Playwright's own defaults (playwright-core's chromium switches).
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  // Ours: autofill's server queries, the sign-in account check, interest-group and privacy-sandbox
  // fetches, and the optimisation guide's model downloads.
  'AutofillServerCommunication', 'AccountConsistency', 'InterestFeedContentSuggestions',
  'OptimizationGuideModelDownloading', 'PrivacySandboxSettings4', 'Translate', 'DialMediaRouteProvider',
];

/**
 * For a test file: before its tests, serves dist/ and launches Chromium (`launchOptions` as for
 * launchBrowser); after them, closes and stops both. Returns the object that then holds `server`,
 * `browser`, `netLog` and `cleanup`; a test that closes the browser itself (the net-log tests)
 * sets `browser` to null.
 */
export function perFile(launchOptions) {
  const suite = {};
  before(async () => {
    suite.server = await serveDist();
    Object.assign(suite, await launchBrowser(launchOptions));
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.stop();
    suite.cleanup?.();
  });
  return suite;
}

/**
 * Chromium with no background networking, every host but loopback unresolvable, and a net log.
 * `extraArgs` adds switches (the screenshots add those that make rasterisation repeatable).
 * `persistent` launches with a profile directory of its own and returns its `context` instead of
 * `browser` (what only a real profile can do, such as installing the page).
 */
export async function launchBrowser({ extraArgs = [], persistent = false } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-preflight-e2e-'));
  const netLog = path.join(dir, 'netlog.json');
  const options = {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Chromium keeps only the last --disable-features flag, so this one repeats what Playwright
      // disables and adds the background services that still reached for Google hosts here.
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      `--log-net-log=${netLog}`, '--net-log-capture-mode=Everything',
      ...extraArgs,
    ],
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (persistent) {
    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), options);
    return { context, netLog, cleanup };
  }
  return { browser: await chromium.launch(options), netLog, cleanup };
}

/**
 * A fresh context and page on the app (`url`, or the file's server: `suite.server.url`) with its
 * page object, recording console errors, page errors and every request made after load.
 * `contextOptions` go to browser.newContext (viewport, colorScheme, permissions); `fixedTime` (a
 * Date) pins Date.now for deterministic text such as "N days left"; `installTime` installs
 * Playwright's clock at that time. Returns { context, page, app, problems, requestsAfterLoad }.
 */
export async function openApp(suite, { url = suite.server?.url, contextOptions = {}, fixedTime, installTime, initScript } = {}) {
  const context = await suite.browser.newContext(contextOptions);
  const page = await context.newPage();
  // [function, argument]: run in the page before its own scripts.
  if (initScript) await page.addInitScript(...initScript);
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  if (installTime) await page.clock.install({ time: installTime });
  const problems = [];
  const requestsAfterLoad = [];
  let loaded = false;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (loaded) requestsAfterLoad.push(r.url()); });
  const app = new AppPage(page);
  await app.open(url);
  loaded = true;
  return { context, page, app, problems, requestsAfterLoad };
}
