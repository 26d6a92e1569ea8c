import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** A page that records console errors, uncaught exceptions and CSP violations. */
async function openPage(width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems: string[] = [];
  page.on('console', (m) => {
    // 4xx answers are part of the flows under test; scripts errors and CSP violations are not.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Signs up on the sign-up page: opened afresh, or the one the page is on (keeping its `next`). */
async function signUp(page: Page, handle: string, passphrase: string, opts: { alreadyThere?: boolean } = {}) {
  if (!opts.alreadyThere) await page.goto(`${stack.url}/signup`);
  await page.getByRole('heading', { name: 'Join Hearth' }).waitFor();
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  const codes = await page
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  expect(codes).toHaveLength(10);
  const next = page.getByRole('button', { name: 'Continue' });
  expect(await next.isDisabled()).toBe(true);
  await page.getByLabel('I have saved my recovery codes').check();
  await next.click();
  // Sent here by a page, back to it; else the next steps, not a bare directory.
  if (!opts.alreadyThere) await page.getByRole('heading', { name: `Welcome, ${handle}` }).waitFor();
}

describe('the foundation, end to end in Chromium', () => {
  it('sign up → create a group → a second person joins with an alias → the owner sees them', async () => {
    const owner = await openPage();
    await signUp(owner.page, 'e2e-owner', 'a lantern in the window');
    await owner.page.getByRole('link', { name: 'Start a new group' }).click();
    await owner.page.getByLabel('Name').fill('Harbour Lights Anxiety Group');
    await owner.page
      .getByLabel('What the group is about')
      .fill('Weekly peer support for anxiety, by the harbour and online.');
    await owner.page.getByLabel('Anxiety').check();
    await owner.page.getByLabel('Time zone').fill('Europe/Dublin');
    await owner.page.getByRole('button', { name: 'Create group' }).click();
    await owner.page.getByRole('heading', { name: 'Harbour Lights Anxiety Group' }).waitFor();
    const groupUrl = owner.page.url();
    expect(groupUrl).toMatch(/\/groups\/[A-Za-z0-9_-]{22}$/);

    const member = await openPage(360);
    await signUp(member.page, 'e2e-member', 'seagulls over the pier');
    await member.page.getByRole('searchbox', { name: 'Search' }).fill('harbour');
    await member.page.getByRole('button', { name: 'Search' }).click();
    await member.page.getByRole('link', { name: 'Harbour Lights Anxiety Group' }).click();
    await member.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    await member.page.getByLabel('Alias in this group (optional)').fill('Marina');
    await member.page.getByRole('button', { name: 'Join group' }).click();
    await expect.poll(() => member.page.getByRole('alert').textContent()).toMatch(/guidelines/i);
    await member.page.getByLabel(/I have read the community guidelines/).check();
    await member.page.getByRole('button', { name: 'Join group' }).click();
    await member.page.getByText('Others see you as “Marina”').waitFor();

    await owner.page.reload();
    await owner.page.getByRole('link', { name: 'Members and requests' }).click();
    const row = owner.page.getByRole('row', { name: /Marina/ });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('e2e-member');
    expect(await owner.page.getByRole('combobox', { name: 'Role of Marina' }).inputValue()).toBe('member');

    // The owner edits the group; the change shows on its page.
    await owner.page.goto(`${groupUrl}/edit`);
    await owner.page
      .getByLabel('What the group is about')
      .fill('Weekly peer support for anxiety, now on Thursdays.');
    await owner.page.getByRole('button', { name: 'Save changes' }).click();
    await owner.page.getByText('now on Thursdays').waitFor();
    expect(owner.page.url()).toBe(groupUrl);

    // No page threw, logged an error or hit a CSP violation along the way.
    expect(owner.problems).toEqual([]);
    expect(member.problems).toEqual([]);
  });

  it('lets owners choose how long discussions and meetup records are kept, and says so on the group page', async () => {
    const { page, problems } = await openPage(360);
    await signUp(page, 'e2e-keeper', 'ferns unfurling after rain');
    await page.goto(`${stack.url}/groups/new`);
    await page.getByLabel('Name').fill('Short Memory Circle');
    await page.getByLabel('What the group is about').fill('Peer support that keeps little for long.');
    await page.getByLabel('Anxiety').check();
    await page.getByLabel('Time zone').fill('Europe/London');
    // The defaults: discussions kept until removed, meetup names erased after 12 months.
    expect(await page.getByLabel('Erase discussions').inputValue()).toBe('');
    expect(await page.getByLabel('Erase attendance records').inputValue()).toBe('12');
    await page.getByLabel('Erase discussions').selectOption({ label: 'After 6 months' });
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: 'Short Memory Circle' }).waitFor();
    await page.getByText('Erased 6 months after a thread’s last post (pinned threads stay).').waitFor();
    await page.getByText(/erased 12 months after each meetup; the numbers stay\./).waitFor();
    const groupUrl = page.url();

    // Shortening warns what happens next, then shows on the page.
    await page.goto(`${groupUrl}/edit`);
    const records = page.getByLabel('Erase attendance records');
    await records.selectOption('3');
    await page.getByText('Names older than this are erased within a quarter of an hour of saving.').waitFor();
    await page.getByLabel('Erase discussions').selectOption('');
    expect(await page.getByText(/Threads quiet for longer/).count()).toBe(0);
    await page
      .getByRole('group', { name: 'What the group keeps, and for how long' })
      .screenshot({ path: '.test-results/group-retention-360.png' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('heading', { name: 'What the group keeps' }).waitFor();
    await page.getByText('Kept until their authors or moderators remove them.').waitFor();
    await page.getByText(/erased 3 months after each meetup/).waitFor();
    expect(problems).toEqual([]);
  });

  it('brings an invited newcomer into a private group: the link, sign-up, and back to join', async () => {
    const owner = await openPage();
    await signUp(owner.page, 'e2e-host', 'a harbour wall at dawn');
    await owner.page.goto(`${stack.url}/groups/new`);
    await owner.page.getByLabel('Name').fill('Quiet Harbour Carers');
    await owner.page.getByLabel('What the group is about').fill('A private circle for carers.');
    await owner.page.getByLabel('Carers and families').check();
    await owner.page.getByLabel('Private: only members and invitees can see it').check();
    await owner.page.getByLabel('Moderators approve new members').check();
    await owner.page.getByRole('button', { name: 'Create group' }).click();
    await owner.page.getByRole('link', { name: 'Members and requests' }).click();
    await owner.page.getByRole('button', { name: 'Create invite link' }).click();
    const link = await owner.page.getByLabel('Invite link (shown once)').inputValue();
    expect(link).toMatch(/#invite=[A-Za-z0-9_-]{43}$/);
    const groupPath = new URL(link).pathname;

    const visitor = await openPage(360);
    await visitor.page.goto(`${stack.url}${groupPath}`);
    await visitor.page.getByRole('heading', { name: 'Group not found' }).waitFor();
    await visitor.page.goto(`${stack.url}${groupPath}${new URL(link).hash}`);
    await visitor.page.getByRole('heading', { name: 'Quiet Harbour Carers' }).waitFor();
    await visitor.page.getByRole('link', { name: 'Join Hearth' }).last().click();
    await signUp(visitor.page, 'e2e-carer', 'kettle on the stove', { alreadyThere: true });
    await visitor.page.getByRole('heading', { name: 'Quiet Harbour Carers' }).waitFor();
    await visitor.page.getByLabel(/I have read the community guidelines/).check();
    await visitor.page.getByRole('button', { name: 'Ask to join' }).click();
    await visitor.page.getByText('A moderator will look at your request soon').waitFor();

    await owner.page.reload();
    await owner.page.getByRole('button', { name: 'Approve e2e-carer' }).click();
    await owner.page.getByRole('row', { name: /e2e-carer/ }).waitFor();
    expect(owner.problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });

  it('works with the keyboard alone, and every form field has a label', async () => {
    const { page, problems } = await openPage();
    await fetch(`${stack.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'e2e-keys', passphrase: 'typing without a mouse' }),
    });
    await page.goto(`${stack.url}/signin`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.getByLabel('Handle').focus();
    await page.keyboard.type('e2e-keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('typing without a mouse');
    await page.keyboard.press('Enter');
    await page.getByText('Welcome back, e2e-keys.').waitFor();
    for (const path of ['/', '/groups/new', '/signup', '/recover', '/account']) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('h1').first().waitFor();
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea')]
          .filter((el) => (el as HTMLInputElement).type !== 'hidden')
          .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'))
          .map((el) => el.outerHTML),
      );
      expect(unlabelled, path).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('fits a 360 px screen without sideways scrolling, and shows the crisis link on every page', async () => {
    const { page } = await openPage(360);
    for (const path of ['/', '/signup', '/new-here', '/crisis.html', '/groups/new']) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await page.getByRole('link', { name: 'Need help now?' }).isVisible(), path).toBe(true);
    }
    await page.getByRole('link', { name: 'Need help now?' }).click();
    await page.getByText('116 123').first().waitFor();
  });

  it('logs nothing in the console on the pages a visitor sees, not even a 4xx', async () => {
    const { page } = await openPage(360);
    const logged: string[] = [];
    page.on(
      'console',
      (m) => ['error', 'warning'].includes(m.type()) && logged.push(`${m.type()}: ${m.text()}`),
    );
    for (const path of ['/', '/new-here', '/resources', '/signin', '/signup', '/crisis.html']) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(logged).toEqual([]);
  });

  it('serves the app with a CSP that forbids inline script', async () => {
    const res = await fetch(`${stack.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    // Every script is a file; the one element without a file is data the page reads (the answers a
    // landing page was drawn with), of a type browsers never run.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/);
    expect(html).toMatch(/<script type="application\/json" id="landed">\{/);
    const { page } = await openPage();
    const blocked: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
    await page.goto(`${stack.url}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
  });
});
