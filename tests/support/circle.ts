/**
 * What the safety e2e tests share: people in a group, made through the web app (and the API
 * from their own pages, for what the web app makes long-winded: roles, meetups, rosters).
 * Each e2e file has its own stack, and sign-ups are throttled per address (10 an hour): a file
 * makes at most that many people.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createGroupInBrowser, signedUpPerson } from './browser';
import { browser, stack } from './e2e';

/** The API, called from a person's page (their cookie, the app's origin). */
export async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api${p}`, {
        method: m as string,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, path, body] as const,
  );
}

export async function joinInBrowser(page: Page, groupId: string) {
  await page.goto(`${stack.url}/groups/${groupId}`);
  await page.getByLabel(/I have read the community guidelines/).check();
  await page.getByRole('button', { name: 'Join group' }).click();
  await page.getByText('Your role here: Member').waitFor();
}

/** A group with its owner, a facilitator on duty for the next meetup, and a member, all signed in. */
export async function circle(tag: string, width: number, opts: { facilitator?: boolean } = {}) {
  const owner = await signedUpPerson(browser, stack.url, `owner-${tag}`, width);
  await createGroupInBrowser(owner.page, stack.url, `Safety circle ${tag}`, 'Talking between meetups.');
  await owner.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
  const groupId = new URL(owner.page.url()).pathname.split('/')[2]!;
  const member = async () => {
    const p = await signedUpPerson(browser, stack.url, `member-${tag}`, width);
    await joinInBrowser(p.page, groupId);
    return p;
  };
  if (opts.facilitator === false) return { owner, facilitator: null, member: await member(), groupId };
  const facilitator = await signedUpPerson(browser, stack.url, `fac-${tag}`, width);
  await joinInBrowser(facilitator.page, groupId);
  const facId = (await api(facilitator.page, 'GET', '/me')).body.userId;
  expect(
    (await api(owner.page, 'PATCH', `/groups/${groupId}/members/${facId}`, { role: 'facilitator' })).status,
  ).toBe(200);
  await api(owner.page, 'PUT', `/groups/${groupId}/facilitators/${facId}`, { trainedOn: '2026-01-05' });
  const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const made = await api(owner.page, 'POST', `/groups/${groupId}/meetups`, {
    title: 'Evening circle',
    start: `${start}T18:30`,
    durationMinutes: 90,
    mode: 'online',
    online: { url: 'https://meet.example/circle' },
    capacity: { online: 10 },
  });
  const occurrenceId = made.body.occurrences[0].occurrenceId;
  expect(
    (await api(owner.page, 'PUT', `/occurrences/${occurrenceId}/roster/lead`, { userId: facId })).status,
  ).toBe(200);
  return { owner, facilitator, member: await member(), groupId };
}
