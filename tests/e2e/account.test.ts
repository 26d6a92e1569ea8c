import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

describe('an account in Chromium', () => {
  it('downloads its data, then is deleted for good after the passphrase, and cannot sign in again', async () => {
    const handle = 'leaving-e2e';
    const { page, problems } = await signedUpPerson(browser, stack.url, handle, 360);
    await page.goto(`${stack.url}/account`);
    // Their data first, as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hearth-${handle}.json`);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.account.handle).toBe(handle);
    await page.getByRole('heading', { name: 'Delete your account' }).waitFor();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('password');
    await page.getByLabel('Your passphrase, to confirm').fill('not the right one at all');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Your passphrase is not right').first().waitFor();
    await page.getByLabel('Your passphrase, to confirm').fill(`${handle} walks by the river`);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Your account is deleted. Take care of yourself.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Passphrase').fill(`${handle} walks by the river`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That handle and passphrase do not match an account').first().waitFor();
    expect(problems).toEqual([]);
  });
});
