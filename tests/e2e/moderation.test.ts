/**
 * Moderation finished, in Chromium: a report needs a reason, moderators settle it and the reporter
 * hears; authors edit and delete their posts; members mute and unmute. And "Leave quickly" leaves
 * nothing of Hearth to go back to.
 */
import { describe, expect, it } from 'vitest';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { circle, joinInBrowser } from '../support/circle';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

describe('moderation, finished', () => {
  it('a report needs a reason; moderators settle it and the reporter hears; authors edit and delete; members mute and unmute', async () => {
    const { owner, member, groupId } = await circle('mod', 1280, { facilitator: false });
    const reader = await signedUpPerson(browser, stack.url, 'reader-mod', 360);
    await joinInBrowser(reader.page, groupId);
    const m = member.page;
    await m.goto(`${stack.url}/groups/${groupId}/threads`);
    await m.getByLabel('Title').fill('Shopping');
    await m.getByLabel('First post').fill('Selling spare tablets, message me');
    await m.getByRole('button', { name: 'Post', exact: true }).click();
    await m.getByRole('heading', { name: 'Shopping', level: 1 }).waitFor();
    const threadUrl = m.url();

    const r = reader.page;
    await r.goto(threadUrl);
    await r.getByRole('button', { name: 'Report' }).click();
    await r.getByRole('button', { name: 'Send report' }).click();
    await r.getByText('Choose what is wrong with the post').first().waitFor();
    await r.getByLabel('What is wrong?').selectOption('harmful');
    await r.getByRole('button', { name: 'Send report' }).click();
    await r.getByText('Thank you. The group’s moderators will look at it').waitFor();

    const o = owner.page;
    await o.goto(`${stack.url}/`);
    await o.getByRole('link', { name: /Notifications 1 unread/ }).click();
    await o.getByRole('link', { name: /was reported/ }).click();
    await o.getByText('Reported by 1 member').waitFor();
    await o.getByLabel('No breach of the guidelines').check();
    await o.getByRole('button', { name: 'Settle the report' }).click();
    await o
      .getByText('Settled: no breach of the guidelines. The reporter was told it was handled.')
      .waitFor();
    await o.getByText('No reports waiting.').waitFor();
    await r.goto(`${stack.url}/notifications`);
    await r.getByText(/looked at a post you reported/).waitFor();

    // Muting, and undoing it from the account.
    await r.goto(threadUrl);
    await r.getByRole('button', { name: `Mute member-mod` }).click();
    await r.getByText('You muted member-mod').waitFor();
    await r.reload();
    await r.getByRole('heading', { name: 'Shopping' }).waitFor();
    expect(await r.getByText('Selling spare tablets').count()).toBe(0);
    await r.goto(`${stack.url}/account`);
    await r.getByRole('button', { name: 'Unmute member-mod' }).click();
    await r.getByText('You unmuted member-mod').waitFor();
    await r.goto(threadUrl);
    await r.getByText('Selling spare tablets').waitFor();

    // The author edits (marked edited) and deletes, after confirming.
    await m.goto(threadUrl);
    await m.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => m.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await m.getByLabel('Your post', { exact: true }).fill('Never mind, sorted.');
    await m.getByRole('button', { name: 'Save changes' }).click();
    await m.getByText('Never mind, sorted.').waitFor();
    await m.getByText(/· edited/).waitFor();
    await m.getByRole('button', { name: 'Delete' }).click();
    await m.getByRole('button', { name: 'Delete the post' }).click();
    await m.getByText('Post deleted.').waitFor();

    for (const p of [owner, member, reader]) expect(p.problems).toEqual([]);
  });
});

describe('leave quickly', () => {
  it('by the button or Escape three times, replaces Hearth with a neutral site and leaves no Hearth page to go back to', async () => {
    const person = await signedUpPerson(browser, stack.url, 'leaver', 360);
    // The neutral site is outside this machine's reach: a page stands in for it.
    await person.page
      .context()
      .route('https://www.bbc.co.uk/**', (r) =>
        r.fulfill({ contentType: 'text/html', body: '<title>Weather</title>Weather' }),
      );
    await createGroupInBrowser(person.page, stack.url, 'Leaving circle', 'A group to leave from.');
    await person.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    const groupUrl = person.page.url();
    for (const how of ['button', 'escape'] as const) {
      // A new tab each time: a full page load, then pages inside the app, then leave.
      const m = how === 'button' ? person.page : await person.page.context().newPage();
      await m.goto(groupUrl);
      await m.getByRole('link', { name: 'Discussions' }).first().click();
      await m.getByRole('heading', { name: 'Discussions' }).waitFor();
      await m.getByRole('link', { name: '← Leaving circle' }).click();
      await m.getByRole('heading', { name: 'Talk to a facilitator' }).waitFor();
      expect(await m.evaluate(() => history.length), how).toBeGreaterThan(2);
      if (how === 'button') await m.getByRole('link', { name: /Leave quickly/ }).click();
      else for (let i = 0; i < 3; i++) await m.keyboard.press('Escape');
      await m.waitForURL('https://www.bbc.co.uk/weather', { timeout: 15_000 });
      expect(await m.title()).toBe('Weather');
      // Back goes to what was there before Hearth (a new tab's blank page), never to Hearth.
      for (let i = 0; i < 2; i++) {
        await m.goBack({ waitUntil: 'commit', timeout: 5_000 }).catch(() => null);
        expect(m.url().startsWith(stack.url), `${how}: back ${i + 1} → ${m.url()}`).toBe(false);
      }
    }
    expect(person.problems).toEqual([]);
  });
});
