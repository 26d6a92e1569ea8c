import { describe, expect, it } from 'vitest';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

describe('the resource directory in Chromium', () => {
  it('a member suggests → a professional, verified by an admin, verifies → the listing shows "verified"', async () => {
    const member = await signedUpPerson(browser, stack.url, 'res-member', 360);
    const pro = await signedUpPerson(browser, stack.url, 'res-pro');
    const admin = await signedUpPerson(browser, stack.url, 'e2e-admin');

    // The professional finds where to apply from their account page, and applies.
    await pro.page.getByRole('link', { name: 'res-pro' }).click();
    await pro.page.getByRole('link', { name: 'Apply to be a verified professional' }).click();
    await pro.page.getByLabel(/Licence or registration/).fill('Clinical psychologist');
    // Pasted too long, the text is kept whole and the field says by how much (nothing cut silently).
    await pro.page.getByLabel('Licence number').fill('P'.repeat(70));
    expect(await pro.page.getByLabel('Licence number').inputValue()).toHaveLength(70);
    await pro.page.getByText('10 characters over the 60 that fit: shorten it to send it.').waitFor();
    await pro.page.getByLabel('Licence number').fill('PYL-4242');
    await pro.page.getByLabel(/Issued by/).fill('UK, HCPC');
    await pro.page.getByRole('button', { name: 'Apply' }).click();
    await pro.page.getByText(/^Your application is waiting for an admin\./).waitFor();
    // The admin decides on a page of their own, and the applicant is told.
    await admin.page.goto(`${stack.url}/professional`);
    await admin.page.getByRole('link', { name: 'Applications waiting for a decision' }).click();
    await admin.page.getByRole('button', { name: 'Verify res-pro' }).click();
    await admin.page.getByText('res-pro is verified, and has been told.').waitFor();
    await admin.page.getByText('None waiting.').waitFor();
    await pro.page.getByRole('link', { name: /Notifications/ }).click();
    await pro.page.getByText(/^You are now a verified professional/).waitFor();

    // A member suggests a listing.
    await member.page.goto(`${stack.url}/resources`);
    await member.page.getByRole('link', { name: 'Suggest a resource' }).click();
    await member.page.getByLabel('Name').fill('Riverside Peer Walks');
    await member.page.getByLabel('What it offers').fill('Free weekly walks for people living with low mood.');
    await member.page.getByLabel('Link (optional)').fill('javascript:alert(1)');
    await member.page.getByRole('button', { name: 'Suggest it' }).click();
    await member.page.getByText('Use an http:// or https:// link').first().waitFor();
    await member.page.getByLabel('Link (optional)').fill('https://walks.example/riverside');
    await member.page.getByRole('button', { name: 'Suggest it' }).click();
    await member.page.getByText('Suggested, waiting for a reviewer.').waitFor();
    const listingUrl = member.page.url();

    // The professional finds it in the review queue (the link is for reviewers) and verifies it.
    await member.page.goto(`${stack.url}/resources`);
    await member.page.getByRole('link', { name: 'Suggest a resource' }).waitFor();
    expect(await member.page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await pro.page.goto(`${stack.url}/resources`);
    await pro.page.getByRole('link', { name: 'Review queue' }).click();
    await pro.page.getByRole('link', { name: 'Riverside Peer Walks' }).click();
    await pro.page.getByRole('button', { name: 'Verify and list it' }).click();
    await pro.page.getByText(/Verified by res-pro \(a verified professional\), today\./).waitFor();

    // Everyone now finds it listed, verified.
    await member.page.goto(listingUrl);
    await member.page.getByText(/Verified by res-pro/).waitFor();
    await member.page.goto(`${stack.url}/resources?scope=global`);
    await member.page.getByLabel('Words').fill('riverside');
    await member.page.getByRole('button', { name: 'Search' }).click();
    await member.page.getByRole('link', { name: 'Riverside Peer Walks' }).waitFor();
    expect(await member.page.getByText(/Verified by res-pro/).count()).toBe(1);

    // The professional adds a note under a member's post; the member sees it.
    const api = async (page: typeof member.page, method: string, path: string, data?: unknown) =>
      (await page.request.fetch(`${stack.url}/api${path}`, { method, data })).json();
    const group = await api(member.page, 'POST', '/groups', {
      name: 'Low Mood Circle',
      description: 'Peer support for low mood.',
      focus: ['depression'],
      guidelines: 'Be kind and listen to each other, always.',
      timezone: 'Europe/London',
      visibility: 'public',
      joinPolicy: 'open',
      moderationPolicy: 'light',
      tone: 'listening',
    });
    const started = await api(member.page, 'POST', `/groups/${group.groupId}/threads`, {
      title: 'Is skipping meals fine?',
      body: 'Someone told me fasting cures low mood.',
    });
    await api(pro.page, 'POST', `/groups/${group.groupId}/members`, { acceptGuidelines: true });
    await pro.page.goto(`${stack.url}/threads/${started.thread.threadId}`);
    await pro.page.getByRole('button', { name: 'Add a note as a professional' }).click();
    await pro.page
      .getByLabel(/Your note/)
      .fill('Regular meals help mood; please talk to a GP before fasting.');
    await pro.page.getByRole('button', { name: 'Add the note' }).click();
    await member.page.goto(`${stack.url}/threads/${started.thread.threadId}`);
    const note = member.page.getByRole('complementary', { name: 'A note from a professional' });
    await note.getByText('Regular meals help mood; please talk to a GP before fasting.').waitFor();
    expect(await note.getByText(/res-pro \(a verified professional\)/).count()).toBe(1);
    expect(await member.page.getByRole('button', { name: 'Add a note as a professional' }).count()).toBe(0);
    for (const p of [member, pro, admin]) expect(p.problems).toEqual([]);
  });

  it('a group’s owner adds a listing to its directory straight away, and members find it', async () => {
    const owner = await signedUpPerson(browser, stack.url, 'res-owner', 360);
    await createGroupInBrowser(owner.page, stack.url, 'Directory circle', 'A group with its own directory.');
    await owner.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    const groupId = new URL(owner.page.url()).pathname.split('/')[2]!;
    await owner.page.goto(`${stack.url}/resources/suggest?scope=${groupId}`);
    await owner.page.getByRole('heading', { name: 'Add a resource' }).waitFor();
    await owner.page.getByLabel('Name').fill('Canal Street Drop-in');
    await owner.page
      .getByLabel('What it offers')
      .fill('A free drop-in for anyone struggling, weekday afternoons.');
    await owner.page.getByLabel('Link (optional)').fill('https://dropin.example/');
    await owner.page.getByRole('button', { name: 'Add it to the directory' }).click();
    await owner.page.getByRole('heading', { name: 'Canal Street Drop-in' }).waitFor();
    await owner.page.getByText('Not yet verified by a professional.').waitFor();
    expect(await owner.page.getByText('Suggested, waiting for a reviewer.').count()).toBe(0);
    await owner.page.goto(`${stack.url}/resources?scope=${groupId}`);
    await owner.page.getByRole('link', { name: 'Canal Street Drop-in' }).waitFor();
    // A search is in the address: shared or reloaded, it is the same search.
    await owner.page.getByLabel('Words').fill('drop-in');
    await owner.page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(owner.page.url()).searchParams.get('q')).toBe('drop-in');
    await owner.page.getByLabel('Where').selectOption('GB');
    await expect.poll(() => new URL(owner.page.url()).searchParams.get('region')).toBe('GB');
    expect(new URL(owner.page.url()).searchParams.get('scope')).toBe(groupId);
    await owner.page.reload();
    expect(await owner.page.getByLabel('Where').inputValue()).toBe('GB');
    expect(await owner.page.getByLabel('Words').inputValue()).toBe('drop-in');
    // One United Kingdom, under its current code.
    expect(
      await owner.page
        .getByLabel('Where')
        .locator('option', { hasText: /^United Kingdom$/ })
        .count(),
    ).toBe(1);
    // Each change of filters is a step of Back: the filters before, and their results, come back.
    await owner.page.getByLabel('Cost').selectOption({ index: 1 });
    await expect.poll(() => new URL(owner.page.url()).searchParams.get('cost')).not.toBeNull();
    await owner.page.goBack();
    await expect.poll(() => new URL(owner.page.url()).searchParams.get('cost')).toBeNull();
    await expect.poll(() => owner.page.getByLabel('Cost').inputValue()).toBe('');
    expect(await owner.page.getByLabel('Where').inputValue()).toBe('GB');
    await owner.page.getByRole('link', { name: 'Canal Street Drop-in' }).waitFor();
    expect(owner.problems).toEqual([]);
  });

  it('shows the lines of the region a member chose first on the crisis page', async () => {
    const member = await signedUpPerson(browser, stack.url, 'res-crisis', 360);
    await member.page.goto(`${stack.url}/account`);
    await member.page.getByLabel('Where you are, for crisis lines').selectOption('AU');
    await member.page.getByText('Saved.').first().waitFor();
    await member.page.getByRole('link', { name: 'Need help now?' }).click();
    await member.page.getByText('Where you said you are').waitFor();
    const first = await member.page.locator('ul.lines > li').first().textContent();
    expect(first).toContain('Australia');
    expect(member.problems).toEqual([]);
  });
});
