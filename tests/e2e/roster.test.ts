import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** The API as the person signed in on `page` (their cookie), for setting the scene. */
async function api(page: Page, method: string, path: string, data?: unknown) {
  const res = await page.request.fetch(`${stack.url}/api${path}`, { method, data });
  const body = await res.json();
  if (res.status() >= 400) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

describe('rosters in Chromium', () => {
  it('auto-fill → a facilitator confirms → asks for cover → another accepts', async () => {
    const host = await signedUpPerson(browser, stack.url, 'roster-host');
    const [ash, birch] = [
      await signedUpPerson(browser, stack.url, 'roster-ash', 360),
      await signedUpPerson(browser, stack.url, 'roster-birch'),
    ];
    const group = await api(host.page, 'POST', '/groups', {
      name: 'Harbour Circle',
      description: 'A peer group by the harbour.',
      focus: ['anxiety'],
      guidelines: 'Be kind, listen, and keep what is shared here.',
      timezone: 'Europe/London',
      visibility: 'public',
      joinPolicy: 'open',
      moderationPolicy: 'light',
      tone: 'listening',
    });
    for (const [p, alias] of [
      [ash, 'Ash'],
      [birch, 'Birch'],
    ] as const) {
      await api(p.page, 'POST', `/groups/${group.groupId}/members`, { acceptGuidelines: true, alias });
      const { userId } = await api(p.page, 'GET', '/me');
      await api(host.page, 'PATCH', `/groups/${group.groupId}/members/${userId}`, { role: 'facilitator' });
      if (alias === 'Ash')
        await api(host.page, 'PUT', `/groups/${group.groupId}/facilitators/${userId}`, {
          trainedOn: '2026-05-01',
        });
    }
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await api(host.page, 'POST', `/groups/${group.groupId}/meetups`, {
      title: 'Harbour evening',
      start: `${start}T18:30`,
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/harbour' },
      capacity: { online: 12 },
      recurrence: { rrule: 'FREQ=DAILY;INTERVAL=7;COUNT=2' },
      staffing: { roles: ['lead'], minimum: 1 },
    });

    // The owner previews a filled roster, with reasons, then applies it.
    await host.page.goto(`${stack.url}/groups/${group.groupId}`);
    await host.page.getByRole('link', { name: 'Roster', exact: true }).click();
    await host.page.getByText('2 of 2 meetups are understaffed.').waitFor();
    // The owner records Birch's training on the page.
    const birchForm = host.page.getByRole('form', { name: 'Facilitator: Birch' });
    await birchForm.getByText('Training not recorded: cannot lead.').waitFor();
    await birchForm.getByLabel('Trained on').fill('2026-06-01');
    await birchForm.getByRole('button', { name: 'Save Birch' }).click();
    await birchForm.getByText('Training recorded by roster-host.').waitFor();
    const fill = host.page.getByRole('region', { name: 'Fill the roster' });
    await fill.getByRole('button', { name: 'Preview' }).click();
    await fill
      .getByText(/chosen: /)
      .first()
      .waitFor();
    expect(await fill.getByText(/as lead facilitator/).count()).toBe(2);
    await fill.getByRole('button', { name: 'Apply 2 duties' }).click();
    await host.page.getByText('All 2 meetups are staffed.').waitFor();
    expect(await host.page.getByText('(not confirmed)').count()).toBe(2);

    // Ash confirms their duty (My duties is in the navigation of a facilitator), then asks for
    // cover, with a note.
    await ash.page.reload();
    await ash.page.getByRole('link', { name: 'My duties' }).click();
    await ash.page.getByRole('heading', { name: 'Harbour evening' }).first().waitFor();
    await ash.page.getByRole('button', { name: 'Confirm' }).first().click();
    await ash.page.getByText('Confirmed. Thank you.').waitFor();
    await ash.page
      .getByText(/Lead facilitator, .* · confirmed/)
      .first()
      .waitFor();
    await ash.page.getByRole('button', { name: 'Ask for cover' }).first().click();
    const note = ash.page.getByLabel('A note for whoever might cover (optional)');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill('My shift changed at work');
    await ash.page.getByRole('button', { name: 'Ask for cover' }).click();
    await ash.page.getByText(/^Asked: 1 facilitator who is free was told\./).waitFor();
    await ash.page.getByText(/asking for cover/).waitFor();

    // Birch is told, and the link goes to that very request on the roster, marked.
    await birch.page.goto(`${stack.url}/notifications`);
    await birch.page
      .getByRole('link', {
        name: /Can you cover\? The lead facilitator duty at “Harbour evening”.*My shift changed at work/,
      })
      .click();
    await birch.page.getByRole('heading', { name: 'Roster', level: 1 }).waitFor();
    expect(new URL(birch.page.url()).pathname).toBe(`/groups/${group.groupId}/roster`);
    const cover = birch.page.getByRole('region', { name: 'Cover needed' });
    const asked = cover.locator('li.linked');
    await asked.getByText('My shift changed at work').waitFor();
    await expect.poll(() => asked.evaluate((el) => el === document.activeElement)).toBe(true);
    await asked.getByRole('button', { name: /I’ll cover it/ }).click();
    await cover.getByText(/^Thank you: Lead facilitator at Harbour evening, .* is yours now\.$/).waitFor();
    await cover.getByText('No open requests.').waitFor();
    const duties = await api(birch.page, 'GET', '/me/duties');
    expect(duties.items).toHaveLength(2);
    const ashDuties = await api(ash.page, 'GET', '/me/duties');
    expect(ashDuties.items).toHaveLength(0);

    // Birch will be away on the day of one duty: told so, and pointed to asking for cover.
    const day = (duties.items[0] as { startLocal: string }).startLocal.slice(0, 10);
    const availability = birch.page.getByRole('region', { name: 'Your availability' });
    await availability.getByRole('button', { name: 'Add dates away' }).click();
    await availability.getByLabel('From').fill(day);
    await availability.getByLabel('To').fill(day);
    await availability.getByRole('button', { name: 'Save my availability' }).click();
    await availability.getByText('You hold a duty you can no longer make:').waitFor();
    await availability.getByText(/you are away/).waitFor();
    await availability.getByRole('link', { name: 'ask for cover in My duties' }).waitFor();

    // A cancelled meetup needs no one: no gap to fill, and not counted as staffed.
    const second = (duties.items[1] as { occurrenceId: string }).occurrenceId;
    await api(host.page, 'POST', `/occurrences/${second}/cancel`, { reason: 'Harbour closed' });
    await host.page.reload();
    await host.page.getByText('The meetup is staffed (1 cancelled).').waitFor();
    const cancelledRow = host.page.getByRole('row').filter({ hasText: 'Cancelled' });
    await cancelledRow.getByText('No one is needed.').waitFor();
    expect(await cancelledRow.getByRole('combobox').count()).toBe(0);
    // A facilitator is offered reminders before their duties in their calendar's settings.
    await api(birch.page, 'POST', '/me/feed', {});
    await birch.page.goto(`${stack.url}/me/calendar`);
    await birch.page
      .getByRole('group', { name: 'Reminders before duties you hold' })
      .getByRole('checkbox', { name: '1 day before a duty' })
      .waitFor();
    for (const p of [host, ash, birch]) expect(p.problems).toEqual([]);
  });
});
