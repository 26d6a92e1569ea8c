import { chromium } from 'playwright-core';
const base = process.argv[2]!;
const out = process.argv[3]!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [name, width, scheme] of [
  ['phone', 360, 'light'],
  ['desk', 1280, 'light'],
  ['phone-dark', 360, 'dark'],
  ['desk-dark', 1280, 'dark'],
] as const) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(name, 'console:', m.text()));
  await page.goto(`${base}/signup`);
  await page.getByLabel('Handle').fill(`shot-${name}-${Date.now() % 100000}`);
  await page.getByLabel('Passphrase').fill('a heron waits by the quiet weir');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  await page.screenshot({ path: `${out}/codes-${name}.png` });
  await page.getByLabel('I have saved my recovery codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.goto(`${base}/`);
  await page.getByRole('list', { name: 'Groups' }).waitFor();
  await page.screenshot({ path: `${out}/dir-${name}.png` });
  await page.goto(`${base}/groups`);
  await ctx.close();
}
await browser.close();
