// Page object for the cert-preflight app: every selector the end-to-end tests use lives here.
// Selectors are data-testid (getByTestId) and data-code attributes, never text or CSS classes.
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
    // Target.
    this.region = page.getByTestId('region');
    this.legacyNote = page.getByTestId('target-legacy');
    this.auth = page.getByTestId('auth');
    // Results.
    this.cards = page.getByTestId('certificate-card');
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
    this.fixBefore = page.getByTestId('fix-before');
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
    this.expiresIn = page.getByTestId('expires-in');
    this.regenerate = page.getByTestId('regenerate');
  }
  async open(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.paste.waitFor({ state: 'visible', timeout: 10_000 });
  }
  async pasteText(text) {
    await this.paste.fill(text);
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
  /** The data-code of every diagnostic item of a severity. */
  async diagnosticCodes(severity) {
    return this.diagnostics(severity).locator('[data-code]').evaluateAll((items) => items.map((i) => i.dataset.code));
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
  /** Clicks the copy button and returns what it wrote to the clipboard (needs clipboard permissions). */
  async copyVisibleOutput() {
    await this.copyOutput.click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
