// Screenshots of the real app for the README (docs/screenshots/), taken by screenshots.test.js.
// Deterministic: a fixed viewport (1280x900 or 360x800) at device scale 1, a fixed clock, reduced
// motion, no caret, animations stopped, and the viewport only (never the full page), so that PNGs
// stay small and a rerun on the same machine rewrites the same files.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.js';

export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'docs/screenshots');
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 360, height: 800 } };
/** The time the pages are shown at, so that "N days left" does not change from run to run. */
export const SHOWN_AT = new Date('2026-11-22T12:00:00Z');

/**
 * Chromium switches for repeatable pixels: no partial raster (tiles repainted piecemeal left a few
 * anti-aliased corner pixels differing between runs), sRGB, and no LCD text.
 */
export const SCREENSHOT_ARGS = ['--disable-partial-raster', '--force-color-profile=srgb', '--disable-lcd-text'];

/** Context options for a screenshot: `viewport` is a key of VIEWPORTS, `colorScheme` light or dark. */
export function screenshotContext(viewport = 'desktop', colorScheme = 'light', locale = 'en-US') {
  return { viewport: VIEWPORTS[viewport], deviceScaleFactor: 1, colorScheme, reducedMotion: 'reduce', locale, timezoneId: 'UTC' };
}

/**
 * Saves the viewport as docs/screenshots/NAME.png; returns the path. Takes the focus away (no focus
 * ring, no caret), shows each text area from its first line, and with `scrollTo` (a locator) scrolls
 * the page so that this element is at the top of the viewport.
 */
export async function saveScreenshot(page, name, { scrollTo } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => {
    document.activeElement?.blur();
    for (const area of document.querySelectorAll('textarea, pre')) area.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  if (scrollTo) await scrollTo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Let layout settle (fonts, the last render) before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide', scale: 'css' });
  return file;
}
