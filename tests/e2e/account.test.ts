import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('a page on another port of the same host', () => {
  it('cannot sign the person out, by a form or by fetch', async () => {
    const { page, problems } = await signedUpPerson(browser, stack.url, 'forged-e2e');
    // Same host, other port: "same-site", so the browser sends the SameSite=Lax session cookie.
    const attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Win a prize</title>
        <form id="f" method="post" action="${stack.url}/api/auth/logout"></form>
        <script>
          fetch('${stack.url}/api/auth/logout-everywhere', { method: 'POST', mode: 'no-cors', credentials: 'include' })
            .finally(() => document.getElementById('f').submit());
        </script>`);
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    try {
      const forged = page.waitForResponse((r) => r.url() === `${stack.url}/api/auth/logout`);
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      const answer = await forged;
      expect(answer.status()).toBe(403);
      expect(await page.textContent('body')).toContain('another website');
    } finally {
      attacker.close();
    }
    await page.goto(`${stack.url}/account`);
    await page.getByRole('heading', { name: 'Delete your account' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    // Hearth's own sign-out still works.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(problems.filter((p) => !/403/.test(p))).toEqual([]);
  });
});
