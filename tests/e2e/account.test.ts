import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STEP_TIMEOUT, signedUpPerson } from '../support/browser';
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

describe('signing out while the page is still loading', () => {
  it('says so, and what the page was still loading is dropped without an error', async () => {
    const { page, problems } = await signedUpPerson(browser, stack.url, 'hasty-e2e');
    // The account page's list of groups is held back until the person has signed out.
    const held: Route[] = [];
    await page.route(/\/api\/me\/groups$/, (r) => {
      held.push(r);
    });
    await page.goto(`${stack.url}/account`);
    await expect.poll(() => held.length).toBe(1);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You are signed out.').waitFor();
    const refused = page.waitForResponse((r) => /\/api\/me\/groups$/.test(r.url()));
    await held[0]!.continue();
    expect((await refused).status()).toBe(401);
    // Two turns of the page's event loop: the answer has been read and handled.
    for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await page.getByText('You are signed out.').waitFor();
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
    // Hearth's own sign-out still works, and says so.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You are signed out.').waitFor();
    await expect.poll(() => page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(problems.filter((p) => !/403/.test(p))).toEqual([]);
  });
});

describe('choosing a passphrase', () => {
  it('shows how strong it is while typing, refuses an easy one by the field, and takes a strong one', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${stack.url}/signup`);
    await page.getByLabel('Handle').fill('meter-e2e');
    const field = page.getByLabel('Passphrase');
    await field.pressSequentially('Password1!');
    await page.getByText('Strength: Weak — too easy to guess.').waitFor();
    await page.getByText('This is close to an often used password.').waitFor();
    // The meter is part of the field's description, for screen readers.
    const described = await field.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described!.split(' ').at(-1)}"]`).textContent()).toContain(
      'too easy to guess',
    );
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.field .error').getByText('This passphrase is too easy to guess.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: '.test-results/passphrase-weak-360.png', fullPage: true });

    await field.fill('');
    await field.pressSequentially('lanterns over the quiet harbour');
    await page.getByText('Strength: Strong.').waitFor();
    // The refusal was of the passphrase sent: changed, the field speaks with the meter alone.
    expect(await page.locator('.field .error').count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Changing it later shows the same meter, with the handle counted as easy to guess.
    await page.goto(`${stack.url}/account`);
    await page.getByLabel('Current passphrase').fill('lanterns over the quiet harbour');
    await page.getByLabel('New passphrase').pressSequentially('meter-e2e2026');
    await page.getByText(/Strength: (Very weak|Weak|Fair) — too easy to guess\./).waitFor();
    await page.getByLabel('New passphrase').fill('kettle songs at first light');
    await page.getByText('Strength: Strong.').waitFor();
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Passphrase changed. Your other devices are signed out.').waitFor();
    expect(problems).toEqual([]);
  });
});
