// Accessibility: axe-core finds no violation in each main state of the page (the console view open among them), at 1280 px and 360 px
// wide, in light and dark, in English and in Simplified Chinese (a zh-CN browser); every control is reachable with the keyboard and shows where the focus
// is; the colours follow the system's light/dark setting; nothing scrolls sideways at 360 px.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS } from './app-page.js';
import { readFileSync } from 'node:fs';
import { perFile, openApp } from './browser.js';
import { axeSource, largeBundle } from './fixtures.js';
import { SCENES } from './scenes.js';

const TEST_TIMEOUT = 120_000;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, narrow: { width: 360, height: 800 } };
const SCHEMES = ['light', 'dark'];
const LOCALES = ['en-US', 'zh-CN'];

const suite = perFile();
let axe;

before(() => {
  axe = axeSource();
});

/** The main states of the page (scenes.js), each reached from a freshly loaded page. */
const STATES = Object.fromEntries(['empty', 'pasted', 'fixed', 'request', 'console', 'blocked'].map((name) => [name, SCENES[name]]));

/**
 * Runs axe-core in the page. The page's Content-Security-Policy forbids inline scripts, so
 * page.addScriptTag({ content }) would be refused; page.evaluate goes through the DevTools protocol,
 * which the CSP does not govern, so axe runs against the page exactly as served (no bypassCSP).
 */
async function runAxe(page) {
  await page.evaluate(`${axe}\n;void 0`);
  return page.evaluate(async () => {
    // Every rule axe enables by default (WCAG 2.0–2.2 A/AA and best practices), over the whole document.
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary?.replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}

for (const [stateName, reach] of Object.entries(STATES)) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      for (const locale of LOCALES) {
        test(`axe finds no violation: ${stateName}, ${viewport.width} px, ${colorScheme}, ${locale}`, { timeout: TEST_TIMEOUT }, async () => {
          const { context, page, app, problems, requestsAfterLoad } = await openApp(suite, {
            contextOptions: { viewport, colorScheme, reducedMotion: 'reduce', locale },
          });
          await reach(app);
          const violations = await runAxe(page);
          assert.deepEqual(violations, [], `axe violations (${stateName}, ${viewportName}, ${colorScheme}, ${locale}):\n${describe(violations)}`);
          assert.deepEqual(problems, []);
          assert.deepEqual(requestsAfterLoad, []);
          await context.close();
        });
      }
    }
  }
}

test('light and dark follow the system setting', { timeout: TEST_TIMEOUT }, async () => {
  const colours = {};
  for (const colorScheme of SCHEMES) {
    const { context, page } = await openApp(suite, { contextOptions: { colorScheme } });
    colours[colorScheme] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      const paste = getComputedStyle(document.querySelector('[data-testid="paste"]'));
      return { background: style.backgroundColor, color: style.color, pasteBackground: paste.backgroundColor, pasteColor: paste.color };
    });
    await context.close();
  }
  assert.notEqual(colours.light.background, colours.dark.background, JSON.stringify(colours));
  assert.notEqual(colours.light.color, colours.dark.color, JSON.stringify(colours));
  assert.notEqual(colours.light.pasteColor, colours.dark.pasteColor, JSON.stringify(colours));
});

