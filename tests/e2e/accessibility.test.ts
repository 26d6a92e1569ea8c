/**
 * axe-core (the engine behind most accessibility checkers) over every page, at phone and desktop
 * widths, and in the dark scheme: labels, names, contrast, landmarks, heading order. The page is opened with CSP bypassed
 * only so axe's own script can be injected; the CSP itself is tested in foundation.test.ts.
 */
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed';
import { audit } from '../support/axe';
import { launchBrowser, STEP_TIMEOUT } from '../support/browser';
import { startStack } from '../support/stack';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
let groupId: string;
let occurrenceId: string;
let meetupId: string;
let conversationId: string;
let threadId: string;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
  await seedDemo(stack.app);
  const dir = (await (await stack.app.request('/api/groups?q=anxiety')).json()) as {
    items: { groupId: string }[];
  };
  groupId = dir.items[0]!.groupId;
  const schedule = (await (await stack.app.request(`/api/groups/${groupId}/occurrences`)).json()) as {
    items: { occurrenceId: string; meetupId: string; recurring: boolean }[];
  };
  const weekly = schedule.items.find((o) => o.recurring)!;
  occurrenceId = weekly.occurrenceId;
  meetupId = weekly.meetupId;
  // A support request, a conversation and a report, so the safety pages show what they hold.
  const as = async (handle: string, passphrase: string) => {
    const res = await stack.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle, passphrase }),
    });
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('hearth_session='))!
      .split(';')[0]!;
    return (method: string, path: string, body?: unknown) =>
      stack.app.request(`/api${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  };
  const robin = await as('demo-member', 'gentle rain on the window');
  const started = await (
    await robin('POST', `/groups/${groupId}/threads`, { title: 'A hard week', body: 'I want to end it all' })
  ).json();
  threadId = started.thread.threadId;
  conversationId = (
    await (
      await robin('POST', `/groups/${groupId}/conversations`, { message: 'Could someone call me?' })
    ).json()
  ).conversationId;
  const moderator = await as('demo-moderator', 'lighthouse on a calm night');
  expect(
    (await moderator('POST', `/posts/${started.post.postId}/reports`, { reason: 'crisis', note: 'Worried' }))
      .status,
  ).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(page: Page) {
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('Handle').fill('demo-owner');
  await page.getByLabel('Passphrase').fill('warm tea and kind words');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Welcome back').waitFor();
}

describe.each([
  ['phone', 360, 'light'],
  ['desktop', 1280, 'light'],
  // The dark scheme, for people whose device asks for it (prefers-color-scheme).
  ['phone, dark scheme', 360, 'dark'],
] as const)('accessibility on %s', (_name, width, colorScheme) => {
  it('finds no violations on the public pages', async () => {
    const page = await (
      await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 }, colorScheme })
    ).newPage();
    for (const path of [
      '/',
      '/signup',
      '/signin',
      '/recover',
      '/new-here',
      '/crisis.html',
      `/groups/${groupId}`,
    ]) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('h1').first().waitFor();
      expect(await audit(page), path).toEqual([]);
    }
  });

  it('finds no violations on the signed-in pages', async () => {
    const page = await (
      await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 }, colorScheme })
    ).newPage();
    // Nothing on a member's pages logs an error in the console either (not even a 4xx).
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await signIn(page);
    // A suggested listing, for its page.
    const suggested = await (
      await page.request.post(`${stack.url}/api/resource-suggestions`, {
        data: {
          scope: 'global',
          title: 'Audit listing',
          description: 'A listing to audit.',
          category: 'self_help',
          url: 'https://audit.example/',
          languages: ['en'],
          cost: 'free',
          region: { country: 'GB', subdivision: 'Leeds' },
          hours: 'Any time',
          accessNotes: 'Step-free',
        },
      })
    ).json();
    for (const [path, ready] of [
      ['/account', 'Change passphrase'],
      ['/welcome', 'Something for you alone'],
      ['/groups/new', 'Create group'],
      [`/groups/${groupId}`, 'Members and requests'],
      [`/groups/${groupId}/members`, 'Create invite link'],
      [`/groups/${groupId}/edit`, 'Save changes'],
      [`/occurrences/${occurrenceId}`, 'Who is coming'],
      [`/occurrences/${occurrenceId}/edit`, 'Save changes'],
      [`/meetups/${meetupId}/edit`, 'Save changes'],
      [`/groups/${groupId}/meetups/new`, 'Repeats'],
      ['/notifications', 'Discussions you follow'],
      ['/me/meetups', 'My meetups'],
      [`/groups/${groupId}/threads`, 'Start a discussion'],
      [`/groups/${groupId}/moderation`, 'Settle the report'],
      [`/groups/${groupId}/roster`, 'Fill the roster'],
      ['/me/duties', 'My duties'],
      ['/resources', 'Suggest a resource'],
      ['/resources/suggest', 'Suggest it'],
      ['/professional', 'Verified professionals'],
      ['/resources/review', 'Review queue'],
      [`/resources/${suggested.resourceId}`, 'Report a problem with this listing'],
      [`/groups/${groupId}/support`, 'I’m on it'],
      [`/groups/${groupId}/support?status=closed`, 'No closed requests.'],
      [`/groups/${groupId}/conversations`, 'Conversations with members'],
      [`/conversations/${conversationId}`, 'Could someone call me?'],
      [`/groups/${groupId}/log`, 'A support request opened'],
      ['/me/safety-plan', 'Save my plan'],
      ['/me/conversations', 'Your conversations with facilitators'],
      [`/threads/${threadId}`, 'May need support'],
      // Last: the calendar page is checked again below with a link made.
      ['/me/calendar', 'Subscribe in your calendar'],
    ] as const) {
      await page.goto(`${stack.url}${path}`);
      await page.getByText(ready).first().waitFor();
      expect(await audit(page), path).toEqual([]);
    }
    // The calendar page with a link just made (shown once, with the steps for each app). A new
    // link (the second width's run) asks first: yes.
    const yes = (d: Dialog) => void d.accept();
    page.on('dialog', yes);
    await page.getByRole('button', { name: /Make (my calendar|a new) link/ }).click();
    await page.getByRole('textbox', { name: 'Calendar link', exact: true }).waitFor();
    page.off('dialog', yes);
    expect(await audit(page), '/me/calendar with a link').toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('finds no violations when a form shows its errors', async () => {
    const page = await (
      await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 }, colorScheme })
    ).newPage();
    await page.goto(`${stack.url}/signup`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    expect(await audit(page)).toEqual([]);
  });
});

describe('the audit itself', () => {
  it('reports an unlabelled field and low contrast (so a clean result means something)', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${stack.url}/new-here`);
    await page.locator('h1').waitFor();
    await page.evaluate(() => {
      const input = document.createElement('input');
      const faint = document.createElement('p');
      faint.textContent = 'hard to read';
      faint.style.color = '#ddd';
      document.querySelector('main')!.append(input, faint);
    });
    const found = (await audit(page)).join('\n');
    expect(found).toMatch(/label/);
    expect(found).toMatch(/color-contrast/);
  });
});
