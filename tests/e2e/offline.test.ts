/**
 * Hearth with no signal, in Chromium: installable (Chromium's own check), and after one visit the
 * crisis page, the member's safety plan and their upcoming meetups open offline, saying how old
 * they are; what is sent offline is refused aloud; a visitor's device keeps nothing of anyone;
 * signing out forgets what was kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, createGroupInBrowser, STEP_TIMEOUT, signedUpPerson } from '../support/browser';
import { api } from '../support/circle';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** Waits until the service worker controls the page (it claims pages as soon as it is active). */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
}

/** Every URL kept in the page's caches, by cache. */
const kept = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });

describe('Hearth offline', () => {
  it('is installable by Chromium’s own check, with a manifest and icons', async () => {
    // Chromium reports every incognito context as not installable: a profile on disk is needed.
    const dir = mkdtempSync(join(tmpdir(), 'hearth-install-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(STEP_TIMEOUT);
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Find a peer-support group' }).waitFor();
      await controlled(page);
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${stack.url}/manifest.webmanifest`);
      await expect
        .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, {
          timeout: STEP_TIMEOUT,
        })
        .toEqual([]);
      for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png']) {
        const res = await page.request.get(`${stack.url}${icon}`);
        expect(res.headers()['content-type']).toBe('image/png');
      }
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens the crisis page, the safety plan and upcoming meetups with no signal, and forgets them on sign-out', async () => {
    const { page, problems } = await signedUpPerson(browser, stack.url, 'offline-member', 360);
    await createGroupInBrowser(page, stack.url, 'Offline circle', 'Meeting where the signal is poor.');
    await page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    const groupId = new URL(page.url()).pathname.split('/')[2]!;
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const made = await api(page, 'POST', `/groups/${groupId}/meetups`, {
      title: 'Basement room circle',
      start: `${day}T18:30`,
      durationMinutes: 90,
      mode: 'hybrid',
      venue: { name: 'St Anne’s hall', address: '12 Mill Lane, Leeds' },
      online: { url: 'https://meet.example/basement' },
      capacity: { inPerson: 8, online: 10 },
    });
    expect(made.status).toBe(201);
    const occurrenceId = made.body.occurrences[0].occurrenceId;
    expect(
      (await api(page, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'in_person' })).status,
    ).toBe(200);
    expect(
      (await api(page, 'PUT', '/me/safety-plan', { warningSigns: 'Not sleeping; skipping meals.' })).status,
    ).toBe(200);

    // One visit, online: the worker takes over, and the pages read what it then keeps.
    await page.goto(`${stack.url}/`);
    await controlled(page);
    await page.goto(`${stack.url}/me/safety-plan`);
    await expect
      .poll(() => page.getByLabel(/Warning signs/).inputValue())
      .toBe('Not sleeping; skipping meals.');
    await page.goto(`${stack.url}/me/meetups`);
    await page.getByText('Basement room circle').waitFor();
    await page.goto(`${stack.url}/crisis.html`);
    await page.getByRole('heading', { name: 'If you need help now' }).waitFor();

    await page.context().setOffline(true);
    await page.goto(`${stack.url}/crisis.html`);
    await page.getByRole('heading', { name: 'If you need help now' }).waitFor();
    await page.goto(`${stack.url}/me/safety-plan`);
    await page.getByText(/Offline: this is what your device kept, as of/).waitFor();
    await expect
      .poll(() => page.getByLabel(/Warning signs/).inputValue())
      .toBe('Not sleeping; skipping meals.');
    // Saving offline is refused aloud, and nothing waits to be sent later.
    await page.getByLabel(/Warning signs/).fill('Not sleeping; skipping meals; staying in.');
    await page.getByRole('button', { name: /Save/ }).click();
    await page
      .getByText('You are offline, so this was not sent. Try again when you are connected.')
      .waitFor();
    await page.goto(`${stack.url}/me/meetups`);
    await page.getByText(/Offline: this is what your device kept, as of/).waitFor();
    await page.getByText('Basement room circle').waitFor();
    await page.getByText('12 Mill Lane, Leeds').waitFor();
    // A page nothing was kept for says so, and where to look instead; no endless "Loading…".
    await page.getByRole('link', { name: 'Basement room circle' }).click();
    await page
      .getByRole('alert')
      .getByText('You are offline, so this cannot be shown now. It will be once you are connected.')
      .waitFor();
    await page.getByRole('link', { name: 'My meetups' }).last().waitFor();
    await page.goto(`${stack.url}/me/meetups`);
    await page.getByText(/Offline: this is what your device kept/).waitFor();
    await page.context().setOffline(false);
    // Back online, the note says what is shown is from the device, and offers what is new.
    await page.getByRole('button', { name: 'Show what is new' }).click();
    await page.getByText('Basement room circle').waitFor();
    await expect.poll(() => page.getByText(/what your device kept/).count()).toBe(0);

    const before = await kept(page);
    expect(before['hearth-private']?.sort()).toEqual([
      '/api/me/occurrences',
      '/api/me/safety-plan',
      '/api/session',
    ]);
    await page.goto(`${stack.url}/account`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You are signed out.').waitFor();
    await expect.poll(async () => Object.keys(await kept(page))).not.toContain('hearth-private');
    // Nothing the person wrote offline was sent behind their back.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
  });

  it('keeps nothing of anyone on a visitor’s device', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${stack.url}/`);
    await controlled(page);
    for (const path of ['/', '/me/meetups', '/me/safety-plan', '/crisis.html'])
      await page.goto(`${stack.url}${path}`);
    const all = await kept(page);
    expect(all['hearth-private'] ?? []).toEqual([]);
    expect(
      Object.values(all)
        .flat()
        .filter((p) => p.startsWith('/api/') || p.startsWith('/feeds/')),
    ).toEqual([]);
  });
});
