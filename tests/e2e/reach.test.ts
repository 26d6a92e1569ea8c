/**
 * Notifications and reminders on the account page, in Chromium, at 360 px: reminders and quiet
 * hours saved and read back; a device receiving notifications listed, tried (the push service on
 * loopback decrypts what it got), and removed; the service worker shows a push as a notification;
 * and a browser that cannot subscribe says so by the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_TIMEOUT, signedUpPerson } from '../support/browser';
import { api } from '../support/circle';
import { browser, stack, useBrowserAndStack } from '../support/e2e';
import { startPushService } from '../support/push-service';

useBrowserAndStack();
let service: Awaited<ReturnType<typeof startPushService>>;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.stop());

describe('notifications and reminders', () => {
  it('are chosen on the account page, devices tried and removed, and a push shows as a notification', async () => {
    const { page, problems } = await signedUpPerson(browser, stack.url, 'reach-member', 360);
    await page.context().grantPermissions(['notifications'], { origin: stack.url });
    await page.goto(`${stack.url}/account`);
    const section = page.getByRole('region', { name: 'Notifications and reminders' });
    await section.getByText('None yet.').waitFor();

    // Reminders: only the hour before; quiet hours from 21:30; full wording.
    await section.getByLabel('The day before').uncheck();
    await section.getByLabel('No notifications on my devices during these hours').check();
    await section.getByLabel('From').fill('21:30');
    await section.getByLabel(/^Full:/).check();
    await section.getByRole('button', { name: 'Save reminders' }).click();
    await section.getByText('Saved.').waitFor();
    await page.reload();
    await expect.poll(() => section.getByLabel('The day before').isChecked()).toBe(false);
    expect(await section.getByLabel('An hour before').isChecked()).toBe(true);
    expect(await section.getByLabel('From').inputValue()).toBe('21:30');
    expect(await section.getByLabel(/^Full:/).isChecked()).toBe(true);
    const saved = await api(page, 'GET', '/me/reach');
    expect(saved.body.settings).toMatchObject({
      meetups: [60],
      quiet: { from: '21:30', to: '08:00' },
      detail: 'full',
      zone: expect.any(String),
    });

    // A device (its subscription from the loopback push service), tried and removed.
    const added = await api(page, 'POST', '/me/reach/devices', {
      subscription: service.subscribe(),
      label: 'Old phone',
    });
    expect(added.status).toBe(201);
    await page.reload();
    await section.locator('strong', { hasText: 'Old phone' }).waitFor();
    await section.getByRole('button', { name: 'Send a test notification' }).click();
    await section.getByText('A test notification went to your device.').waitFor();
    expect(service.delivered.at(-1)!.payload).toMatchObject({ body: 'Notifications reach this device.' });
    await section.getByRole('button', { name: 'Remove Old phone' }).click();
    await section.getByText('“Old phone” will no longer receive notifications.').waitFor();
    await section.getByText('None yet.').waitFor();

    // The service worker shows a push message as a notification (delivered through DevTools).
    const cdp = await page.context().newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.length).toBeGreaterThan(0);
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: stack.url,
      registrationId: registrations[0]!.registrationId,
      data: JSON.stringify({
        title: 'Hearth',
        body: 'A session at 18:30 tomorrow',
        url: '/me/meetups',
        tag: 't1',
      }),
    });
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map(
            (n) => `${n.title}: ${n.body}`,
          ),
        ),
      )
      .toEqual(['Hearth: A session at 18:30 tomorrow']);

    // Adding this browser: headless Chromium has no push service, and the page says so by the form.
    await section.getByRole('button', { name: 'Receive notifications on this device' }).click();
    await section
      .getByText(/^This browser (did not let Hearth send notifications|could not sign up for notifications)/)
      .waitFor({ timeout: STEP_TIMEOUT });
    // Chromium's own console line about push in an incognito context is the browser's, not ours.
    expect(
      problems.filter((p) => !p.startsWith('Chrome currently does not support the Push API in incognito')),
    ).toEqual([]);
  });
});
