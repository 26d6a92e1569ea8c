/**
 * The safety loop in Chromium, as the people in it live it: a member posts in crisis and the panel
 * is where they look; the facilitator on duty, signed in elsewhere, hears of it at once, takes it
 * and talks with the member.
 */
import { describe, expect, it } from 'vitest';
import { circle } from '../support/circle';
import { stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

const CRISIS = 'Some nights I think about killing myself';

describe.each([
  ['phone', 360],
  ['desktop', 1280],
])('the safety loop on a %s', (tag, width) => {
  it('a crisis post brings its author the panel where they look; the facilitator on duty hears, takes it and talks with them', async () => {
    const { owner, facilitator: fac, member, groupId } = await circle(tag, width);
    const facilitator = fac!;
    const m = member.page;
    await m.goto(`${stack.url}/groups/${groupId}/threads`);
    await m.getByLabel('Title').fill('Tonight');
    await m.getByLabel('First post').fill(CRISIS);
    await m.getByRole('button', { name: 'Post', exact: true }).click();
    const heading = m.getByRole('heading', { name: 'You are not alone' });
    await heading.waitFor();
    // In view (below the sticky "Leave quickly" bar) and holding the keyboard's focus.
    await expect
      .poll(async () => (await heading.boundingBox())?.y ?? -1, { timeout: 10_000 })
      .toBeGreaterThan(30);
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(m.viewportSize()!.height);
    expect(await m.evaluate(() => document.activeElement?.textContent)).toBe('You are not alone');
    await m.getByRole('button', { name: 'I’d like a facilitator to reach out' }).click();
    await m.getByRole('link', { name: 'your conversation with the facilitators' }).click();
    await m.getByLabel('Your message to the facilitators').fill('I could use someone to talk to.');
    await m.getByRole('button', { name: 'Send' }).click();
    await m.getByText('Sent. The facilitators are told').waitFor();

    // The facilitator on duty, in their own browser: a badge, a notification, the request.
    const f = facilitator.page;
    await f.goto(`${stack.url}/`);
    await f.getByRole('link', { name: /Notifications 4 unread/ }).click();
    await f.getByRole('link', { name: /Support request in “Safety circle/ }).click();
    await f.getByRole('heading', { name: 'Support requests' }).waitFor();
    await f.getByText(CRISIS).waitFor();
    await f.getByRole('button', { name: 'I’m on it' }).click();
    await f.getByText('You took it: the others can see that you are on it.').waitFor();
    await f.getByText('You are on it', { exact: true }).waitFor();
    // The owner sees who took it.
    await owner.page.goto(`${stack.url}/groups/${groupId}/support`);
    await owner.page.getByText(`member-${tag}`).first().waitFor();
    await owner.page.getByText(`fac-${tag} is on it`).waitFor();
    expect(await owner.page.getByRole('button', { name: 'I’m on it' }).count()).toBe(0);

    // The conversation, from the request.
    await f.getByRole('link', { name: 'their conversation with the facilitators' }).click();
    await f.getByText('I could use someone to talk to.').waitFor();
    await f
      .getByLabel(`Your message to member-${tag}`)
      .fill('I am here. Would a call help, or shall we write?');
    await f.getByRole('button', { name: 'Send' }).click();
    await f.getByText('Sent. They are told.').waitFor();
    await m.goto(`${stack.url}/notifications`);
    await m.getByRole('link', { name: /wrote to you/ }).click();
    await m.getByText('I am here. Would a call help, or shall we write?').waitFor();

    // What was done, and closed.
    await f.goto(`${stack.url}/groups/${groupId}/support`);
    await f.getByLabel('What was done', { exact: true }).selectOption('reached_out');
    await f.getByRole('button', { name: 'Note it and close the request' }).click();
    await f.getByText(`Closed the request for member-${tag}.`).waitFor();
    await f.getByText('No open requests.').waitFor();
    // Owners read it all in the log.
    await owner.page.goto(`${stack.url}/groups/${groupId}/log`);
    for (const step of ['Closed a support request', 'Took a support request', 'A support request opened'])
      await owner.page.getByText(step).first().waitFor();

    for (const p of [owner, facilitator, member]) expect(p.problems).toEqual([]);
  });
});
