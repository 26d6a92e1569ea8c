/**
 * Draws the app's PNG icons from web/icon.svg, at the sizes browsers and phones ask for, in
 * Chromium. Run once when the icon changes (npm run icons); the PNGs are committed, so building
 * and deploying need no browser.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { root } from './build';

const svg = readFileSync(join(root, 'web/icon.svg'), 'utf8');
// A maskable icon is cut to a circle or a squircle by the phone: the flame stays inside the safe circle (80% of the width).
const flame = svg.replace(/<rect[^>]*\/>/, '').replace(/<title>[^<]*<\/title>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#8a3b12"/><g transform="translate(3.2 3.2) scale(0.8)">${flame.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</g></svg>`;

const icons: [file: string, size: number, source: string][] = [
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['maskable-512.png', 512, maskable],
  ['apple-touch-icon.png', 180, maskable],
];

const browser = await launchBrowser();
try {
  for (const [file, size, source] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    await page.screenshot({ path: join(root, 'web/icons', file), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`drew ${icons.map(([f]) => f).join(', ')} in web/icons`);
