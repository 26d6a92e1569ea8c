/**
 * Without JavaScript, in Chromium at 360 px: the crisis lines page is whole (its lines, its
 * languages, "Leave quickly" as a plain link), and the app's shell says where help is.
 */
import { describe, expect, it } from 'vitest';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

describe('with JavaScript off', () => {
  it('the crisis page still lists the lines, in every language, and Leave quickly still leaves', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${stack.url}/crisis.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Samaritans').count()).toBeGreaterThan(0);
    expect(await page.locator('main li').count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '.test-results/crisis-no-script-360.png', fullPage: true });
    // Another language, by its link.
    await page.getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(/crisis\.es\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('main li').count()).toBeGreaterThan(10);
    // Leave quickly is a link to elsewhere, which works without a script.
    expect(await page.locator('a.quick-exit').getAttribute('href')).toMatch(/^https:\/\//);
    // The app's shell, without its script, points to the crisis lines.
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: 'The crisis lines work without it.' }).click();
    await page.waitForURL(/crisis\.html$/);
    await context.close();
  });
});