test('at 360 px wide nothing scrolls sideways', { timeout: TEST_TIMEOUT }, async () => {
  const failures = [];
  for (const [stateName, reach] of Object.entries(STATES)) {
    const { context, page, app } = await openApp(suite, { contextOptions: { viewport: VIEWPORTS.narrow } });
    await reach(app);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const clipped = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
      };
      // What sticks out: boxes, and lines of text (a long unbreakable word overflows its box).
      const offenders = new Map();
      const note = (el, right) => { if (right > width + 0.5 && !clipped(el)) offenders.set(el, Math.max(offenders.get(el) ?? 0, right)); };
      for (const el of document.querySelectorAll('body *')) note(el, el.getBoundingClientRect().right);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      while (walker.nextNode()) {
        range.selectNodeContents(walker.currentNode);
        for (const rect of range.getClientRects()) note(walker.currentNode.parentElement, rect.right);
      }
      const wide = [...offenders.entries()]
        .filter(([el]) => ![...offenders.keys()].some((other) => other !== el && el.contains(other)))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([el, right]) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className ? `.${String(el.className).trim().replace(/ +/g, '.')}` : ''} `
          + `(to ${Math.round(right)} px: "${el.textContent.trim().slice(0, 100)}")`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide };
    });
    if (overflow.scrollWidth > overflow.width) {
      failures.push(`${stateName}: the page is ${overflow.scrollWidth} px wide in ${overflow.width} px:\n  ${overflow.wide.join('\n  ')}`);
    }
    await context.close();
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

/**
 * Presses Tab through the page and returns the controls Tab never reached and those whose focus
 * changes nothing on screen: neither the control's own outline, shadow, border or background nor
 * that of its label (which is where a visually hidden input, such as a styled file picker, shows it).
 */
async function keyboardAudit(page) {
  const controls = await page.evaluate(() => {
    // checkVisibility: not display:none, not visibility:hidden, and not in a closed <details>
    // (whose content Chromium keeps laid out under content-visibility:hidden).
    const rendered = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && rendered(el))
      .map((el, i) => { el.dataset.e2eControl = String(i); return String(i); });
  });
  const look = (id) => page.evaluate((id) => {
    const el = id === null ? document.activeElement : document.querySelector(`[data-e2e-control="${id}"]`);
    const styles = (node) => {
      if (!node) return '';
      const s = getComputedStyle(node);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor, s.textDecorationLine].join('|');
    };
    const labels = [...(el.labels ?? []), el.closest('label')];
    return { id: el.dataset?.e2eControl ?? null, look: [styles(el), ...labels.map(styles)].join('#') };
  }, id);
  const reached = new Map();
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < controls.length + 5; i++) {
    await page.keyboard.press('Tab');
    const focused = await look(null);
    if (focused.id === null || reached.has(focused.id)) continue;
    await page.evaluate(() => document.activeElement.blur());
    const unfocused = await look(focused.id);
    // Back to where Tab left it, by keyboard-like focus so that :focus-visible still applies.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    reached.set(focused.id, focused.look !== unfocused.look);
  }
  const name = (id) => page.evaluate((id) => {
    const el = document.querySelector(`[data-e2e-control="${id}"]`);
    return `${el.tagName.toLowerCase()}${el.type ? `[type=${el.type}]` : ''}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.id ? `#${el.id}` : ''}`;
  }, id);
  // A radio group is one Tab stop (the arrow keys move within it): a radio counts as reached when
  // Tab reached another radio of its group. 'target radios move with the arrow keys' checks the rest.
  const groupOf = (id) => page.evaluate((id) => {
    const el = document.querySelector(`[data-e2e-control="${id}"]`);
    return el.type === 'radio' && el.name ? el.name : null;
  }, id);
  const reachedGroups = new Set();
  for (const id of reached.keys()) {
    const group = await groupOf(id);
    if (group) reachedGroups.add(group);
  }
  const unreached = [];
  const invisible = [];
  for (const id of controls) {
    if (!reached.has(id)) {
      if (!reachedGroups.has(await groupOf(id))) unreached.push(await name(id));
    } else if (!reached.get(id)) invisible.push(await name(id));
  }
  return { controls: controls.length, unreached, invisible };
}

test('every control is reached with Tab and shows a visible focus', { timeout: TEST_TIMEOUT }, async () => {
  for (const [stateName, reach] of Object.entries(STATES)) {
    const { context, page, app } = await openApp(suite, { contextOptions: { viewport: VIEWPORTS.desktop } });
    await reach(app);
    const audit = await keyboardAudit(page);
    assert.ok(audit.controls > 0, 'the page has controls');
    assert.deepEqual(audit.unreached, [], `${stateName}: controls Tab never reaches`);
    assert.deepEqual(audit.invisible, [], `${stateName}: controls whose focus changes nothing on screen`);
    await context.close();
  }
});

test('the target radios move with the arrow keys, each showing its focus', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await openApp(suite, { contextOptions: { viewport: VIEWPORTS.desktop } });
  const ids = TARGETS.map((id) => `target-${id}`);
  const checked = () => page.evaluate((ids) => ids.find((id) => document.querySelector(`[data-testid="${id}"]`).checked), ids);
  const first = await checked();
  assert.ok(first, 'one target is chosen at the start');
  // The look of the focused radio and its label, with and without the focus.
  const focusShows = () => page.evaluate(() => {
    const el = document.activeElement;
    const look = () => [el, el.closest('label') ?? el.labels?.[0]].filter(Boolean).map((n) => {
      const s = getComputedStyle(n);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
    }).join('#');
    const focused = look();
    el.blur();
    const blurred = look();
    el.focus(); // the last interaction was a key, so :focus-visible applies again
    return focused !== blurred;
  });
  // Tab to the chosen radio, then walk the group with ArrowDown.
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.type !== 'radio'); i++) await page.keyboard.press('Tab');
  const seen = [];
  for (let i = 0; i < ids.length; i++) {
    const focused = await page.evaluate(() => document.activeElement.dataset.testid);
    assert.equal(focused, await checked(), 'the focused radio is the chosen one');
    assert.ok(await focusShows(), `${focused}: the focus shows`);
    seen.push(focused);
    await page.keyboard.press('ArrowDown');
  }
  assert.deepEqual([...seen].sort(), [...ids].sort(), 'ArrowDown visits every target');
  assert.equal(await checked(), first, 'and comes back round');
  await context.close();
});

test('a large analysis: its progress bar is named inside a status region, and the cut lists pass axe', { timeout: 180_000 }, async () => {
  const { context, page, app } = await openApp(suite);
  await app.pasteAtOnce(readFileSync(largeBundle(), 'utf8'));
  // Read at the moment the bar shows (the Worker's analysis may end soon after).
  const seen = await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid="analysis-progress"]');
    return bar ? { inStatus: bar.closest('[role="status"]') !== null, named: bar.getAttribute('aria-label') } : null;
  }, null, { timeout: 30_000, polling: 5 });
  const { inStatus, named } = await seen.jsonValue();
  assert.ok(inStatus, 'the bar is inside a status region');
  assert.ok(named, 'the bar is named');
  await app.showAllButtons.first().waitFor({ timeout: 120_000 });
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `axe violations (large bundle, lists cut):\n${describe(violations)}`);
  await context.close();
});

test('the checks above can fail: planted faults are reported', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await openApp(suite);
  await page.evaluate(() => {
    // No label, and a focus that shows nothing (CSSOM styles: the CSP allows them, unlike style="").
    const input = document.createElement('input');
    input.dataset.testid = 'planted-unlabelled';
    const button = document.createElement('button');
    button.textContent = 'planted';
    button.dataset.testid = 'planted-no-focus';
    for (const el of [input, button]) {
      el.style.setProperty('outline', 'none', 'important');
      document.querySelector('main').append(el);
    }
  });
  const violations = await runAxe(page);
  assert.ok(violations.some((v) => v.id === 'label' && v.nodes.some((n) => n.target.includes('planted-unlabelled'))), describe(violations));
  const audit = await keyboardAudit(page);
  assert.ok(audit.invisible.includes('button[type=submit][data-testid=planted-no-focus]'), JSON.stringify(audit));
  await context.close();
});
