/**
 * A Q&A with a verified professional, in Chromium: a member applies as a professional and is
 * verified; the owner asks them on the meetup's page; they hear of it in the app, accept, and are
 * shown the online room; a
 * member asks anonymously at 360 px, another asks and supports it; the professional, who never
 * sees who asked, answers; the member reads the answer. Axe clean at both widths.
 */
import { describe, expect, it } from 'vitest';
import { auditAs } from '../support/axe';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { api } from '../support/circle';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

const DAY = 86_400_000;

describe('a Q&A with a verified professional', () => {
  it('is offered, accepted, asked anonymously, supported and answered', async () => {
    const owner = await signedUpPerson(browser, stack.url, 'owner-qa', 1280);
    await createGroupInBrowser(owner.page, stack.url, 'Sleep circle', 'Talking about sleep.');
    await owner.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    const groupId = new URL(owner.page.url()).pathname.split('/')[2]!;
    const made = await api(owner.page, 'POST', `/groups/${groupId}/meetups`, {
      title: 'Ask about sleep',
      start: `${new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10)}T18:30`,
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/sleep' },
      capacity: { online: 40 },
    });
    const path = `/occurrences/${made.body.occurrences[0].occurrenceId}`;
    const join = async (handle: string, width: number) => {
      const p = await signedUpPerson(browser, stack.url, handle, width);
      expect(
        (await api(p.page, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true })).status,
      ).toBe(201);
      return p;
    };
    const pro = await join('rowan-pro', 1280);
    // They apply on their page; the keyboard goes to what says the application is in.
    await pro.page.goto(`${stack.url}/professional`);
    await pro.page.getByLabel(/^Licence or registration/).fill('Clinical psychologist');
    await pro.page.getByLabel('Licence number').fill('PYL1');
    await pro.page.getByLabel(/^Issued by/).fill('UK, HCPC');
    await pro.page.getByRole('button', { name: 'Apply' }).press('Enter');
    await pro.page.getByText('Your application is waiting for an admin.').waitFor();
    expect(await pro.page.evaluate(() => document.activeElement?.textContent)).toContain(
      'Your application is waiting',
    );
    const admin = await signedUpPerson(browser, stack.url, 'e2e-admin', 1280);
    const proId = (await api(pro.page, 'GET', '/me')).body.userId;
    expect(
      (await api(admin.page, 'POST', `/admin/professionals/${proId}/verify`, { verified: true })).status,
    ).toBe(200);

    // The owner asks them, on the meetup's page.
    await owner.page.goto(`${stack.url}${path}`);
    await owner.page.getByRole('heading', { name: 'Q&A with a professional' }).waitFor();
    await owner.page.getByLabel('Verified professional').selectOption({ label: 'rowan-pro' });
    await owner.page.getByRole('button', { name: 'Ask them' }).click();
    await owner.page.getByText('Asked: they are told, and can accept or decline on this page.').waitFor();
    expect(await owner.page.evaluate(() => document.activeElement?.textContent)).toContain('Asked:');
    await owner.page.getByText('Waiting for rowan-pro to accept.').waitFor();
    await owner.page.getByRole('button', { name: 'Withdraw the ask' }).waitFor();

    // The professional hears of it and accepts.
    await pro.page.goto(`${stack.url}/notifications`);
    await pro.page
      .getByRole('link', { name: /asks you to answer members’ questions at “Ask about sleep”/ })
      .click();
    await pro.page.getByRole('button', { name: 'Accept' }).waitFor();
    expect(await pro.page.getByText('The link is shown once you have a place.').count()).toBe(1);
    await pro.page.getByRole('button', { name: 'Accept' }).click();
    await pro.page.getByText('Accepted: members can now ask their questions.').waitFor();
    // Having accepted, they are told where it meets, with no place of their own to take.
    await pro.page.getByRole('link', { name: 'Join the online room' }).waitFor();
    await pro.page.getByText('You answer members’ questions here.').waitFor();
    await pro.page
      .getByText(/With rowan-pro: Clinical psychologist \(UK, HCPC\), verified by Hearth\./)
      .waitFor();
    await pro.page.getByText(/not a diagnosis or individual treatment/).waitFor();

    // A member asks anonymously, at 360 px; another asks, and supports the first.
    const shy = await join('shy-member', 360);
    await shy.page.goto(`${stack.url}${path}`);
    await shy.page.getByLabel('Your question').fill('Is it normal to wake at 4am most nights?');
    await shy.page.getByLabel(/Ask anonymously/).check();
    await shy.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await shy.page.getByText('Your question is in. You can ask up to 3.').waitFor();
    await shy.page.getByText('Asked by you, anonymously: others see “a member”').waitFor();
    expect(await auditAs(shy.page, `${stack.url}${path}`, { width: 360, ready: 'ol.questions' })).toEqual([]);
    const open = await join('open-member', 1280);
    await open.page.goto(`${stack.url}${path}`);
    await open.page.getByLabel('Your question').fill('Do sleep apps help?');
    await open.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await open.page.getByText('Your question is in. You can ask up to 3.').waitFor();
    const first = open.page.locator('ol.questions > li', { hasText: 'wake at 4am' });
    await first.getByText('Asked by a member').waitFor();
    await first.getByRole('button', { name: 'I want this answered too' }).click();
    await open.page.getByText('Your support is counted.').waitFor();
    expect(
      await first.getByRole('button', { name: 'I want this answered too' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await open.page.locator('main').textContent()).not.toContain('shy-member');

    // The professional sees who asked nothing about, and answers.
    await pro.page.reload();
    const asked = pro.page.locator('ol.questions > li', { hasText: 'wake at 4am' });
    await asked.getByText('Asked by a member').waitFor();
    expect(await pro.page.locator('main').textContent()).not.toContain('shy-member');
    // Most supported first.
    expect(await pro.page.locator('ol.questions > li').first().textContent()).toContain('wake at 4am');
    await asked
      .getByLabel('Written answer (you may leave this empty)')
      .fill('Often, yes. A steady wake time helps.');
    // The professional answers; they are not offered the members' ask form nor their support.
    expect(await pro.page.getByRole('button', { name: 'I want this answered too' }).count()).toBe(0);
    expect(await pro.page.getByLabel('Your question').count()).toBe(0);
    await asked.getByRole('button', { name: 'Mark answered' }).click();
    await asked.getByText('Often, yes. A steady wake time helps.').first().waitFor();
    expect(await auditAs(pro.page, `${stack.url}${path}`, { width: 1280, ready: 'ol.questions' })).toEqual(
      [],
    );

    await shy.page.reload();
    const mine = shy.page.locator('ol.questions > li', { hasText: 'wake at 4am' });
    await mine.getByText('Answered', { exact: true }).waitFor();
    await mine.getByText('Often, yes. A steady wake time helps.').waitFor();
    await shy.page.screenshot({ path: '.test-results/qa-360.png', fullPage: true });
    for (const p of [owner, pro, shy, open]) expect(p.problems).toEqual([]);
  });
});
