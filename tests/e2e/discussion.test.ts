import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupInBrowser, launchBrowser, signedUpPerson } from '../support/browser';
import { startStack } from '../support/stack';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function person(handle: string, width = 1280) {
  const p = await signedUpPerson(browser, stack.url, handle, width);
  // A post must never open a dialog (an injected alert would).
  p.page.on('dialog', (d) => {
    p.problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return p;
}

const XSS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '[click me](javascript:window.__pwned=3)',
  '<svg onload="window.__pwned=4"></svg>',
  '**<iframe src="javascript:window.__pwned=5"></iframe>**',
].join('\n\n');

describe('discussion in Chromium', () => {
  it('start a thread → a reply behind a content warning → reactions; attacks stay text; crisis words bring the panel', async () => {
    const host = await person('host-talk');
    await createGroupInBrowser(host.page, stack.url, 'Talking Circle', 'Talking between meetups.');
    await host.page.getByRole('link', { name: 'Discussions' }).click();
    await host.page.getByText('No discussions yet').waitFor();
    await host.page.getByLabel('Title').fill('Welcome, everyone');
    await host.page.getByLabel('First post').fill(`Say *hello*.\n\n${XSS}`);
    await host.page.getByRole('button', { name: 'Preview' }).click();
    await host.page.getByRole('region', { name: 'Preview' }).getByText('hello').waitFor();
    await host.page.getByRole('button', { name: 'Post', exact: true }).click();
    await host.page.getByRole('link', { name: 'Welcome, everyone' }).click();
    await host.page.getByText('<script>window.__pwned = 1</script>').waitFor();
    const groupUrl = await host.page.getByRole('link', { name: '← Discussions' }).getAttribute('href');
    const threadUrl = host.page.url();

    const guest = await person('guest-talk', 360);
    await guest.page.goto(`${stack.url}${groupUrl!.replace('/threads', '')}`);
    await guest.page.getByLabel(/I have read the community guidelines/).check();
    await guest.page.getByRole('button', { name: 'Join group' }).click();
    await guest.page.getByText('Your role here: Member').waitFor();
    await guest.page.goto(threadUrl);
    await guest.page.getByLabel('Your reply').fill('Food has been hard this week.');
    await guest.page.getByLabel('Eating and food').check();
    await guest.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await guest.page.getByText('Content warning: Eating and food').waitFor();
    expect(await guest.page.getByText('Food has been hard this week.').isVisible()).toBe(false);
    await guest.page.getByText('Content warning: Eating and food').click();
    await guest.page.getByText('Food has been hard this week.').waitFor();
    await guest.page.getByRole('button', { name: 'Sending support (0)' }).first().click();
    await guest.page.getByRole('button', { name: 'Sending support (1)' }).waitFor();

    // Nothing of the attack corpus ran or became markup.
    for (const p of [host.page, guest.page]) {
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await p.locator('.post-body script, .post-body img, .post-body svg, .post-body iframe').count(),
      ).toBe(0);
      expect(await p.locator('.post-body a[href^="javascript"]').count()).toBe(0);
    }

    // Crisis words: a calm panel for the author, the post shared as written.
    await guest.page.getByLabel('Your reply').fill('honestly i want to end it all');
    await guest.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await guest.page.getByRole('heading', { name: 'You are not alone' }).waitFor();
    expect(await guest.page.getByRole('link', { name: 'Talk to someone now' }).getAttribute('href')).toBe(
      '/crisis.html',
    );
    await guest.page.getByText('honestly i want to end it all').waitFor();
    for (const p of [host, guest]) expect(p.problems).toEqual([]);
  });
});
