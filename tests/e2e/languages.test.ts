/**
 * Hearth in the reader's language, in Chromium: a visitor whose browser asks for Spanish gets
 * Spanish; switching to Arabic mirrors the page, with nothing outside the screen at 360 px and
 * axe clean; a Spanish post in crisis gets the Spanish panel with Spain's lines; a French member's
 * calendar feed gives its discreet title in French.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NOTICES } from '../../functions/core/i18n/notices';
import { seedDemo } from '../../infra/local/seed';
import ar from '../../web/locales/ar.json';
import es from '../../web/locales/es.json';
import { audit } from '../support/axe';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** A browser whose languages are `locale`'s (Accept-Language and navigator.languages), its problems kept. */
async function visitor(locale: string, width = 360, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Signs up through the API and gives the browser its session. */
async function signedUp(context: BrowserContext, handle: string): Promise<void> {
  const res = await stack.app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, passphrase: `${handle} walks by the quiet river` }),
  });
  expect(res.status).toBe(201);
  const [name, value] = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hearth_session='))!
    .split(';')[0]!
    .split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.url }]);
}

/** Elements drawn outside the screen's width, leaving out those inside a scrolling box (the main menu). */
const outside = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement; e; e = e.parentElement)
        if (/auto|scroll|hidden/.test(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || el.closest('.visually-hidden, .skip')) return false;
        return (r.left < -1 || r.right > width + 1) && !scrolls(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').slice(0, 30)}”`);
  });

