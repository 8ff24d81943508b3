// Renders www/icons/icon.svg into the PNG icons the web app manifest names (192 and 512 pixels),
// with Debian's Chromium through playwright-core (installed for the end-to-end tests), then
// reduces each to a 48-colour palette with Pillow (a third of the bytes; they count in dist/'s
// size budget). Run it after changing the SVG and commit the PNGs:
//   python3 -m venv /tmp/pil && /tmp/pil/bin/pip install pillow
//   PYTHON=/tmp/pil/bin/python node scripts/make-icons.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const svg = readFileSync(path.join(ROOT, 'www/icons/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({
      path: path.join(ROOT, `www/icons/icon-${size}.png`),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
  }
} finally {
  await browser.close();
}
const quantize = `
import sys
from PIL import Image
for path in sys.argv[1:]:
    Image.open(path).quantize(colors=48, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
`;
const python = process.env.PYTHON ?? 'python3';
const pngs = [192, 512].map((size) => path.join(ROOT, `www/icons/icon-${size}.png`));
const run = spawnSync(python, ['-c', quantize, ...pngs], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`quantizing with Pillow failed (set PYTHON to a python with Pillow): ${run.stderr}`);
  process.exit(1);
}
console.log('www/icons/icon-192.png, www/icons/icon-512.png written');
