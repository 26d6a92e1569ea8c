/**
 * The pages a visit lands on, in Chromium at 360 px, cold: they arrive drawn by the server
 * (functions/pages) in the reader's language, and the app comes alive over them without a flash:
 * no node of the drawn page is taken away or replaced, no console error; then they work as the
 * app. Without JavaScript they still show their content, and the directory still searches.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupWithOwner, testApp } from '../support/api';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

// On the clock of the people who make the groups below (meetups are listed 90 days ahead).
const NOW = Date.parse('2026-11-25T10:00:00Z');
useBrowserAndStack({ now: () => NOW });

let harbour: string;
let memberCookie: string;
beforeAll(async () => {
  const t = testApp(stack.db);
  const made = await groupWithOwner(t, { name: 'Harbour circle' });
  harbour = made.groupId;
  memberCookie = (await made.join('Robin')).cookie;
  await made.owner.post(`/api/groups/${harbour}/meetups`, {
    title: 'Winter circle',
    start: '2027-01-12T18:30',
    durationMinutes: 90,
    mode: 'in_person',
    venue: { name: 'Hall', address: '1 Main Street' },
    capacity: { inPerson: 8 },
  });
  await groupWithOwner(t, { name: 'Meadow circle' });
});

/**
 * Watches from the first byte: every element taken out of the page's main part or header, and
 * the drawn page's headings and cards as they were before any script ran.
 */
const WATCH = `(() => {
  window.__removed = [];
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.removedNodes)
        if (n.nodeType === 1 && n.tagName !== 'NOSCRIPT' && r.target.closest && r.target.closest('main, header'))
          window.__removed.push(n.tagName + ': ' + (n.textContent || '').slice(0, 60));
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    window.__drawn = [...document.querySelectorAll('main h1, main h2, main li.card, main time')];
    window.__drawnText = window.__drawn.map((e) => e.textContent);
  });
})();`;

type Watched = { removed: string[]; kept: boolean; drawnText: string[] };

async function land(path: string, options: BrowserContextOptions = {}, signedIn?: string) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(WATCH);
  if (signedIn) {
    const [name, value] = signedIn.split('=') as [string, string];
    await context.addCookies([{ name, value, url: stack.url }]);
  }
  await page.goto(`${stack.url}${path}`);
  // The app has run once it has rendered and asked who this is (it takes the first script's answer).
  await page.waitForFunction(() => {
    const early = (window as unknown as { __early?: Record<string, unknown> }).__early;
    return early !== undefined && !('/api/session' in early);
  });
  await page.locator(signedIn ? '#nav a[href="/account"]' : '#nav a[href="/signin"]').waitFor();
  await page.waitForLoadState('networkidle');
  const watched = () =>
    page.evaluate(
      () =>
        ({
          removed: (window as unknown as { __removed: string[] }).__removed,
          kept: (window as unknown as { __drawn: Element[] }).__drawn.every((e) => e.isConnected),
          drawnText: (window as unknown as { __drawnText: string[] }).__drawnText,
        }) as Watched,
    );
  return { context, page, problems, watched };
}

