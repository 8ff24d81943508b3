// Page object for the cert-preflight app: every selector the end-to-end tests use lives here.
export class AppPage {
  constructor(page) {
    this.page = page;
    this.paste = page.getByTestId('paste');
    this.filePick = page.getByTestId('file-pick');
    this.cards = page.getByTestId('certificate-card');
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
}
