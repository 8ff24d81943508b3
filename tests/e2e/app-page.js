// Page object for the cert-preflight app: every selector the end-to-end tests use lives here (the
// test files name none). Selectors are data-testid (getByTestId), data-code attributes and ARIA
// roles, never text or CSS classes.
import assert from 'node:assert/strict';
import { CORE_TARGETS } from './core.js';

/** The target IDs, from the core's registry (core.js). */
export const TARGETS = CORE_TARGETS.map((t) => t.id);

export class AppPage {
  constructor(page) {
    this.page = page;
    // Material.
    this.paste = page.getByTestId('paste');
    this.filePick = page.getByTestId('file-pick');
    this.keyPaste = page.getByTestId('key-paste');
    this.keyFilePick = page.getByTestId('key-file-pick');
    this.csrPaste = page.getByTestId('csr-paste');
    this.csrFilePick = page.getByTestId('csr-file-pick');
    this.passphrase = page.getByTestId('passphrase');
    this.movedNote = page.getByTestId('moved-note');
    /** The names of the files in each box. */
    this.fileList = page.getByTestId('file-list');
    this.keyFileList = page.getByTestId('key-file-list');
    this.csrFileList = page.getByTestId('csr-file-list');
    /** The line that replaces a large paste area until asked for. */
    this.pasteCollapsed = page.getByTestId('paste-collapsed');
    this.showText = page.getByTestId('show-text');
    // Target.
    this.region = page.getByTestId('region');
    /** The line under the region: its name and the endpoint the request goes to. */
    this.regionHelp = page.getByTestId('region-help');
    this.legacyNote = page.getByTestId('target-legacy');
    this.auth = page.getByTestId('auth');
    this.authOptions = this.auth.locator('option');
    // Results.
    this.cards = page.getByTestId('certificate-card');
    /** The buttons under cut lists ("Show all 1000 certificates"). */
    this.showAllButtons = page.getByTestId('show-all');
    /** A large analysis' status and its progress bar. */
    this.analysing = page.getByTestId('analysing');
    this.progressBar = page.getByRole('progressbar', { name: 'Analysis progress' });
    /** Every diagnostic item, in any severity group. */
    this.allDiagnostics = page.locator('[data-testid^="diagnostics-"] [data-code]');
    this.chainView = page.getByTestId('chain-view');
    this.chainVerdict = page.getByTestId('chain-verdict');
    this.chainNodes = page.getByTestId('chain-node');
    this.chainLinks = page.getByTestId('chain-link');
    this.chainMissing = page.getByTestId('chain-missing');
    // Fixes.
    this.fixOrder = page.getByTestId('fix-order');
    this.fixDropRoot = page.getByTestId('fix-drop-root');
    this.fixNormalise = page.getByTestId('fix-normalise');
    this.fixConvertKey = page.getByTestId('fix-convert-key');
    this.fixChanges = page.getByTestId('fix-changes');
    /** The before/after view's summary (it opens and closes the view). */
    this.fixBeforeAfter = page.getByTestId('fix-before-after');
    this.fixBefore = page.getByTestId('fix-before');
    /** The line under a before/after text cut to its beginning. */
    this.fixBeforeCut = page.getByTestId('fix-before-cut');
    this.fixAfter = page.getByTestId('fix-after');
    // Fields and credentials.
    this.addTag = page.getByTestId('add-tag');
    this.accessKeyId = page.getByTestId('access-key-id');
    this.accessKeySecret = page.getByTestId('access-key-secret');
    this.tokenEnv = page.getByTestId('token-env');
    this.domainId = page.getByTestId('domain-id');
    // Request.
    this.generateButton = page.getByTestId('generate');
    this.requestBlocked = page.getByTestId('request-blocked');
    this.output = page.getByTestId('output');
    this.copyOutput = page.getByTestId('copy-output');
    this.downloadBody = page.getByTestId('download-body');
    this.downloadScript = page.getByTestId('download-script');
    this.scriptHelp = page.getByTestId('script-help');
    this.expiresIn = page.getByTestId('expires-in');
    this.regenerate = page.getByTestId('regenerate');
    // The console path: what to paste into each field of the target's console.
    this.consoleView = page.getByTestId('console-view');
    this.consoleToggle = page.getByTestId('console-toggle');
    this.consoleMenu = page.getByTestId('console-menu');
    this.consoleFields = page.getByTestId('console-field');
    this.consoleBlocked = page.getByTestId('console-blocked');
    this.consoleCopied = page.getByTestId('console-copied');
    // The loader's banners (www/loader.js).
    this.panic = page.getByTestId('panic');
    this.update = page.getByTestId('update');
    this.updateReload = page.getByTestId('update-reload');
    /** The language switch (its accessible name is in both languages). */
    this.langSwitch = page.getByTestId('lang-switch');
    /** Every control a user can type text into. */
    this.textControls = page.locator('textarea, input:not([type]), input[type=text], input[type=password], input[type=search], input[type=email], input[type=url], input[type=tel]');
  }
  /** The tag name, type and `list` attribute of every element with one of these test IDs: { id: [...] }. */
  async hooks(ids) {
    return this.page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const els = [...document.querySelectorAll(`[data-testid="${CSS.escape(id)}"]`)];
      return [id, els.map((el) => ({ tag: el.tagName.toLowerCase(), type: el.type ?? null, list: el.getAttribute('list') }))];
    })), ids);
  }
  /** `<html lang>`. */
  async documentLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }
  /**
   * The English sentences the page shows: runs of three or more words of Latin letters in the
   * visible text, outside what is data rather than chrome (commands and PEM in pre, code, the text
   * boxes, a certificate's own names and facts, the chain's names), with what a message quotes
   * (“…”, "…"), the certificates' own names and a rule citation (（规则 …）: the sources' own
   * titles) left out, and runs in
   * capitals (PEM labels such as BEGIN PRIVATE KEY) allowed. `allow` lists more allowed runs.
   */
  async englishSentences(allow = []) {
    return this.page.evaluate((allow) => {
      const skip = 'pre, code, textarea, input, select, option, datalist, time, .mono, .chain-name, '
        + '[data-testid^="cert-"], script, style, [hidden]';
      // The certificates' own names (subject and issuer DNs, their values): data, in any language.
      const names = new Set();
      for (const el of document.querySelectorAll('[data-testid="cert-subject"], [data-testid="cert-issuer"], .chain-name')) {
        const dn = el.textContent.trim();
        names.add(dn);
        for (const part of dn.split(/,(?=[A-Za-z.0-9]+=)/)) names.add(part.replace(/^[A-Za-z.0-9]+=/, ''));
      }
      const byLength = [...names].filter((n) => n.length > 1).sort((x, y) => y.length - x.length);
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skip)) continue;
        if (!parent.checkVisibility({ checkVisibilityCSS: true })) continue;
        let text = node.textContent;
        for (const name of byLength) text = text.split(name).join(' ');
        text = text
          .replace(/（规则 [^）]*）+/g, ' ')
          .replace(/“[^”]*”/g, ' ').replace(/"[^"]*"/g, ' ');
        for (const [run] of text.matchAll(/[A-Za-z][A-Za-z'’.-]*(?:[ ,]+[A-Za-z][A-Za-z'’.-]*){2,}/g)) {
          if (run === run.toUpperCase()) continue;
          if (allow.some((a) => run.includes(a))) continue;
          found.push(run);
        }
      }
      return found;
    }, allow);
  }
  /** A control by its id (= its data-testid), for checks that walk every control. */
  control(id) {
    return this.page.getByTestId(id);
  }
  /** The options of the region suggestions list `id`. */
  regionSuggestions(id) {
    return this.page.locator(`datalist#${id} option`);
  }
  /** The element a screenshot scrolls to: by data-testid or id. */
  landmark(name) {
    return this.page.locator(`[data-testid="${name}"], #${name}`).first();
  }
  /** A heading by its text. */
  heading(name) {
    return this.page.getByRole('heading', { name });
  }
  /** The "show all" button of a list (`what`: "certificates", "warnings", …). */
  showAll(what) {
    return this.showAllButtons.filter({ hasText: what });
  }
  /** A status region holding `locator`. */
  statusHolding(locator) {
    return this.page.getByRole('status').filter({ has: locator });
  }
  /** Opens the app at `url` and waits until it is ready for input. */
  async open(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.paste.waitFor({ state: 'visible', timeout: 10_000 });
    // The page's Worker has loaded the module and answers (or the page runs the core itself).
    await this.page.locator('html[data-engine]').waitFor({ state: 'attached', timeout: 10_000 });
  }
  /** Where the core runs: 'worker' (the page's Worker) or 'page' (the fallback). */
  async engine() {
    return this.page.locator('html').getAttribute('data-engine');
  }
  /** Waits until the paste area holds `length` characters (a paste the page makes lands a task later). */
  async waitForPasteLength(length) {
    await this.page.waitForFunction((n) => document.querySelector('[data-testid="paste"]').value.length === n, length);
  }
  async pasteText(text) {
    await this.paste.fill(text);
  }
  /** Sets the certificate box at once with one input event, as a paste does (fill types 2 MiB too slowly). */
  async pasteAtOnce(text) {
    await this.paste.evaluate((area, text) => {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }
  card(index) {
    const card = this.cards.nth(index);
    const field = (id) => card.getByTestId(id).textContent();
    return {
      locator: card,
      subject: () => field('cert-subject'),
      issuer: () => field('cert-issuer'),
      notBefore: () => field('cert-not-before'),
      notAfter: () => field('cert-not-after'),
      sha1: () => field('cert-sha1'),
      sha256: () => field('cert-sha256'),
      expiry: () => field('cert-expiry'),
    };
  }
  diagnostic(code) {
    return this.page.locator(`[data-code="${code}"]`);
  }
  /** The diagnostics group of a severity: error, warning or info. */
  diagnostics(severity) {
    return this.page.getByTestId(`diagnostics-${severity}`);
  }
  /** The diagnostic items of a severity. */
  diagnosticItems(severity) {
    return this.diagnostics(severity).locator('[data-code]');
  }
  /** The data-code of every diagnostic item of a severity. */
  async diagnosticCodes(severity) {
    return this.diagnosticItems(severity).evaluateAll((items) => items.map((i) => i.dataset.code));
  }
  /** For every diagnostic item on the page, the data-testid of its severity group. */
  async diagnosticGroups() {
    return this.allDiagnostics.evaluateAll((items) => items.map((i) => i.closest('[data-testid^="diagnostics-"]').dataset.testid));
  }
  /** The values of the scheme choice. */
  async authValues() {
    return this.authOptions.evaluateAll((os) => os.map((o) => o.value));
  }
  /**
   * Pastes `text` into the certificate box as one input event, as a paste does, and samples the
   * large-analysis status every 5 ms until the first certificate card shows: [{ value, max, text }].
   */
  async pasteSamplingProgress(text, timeoutMs = 150_000) {
    return this.page.evaluate(async ([text, timeoutMs]) => {
      const seen = [];
      const poll = setInterval(() => {
        const bar = document.querySelector('[data-testid="analysis-progress"]');
        const status = document.querySelector('[data-testid="analysing"]');
        if (bar && status) seen.push({ value: Number(bar.value), max: Number(bar.max), text: status.textContent });
      }, 5);
      const area = document.querySelector('[data-testid="paste"]');
      area.focus();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      const until = performance.now() + timeoutMs;
      while (!document.querySelector('[data-testid="certificate-card"]') && performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      clearInterval(poll);
      return seen;
    }, [text, timeoutMs]);
  }
  /** The target radio input of a target ID (TARGETS). */
  target(id) {
    return this.page.getByTestId(`target-${id}`);
  }
  async chooseTarget(id) {
    await this.target(id).check();
  }
  async verdict() {
    return this.chainVerdict.getAttribute('data-verdict');
  }
  /** Waits until the chain verdict attribute equals `value`. */
  async waitForVerdict(value, timeout = 10_000) {
    await this.page.locator(`[data-testid="chain-verdict"][data-verdict="${value}"]`).waitFor({ timeout });
  }
  field(name) {
    return this.page.getByTestId(`field-${name}`);
  }
  fieldError(name) {
    return this.page.getByTestId(`field-error-${name}`);
  }
  tab(name) {
    return this.page.getByTestId(`tab-${name}`);
  }
  /** Opens the console view (the toggle says whether it is open). */
  async openConsole() {
    if (await this.consoleToggle.getAttribute('aria-expanded') !== 'true') await this.consoleToggle.click();
    assert.equal(await this.consoleToggle.getAttribute('aria-expanded'), 'true');
  }
  /** The console view's block for a field by what fills it (`certificate_with_chain`, `private_key`, `field:Name`…). */
  consoleField(fill) {
    const block = this.consoleFields.and(this.page.locator(`[data-fill="${fill}"]`));
    return {
      block,
      label: block.getByTestId('console-label'),
      text: block.getByTestId('console-text'),
      copy: block.getByTestId('console-copy'),
      empty: block.getByTestId('console-empty'),
    };
  }
  /**
   * The console view as shown: per field, what fills it, its label, the text in its box (null
   * when it is to stay empty), whether the box is read-only, the label's `for` and the pitfalls.
   */
  async consoleSheet() {
    return this.consoleFields.evaluateAll((blocks) => blocks.map((b) => {
      const box = b.querySelector('[data-testid="console-text"]');
      return {
        fill: b.dataset.fill,
        label: b.querySelector('[data-testid="console-label"]').textContent,
        labelFor: b.querySelector('[data-testid="console-label"]').htmlFor,
        boxId: box?.id ?? null,
        readOnly: box?.readOnly ?? null,
        text: box ? box.value : null,
        pitfalls: [...b.querySelectorAll('[data-testid="console-pitfalls"] li')].map((li) => li.textContent),
      };
    }));
  }
  /** Clicks the copy button and returns what it wrote to the clipboard (needs clipboard permissions). */
  async copyVisibleOutput() {
    await this.copyOutput.click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