describe('a landing page, drawn by the server', () => {
  it('the directory comes alive in German without a flash, and searches', async () => {
    const v = await land('/', { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const w = await v.watched();
    expect(w.removed).toEqual([]);
    expect(w.kept).toBe(true);
    // Drawn in German, with the groups, before any script ran.
    expect(w.drawnText[0]).toBe('Finde eine Selbsthilfegruppe');
    expect(w.drawnText.some((t) => t.startsWith('Harbour circle'))).toBe(true);
    expect(await v.page.locator('html').getAttribute('lang')).toBe('de');
    expect(v.problems).toEqual([]);
    await v.page.screenshot({ path: '.test-results/landing-directory-de-360.png' });
    // Alive: a search asks the API and shows what it found.
    await v.page.getByLabel('Suche').fill('Meadow');
    await v.page.getByRole('button', { name: 'Suchen' }).click();
    await v.page.waitForURL(/\?q=Meadow$/);
    await v.page.getByRole('link', { name: 'Meadow circle' }).waitFor();
    expect(await v.page.getByRole('link', { name: 'Harbour circle' }).count()).toBe(0);
    await v.context.close();
  });

  it('a group’s page comes alive without a flash; times are in the reader’s zone from the next visit on', async () => {
    const v = await land(`/groups/${harbour}`, { timezoneId: 'America/New_York' });
    let w = await v.watched();
    expect(w.removed).toEqual([]);
    expect(w.kept).toBe(true);
    expect(w.drawnText[0]).toBe('Harbour circle');
    expect(w.drawnText).toContain('Upcoming meetups');
    expect(v.problems).toEqual([]);
    // The first visit could not know the zone: the server said the meetup's time in UTC, named;
    // the app says it in the reader's own.
    await v.page.goto(`${stack.url}/`);
    await v.page.locator('#nav a[href="/signin"]').waitFor();
    w = await v.watched();
    // A <time> as drawn: "Tue 12 Jan 2027 at 13:30" (a card holds one too, with more words).
    expect(w.drawnText.find((t) => /^\S+ \d+ \S+ \d{4} at \d\d:\d\d( UTC)?$/.test(t))).toMatch(/at 13:30$/);
    expect(await v.page.locator('main time').first().textContent()).toMatch(/13:30$/);
    // Alive: its links go on inside the app.
    await v.page.getByRole('link', { name: 'Harbour circle' }).click();
    await v.page.locator('main').getByRole('link', { name: 'Join Hearth' }).click();
    await v.page.waitForURL(/\/signup\?next=/);
    await v.page.getByRole('heading', { level: 1 }).waitFor();
    await v.context.close();
  });

  it('keeps what a person typed and chose before the app arrived, and searches for it', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    // The app's script held back, as on a slow network, until the person has typed.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/assets\/app-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // Not waiting for the page to have loaded: that waits for the app's script.
    await page.goto(`${stack.url}/`, { waitUntil: 'commit' });
    await page.getByLabel('Search').fill('Meadow');
    await page.getByLabel('How it meets').selectOption('in_person');
    release();
    await page.waitForFunction(() => {
      const early = (window as unknown as { __early?: Record<string, unknown> }).__early;
      return early !== undefined && !('/api/session' in early);
    });
    expect(await page.getByLabel('Search').inputValue()).toBe('Meadow');
    expect(await page.getByLabel('How it meets').inputValue()).toBe('in_person');
    // What was kept is what the app searches for.
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=Meadow&meets=in_person$/);
    await page.getByText(/^No public groups match/).waitFor();
    expect(await page.getByRole('link', { name: 'Harbour circle' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a member lands on their group’s page: drawn as a visitor sees it, then theirs, never told to sign in', async () => {
    const v = await land(`/groups/${harbour}`, {}, memberCookie);
    await v.page.getByText(/Others see you as “Robin”/).waitFor();
    const w = await v.watched();
    expect(w.removed).toEqual([]);
    expect(w.kept).toBe(true);
    expect(await v.page.locator('main').getByRole('link', { name: 'Join Hearth' }).count()).toBe(0);
    await v.page.getByRole('link', { name: 'Discussions' }).waitFor();
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('without JavaScript, the directory shows its groups and searches; a group shows its meetups', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: 'Harbour circle' }).waitFor();
    await page.getByLabel('Search').fill('Meadow');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=Meadow&/);
    await page.getByRole('link', { name: 'Meadow circle' }).waitFor();
    expect(await page.getByRole('link', { name: 'Harbour circle' }).count()).toBe(0);
    expect(await page.getByLabel('Search').inputValue()).toBe('Meadow');
    await page.goto(`${stack.url}/groups/${harbour}`);
    await page.getByText('Winter circle').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '.test-results/landing-group-no-script-360.png', fullPage: true });
    await context.close();
  });
});
