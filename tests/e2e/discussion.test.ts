import { describe, expect, it } from 'vitest';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

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
    // Posting opens the new discussion, its heading taking the keyboard's focus.
    await host.page.getByRole('heading', { name: 'Welcome, everyone', level: 1 }).waitFor();
    await expect
      .poll(() => host.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Welcome, everyone');
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
    // The new reply is the feedback: in view, with the keyboard on it.
    await expect.poll(() => guest.page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^post-/);
    expect(await guest.page.getByText('Food has been hard this week.').isVisible()).toBe(false);
    await guest.page.getByText('Content warning: Eating and food').click();
    await guest.page.getByText('Food has been hard this week.').waitFor();
    // A label the reader chooses not to fold shows open, still labelled.
    await guest.page.goto(`${stack.url}/account`);
    await guest.page.getByLabel('Eating and food').uncheck();
    await guest.page.getByRole('button', { name: 'Save', exact: true }).click();
    await guest.page.getByText('Saved.').waitFor();
    await guest.page.goto(threadUrl);
    await guest.page.getByText('Food has been hard this week.').waitFor();
    await guest.page.getByText('Content warning: Eating and food').waitFor();
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
    // The member says where they are (never guessed) and sees that country's lines at once.
    await guest.page.getByLabel(/Where are you\?/).selectOption('GB');
    expect(await guest.page.getByRole('link', { name: 'call 116 123' }).getAttribute('href')).toBe(
      'tel:116123',
    );
    await guest.page.getByText('In danger now? Call 999.').waitFor();
    expect(await guest.page.getByRole('link', { name: 'Talk to someone now' }).getAttribute('href')).toBe(
      '/crisis.html',
    );
    await guest.page.getByText('honestly i want to end it all').waitFor();

    // Posting followed the thread: new posts show in the guest's notifications.
    await guest.page.getByRole('button', { name: 'Following' }).waitFor();
    await host.page.reload();
    await host.page.getByLabel('Your reply', { exact: true }).fill('Thank you for telling us.');
    await host.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await host.page.getByText('Thank you for telling us.').waitFor();
    await guest.page.goto(`${stack.url}/notifications`);
    const followed = guest.page.getByRole('region', { name: 'Discussions you follow' });
    await followed.getByRole('link', { name: 'Welcome, everyone' }).waitFor();
    await followed.getByText('1 new').waitFor();
    await followed.getByRole('link', { name: 'Welcome, everyone' }).click();
    await guest.page.getByRole('button', { name: 'Following' }).click();
    await guest.page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    for (const p of [host, guest]) expect(p.problems).toEqual([]);
  });

  it('a newcomer’s first post waits → a moderator approves it from the queue; a report → hide with a reason; pin', async () => {
    const host = await person('host-mod');
    await host.page.goto(`${stack.url}/groups/new`);
    await host.page.getByLabel('Name').fill('Quiet Harbour');
    await host.page.getByLabel('What the group is about').fill('A careful group.');
    await host.page.getByLabel('Anxiety').check();
    await host.page.getByLabel('Time zone').fill('Europe/London');
    await host.page.getByLabel('Moderators approve new members').check();
    await host.page.getByRole('button', { name: 'Create group' }).click();
    await host.page.getByRole('link', { name: 'Discussions' }).waitFor();
    const groupUrl = host.page.url();

    const newcomer = await person('new-mod', 360);
    await newcomer.page.goto(groupUrl);
    await newcomer.page.getByLabel(/I have read the community guidelines/).check();
    await newcomer.page.getByLabel(/alias/i).fill('Heron');
    await newcomer.page.getByRole('button', { name: /Join group|Ask to join/ }).click();
    await newcomer.page.getByText('You asked to join.', { exact: false }).waitFor();
    await host.page.goto(`${groupUrl}/members`);
    await host.page.getByRole('button', { name: 'Approve Heron' }).click();
    await host.page.getByRole('button', { name: 'Approve Heron' }).waitFor({ state: 'detached' });

    await newcomer.page.goto(`${groupUrl}/threads`);
    await newcomer.page.getByLabel('Title').fill('Hello from Heron');
    await newcomer.page.getByLabel('First post').fill('Glad to have found you.');
    await newcomer.page.getByRole('button', { name: 'Post', exact: true }).click();
    await newcomer.page.getByRole('heading', { name: 'Hello from Heron', level: 1 }).waitFor();
    await newcomer.page.getByText('waiting for a moderator').waitFor();

    await host.page.goto(`${groupUrl}/threads`);
    await host.page.getByRole('link', { name: 'Moderation: waiting posts and reports' }).click();
    const waiting = host.page.getByRole('region', { name: /Waiting for approval/ });
    await waiting.getByText('Glad to have found you.').waitFor();
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await host.page.getByRole('heading', { name: 'Waiting for approval (0)' }).waitFor();

    // A post is reported; the moderator hides it with a reason, from its thread.
    await newcomer.page.reload();
    await newcomer.page.getByText('Glad to have found you.').waitFor();
    expect(await newcomer.page.getByText('waiting for a moderator').count()).toBe(0);
    await host.page.goto(`${groupUrl}/threads`);
    await host.page.getByRole('link', { name: 'Hello from Heron' }).click();
    // A reply nested under the post it answers.
    await host.page.getByRole('button', { name: 'Reply to Heron' }).click();
    await host.page.getByLabel('Your reply to Heron').fill('So glad you are here.');
    await host.page.getByRole('button', { name: 'Send reply' }).click();
    await host.page
      .getByRole('list', { name: 'Replies to Heron' })
      .getByText('So glad you are here.')
      .waitFor();
    await host.page
      .getByLabel('Your reply', { exact: true })
      .fill('Welcome, Heron. Buy cheap pills at spam.example');
    await host.page.getByRole('button', { name: 'Reply', exact: true }).click();
    const spam = newcomer.page.locator('li.post', { hasText: 'spam.example' });
    await newcomer.page.reload();
    await spam.getByRole('button', { name: 'Report' }).click();
    await spam.getByLabel('What is wrong?').selectOption('spam');
    await spam.getByRole('button', { name: 'Send report' }).click();
    await spam.getByText('Thank you. The group’s moderators will look at it').waitFor();
    await host.page.goto(`${groupUrl}/moderation`);
    await host.page.getByRole('heading', { name: 'Reported posts (1)' }).waitFor();
    await host.page.getByRole('link', { name: 'See it in its thread' }).click();
    const reported = host.page.locator('li.post', { hasText: 'spam.example' });
    await reported.getByRole('button', { name: 'Hide' }).click();
    // Asked why, the keyboard is in the reason; done, it is on the post.
    await expect.poll(() => host.page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await reported.getByLabel(/Why\?/).fill('Spam');
    await reported.getByRole('button', { name: 'Hide the post' }).click();
    await reported.getByText('Hidden by a moderator: Spam').waitFor();
    await expect.poll(() => host.page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^post-/);
    await newcomer.page.reload();
    await newcomer.page.getByText('Glad to have found you.').waitFor();
    expect(await newcomer.page.getByText('spam.example').count()).toBe(0);

    await host.page.getByRole('button', { name: 'Pin' }).click();
    await host.page.getByLabel(/Why\?/).fill('Welcome thread');
    await host.page.getByRole('button', { name: 'Pin it to the top' }).click();
    await host.page.getByText('Pinned', { exact: true }).waitFor();

    // A pause on the newcomer's posting: they still read, and are told why and until when.
    await host.page.goto(`${groupUrl}/members`);
    await host.page.getByRole('button', { name: 'Pause posting: Heron' }).click();
    await host.page.getByLabel('Pause Heron’s posting for').selectOption('24');
    await host.page.getByLabel(/Why\? \(they are told/).fill('Let us all take a breath.');
    await host.page.getByRole('button', { name: 'Pause posting', exact: true }).click();
    await host.page.getByRole('button', { name: 'Let them post again: Heron' }).waitFor();
    await newcomer.page.reload();
    await newcomer.page
      .getByText(/A moderator has paused your posting here until .*Let us all take a breath\./)
      .waitFor();
    expect(await newcomer.page.getByLabel('Your reply', { exact: true }).count()).toBe(0);
    for (const p of [host, newcomer]) expect(p.problems).toEqual([]);
  });
});
