// Takes the README's screenshots (docs/screenshots/*.png) from the real release build: each main
// state of the page, at 1280x900 and 360x800, light and dark, in English and in Chinese (a zh-CN
// browser). See screenshots.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { perFile, openApp } from './browser.js';
import { SCENES } from './scenes.js';
import { saveScreenshot, screenshotContext, SHOWN_AT, SCREENSHOT_ARGS } from './screenshots.js';

const TEST_TIMEOUT = 120_000;


const suite = perFile({ extraArgs: SCREENSHOT_ARGS });

/** name -> [viewport, colour scheme, scene (scenes.js), data-testid to scroll to the top, locale]. */
const SHOTS = {
  'empty': ['desktop', 'light', 'empty'],
  'chain-out-of-order': ['desktop', 'light', 'reorderable', 'chain-view'],
  'chain-fixed': ['desktop', 'light', 'fixed', 'chain-view'],
  'request': ['desktop', 'light', 'request', 'request-title'],
  'request-dark': ['desktop', 'dark', 'request', 'request-title'],
  'request-blocked': ['desktop', 'light', 'blocked', 'request-title'],
  'diagnostics': ['desktop', 'light', 'malformed', 'results'],
  'mobile': ['mobile', 'light', 'pasted', 'chain-view'],
  // The page in a zh-CN browser (it follows navigator.languages).
  'zh-empty': ['desktop', 'light', 'empty', undefined, 'zh-CN'],
  'zh-chain-out-of-order': ['desktop', 'light', 'reorderable', 'chain-view', 'zh-CN'],
  'zh-request': ['desktop', 'light', 'request', 'request-title', 'zh-CN'],
  'zh-request-blocked': ['desktop', 'light', 'blocked', 'request-title', 'zh-CN'],
  'zh-mobile': ['mobile', 'light', 'pasted', 'chain-view', 'zh-CN'],
};

for (const [name, [viewport, colorScheme, scene, scrollTo, locale = 'en-US']] of Object.entries(SHOTS)) {
  test(`screenshot: ${name} (${viewport}, ${colorScheme}, ${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, app, problems } = await openApp(suite, {
      contextOptions: screenshotContext(viewport, colorScheme, locale),
      fixedTime: SHOWN_AT,
    });
    await SCENES[scene](app);
    const target = scrollTo && app.landmark(scrollTo);
    const file = await saveScreenshot(page, name, { scrollTo: target });
    assert.ok(statSync(file).size > 1000, `${file} was written`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