describe('languages', () => {
  it('gives a visitor whose browser asks for Spanish the Spanish app and crisis page', async () => {
    const { page, problems } = await visitor('es-ES');
    await page.goto(stack.url);
    await page.getByRole('heading', { level: 1, name: es['directory.heading'] }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'es',
      'ltr',
    ]);
    await page.getByRole('link', { name: es['nav.groups'] }).waitFor();
    expect(await page.locator('header a.crisis-link').textContent()).toBe(es['shell.needHelp']);
    // Signing up, the passphrase's advice is in Spanish too.
    await page.goto(`${stack.url}/signup`);
    await page.getByLabel(es['auth.passphrase']).pressSequentially('Password1!');
    await page.getByText(es['zxcvbn.warning.similarToCommon']).waitFor();
    await page.locator('header a.crisis-link').click();
    await page.waitForURL(/\/crisis\.es\.html$/);
    await page.getByRole('heading', { level: 1, name: 'Si necesitas ayuda ahora' }).waitFor();
    expect(await page.locator('li[data-region]').first().getAttribute('data-region')).toBe('ES');
    expect(problems).toEqual([]);
  });

  it('mirrors the layout in Arabic: nothing outside the screen at 360 px, axe clean', async () => {
    const { page, problems } = await visitor('en-GB', 360, { bypassCSP: true });
    await seedDemo(stack.app);
    await page.goto(stack.url);
    await page.locator('#nav a').first().waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: ar['directory.heading'] }).waitFor();
    // The start of a line is on the right.
    const title = await page.locator('h1').boundingBox();
    expect(title!.x + title!.width).toBeGreaterThan(300);
    expect(await outside(page)).toEqual([]);
    expect(await audit(page)).toEqual([]);
    // A group's page, opened from the directory, mirrored too; and the choice is kept on reload.
    await page.locator('main .card h2 a').first().click();
    await page.locator('main h1').waitFor();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await page.locator('main h1').waitFor();
    expect(await outside(page)).toEqual([]);
    expect(await audit(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('answers a Spanish post in crisis with the Spanish panel and Spain’s lines', async () => {
    const { context, page, problems } = await visitor('es-ES');
    await seedDemo(stack.app);
    await signedUp(context, 'lucia-es');
    const dir = (await (await stack.app.request('/api/groups?q=anxiety')).json()) as {
      items: { groupId: string }[];
    };
    const groupId = dir.items[0]!.groupId;
    await page.goto(`${stack.url}/groups/${groupId}`);
    await page.getByLabel(es['group.accept']).check();
    await page.getByRole('button', { name: es['group.join'] }).click();
    await page.goto(`${stack.url}/groups/${groupId}/threads`);
    await page.getByLabel(es['composer.title']).fill('Esta noche');
    await page.getByLabel(es['composer.firstPost']).fill('No sé qué hacer. Ya no quiero vivir más.');
    expect(await page.getByLabel(es['composer.language']).inputValue()).toBe('es');
    await page.getByRole('button', { name: es['threads.post'] }).click();
    await page.getByRole('heading', { name: es['crisis.heading'] }).waitFor();
    // Spain's lines, each number a link that dials it; and the crisis page in Spanish.
    expect(await page.locator('.crisis-panel a[href="tel:024"]').count()).toBe(1);
    await page.getByText('Línea 024').first().waitFor();
    expect(await page.getByRole('link', { name: es['crisis.talkNow'] }).getAttribute('href')).toBe(
      '/crisis.es.html',
    );
    expect(problems).toEqual([]);
  });

  it('writes a French member’s calendar feed in French, discreet title and all', async () => {
    const { context, page, problems } = await visitor('fr-FR');
    await seedDemo(stack.app);
    await signedUp(context, 'camille-fr');
    // Signed in, the account takes the language the browser asked for.
    await page.goto(`${stack.url}/account`);
    await expect
      .poll(async () => (await (await context.request.get(`${stack.url}/api/session`)).json()).me.language)
      .toBe('fr');
    const dir = (await (await context.request.get(`${stack.url}/api/groups?q=anxiety`)).json()) as {
      items: { groupId: string }[];
    };
    const groupId = dir.items[0]!.groupId;
    const headers = { origin: stack.url, 'content-type': 'application/json' };
    expect(
      (
        await context.request.post(`${stack.url}/api/groups/${groupId}/members`, {
          headers,
          data: { acceptGuidelines: true },
        })
      ).status(),
    ).toBe(201);
    const schedule = (await (
      await context.request.get(`${stack.url}/api/groups/${groupId}/occurrences`)
    ).json()) as {
      items: { occurrenceId: string; mode: string }[];
    };
    const o = schedule.items[0]!;
    const attendance = o.mode === 'online' ? 'online' : 'in_person';
    const answered = await context.request.put(`${stack.url}/api/occurrences/${o.occurrenceId}/rsvp`, {
      headers,
      data: { attendance },
    });
    expect(answered.ok()).toBe(true);
    const feed = (await (
      await context.request.post(`${stack.url}/api/me/feed`, { headers, data: {} })
    ).json()) as {
      feed: { path: string };
    };
    const ics = await (await context.request.get(`${stack.url}${feed.feed.path}`)).text();
    expect(ics).toContain('SUMMARY:Séance Hearth');
    expect(ics).not.toContain('SUMMARY:Hearth session');
    expect(problems).toEqual([]);
  });
  it('words a member’s notifications in the language on show, and again when they switch', async () => {
    const { context, page, problems } = await visitor('es-ES', 360);
    await seedDemo(stack.app);
    await signedUp(context, 'marta-es');
    const headers = { origin: stack.url, 'content-type': 'application/json' };
    const dir = (await (await context.request.get(`${stack.url}/api/groups?q=anxiety`)).json()) as {
      items: { groupId: string }[];
    };
    const groupId = dir.items[0]!.groupId;
    const joined = await context.request.post(`${stack.url}/api/groups/${groupId}/members`, {
      headers,
      data: { acceptGuidelines: true },
    });
    expect(joined.status()).toBe(201);
    const asked = await context.request.patch(`${stack.url}/api/me/reach`, {
      headers,
      data: { newMeetups: [groupId] },
    });
    expect(asked.status()).toBe(200);
    // The group's owner schedules a meetup; she asked to hear of new ones.
    const json = { 'content-type': 'application/json' };
    const login = await stack.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ handle: 'demo-owner', passphrase: 'warm tea and kind words' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('hearth_session='))!
      .split(';')[0]!;
    const made = await stack.app.request(`/api/groups/${groupId}/meetups`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({
        title: 'Paseo junto al río',
        start: '2027-06-01T18:30',
        durationMinutes: 60,
        mode: 'online',
        online: { url: 'https://meet.example/paseo' },
        capacity: { online: 10 },
      }),
    });
    expect(made.status).toBe(201);
    const opening = (l: 'es' | 'de') => NOTICES[l].newMeetup.slice(0, NOTICES[l].newMeetup.indexOf('{'));
    await page.goto(`${stack.url}/notifications`);
    const notice = page.locator('ul.notes a', { hasText: 'Paseo junto al río' });
    await expect.poll(() => notice.textContent()).toContain(opening('es'));
    expect(await notice.textContent()).toMatch(/jun/);
    // Switched to German: the same notice, now in German, without leaving the page.
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(() => notice.textContent()).toContain(opening('de'));
    expect(await notice.textContent()).toMatch(/Juni/);
    await notice.click();
    await page.waitForURL(/\/occurrences\//);
    await page.getByRole('heading', { level: 1, name: 'Paseo junto al río' }).waitFor();
    expect(problems).toEqual([]);
  });
});
