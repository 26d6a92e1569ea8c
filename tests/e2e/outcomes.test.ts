/**
 * How sessions go, in Chromium: five members go to a meetup; once it has ended (the stack's clock
 * and the browsers' moved on together) each is asked in the app, and rates it on its page, by
 * keyboard for one, at 360 px;
 * the facilitators' page then shows attendance and the month's ratings as charts, with the same
 * numbers in tables and the comments, axe clean at 360 px and on a desktop.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runJobs } from '../../functions/jobs/run';
import { auditAs } from '../support/axe';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { api } from '../support/circle';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

let ahead = 0;
useBrowserAndStack({ now: () => Date.now() + ahead });

const DAY = 86_400_000;
/** Moves the stack's clock and the browsers' on by `ms`. */
async function later(ms: number, pages: Page[]) {
  ahead += ms;
  for (const p of pages) await p.context().clock.setFixedTime(Date.now() + ahead);
}

describe('how sessions go', () => {
  it('members rate a meetup after it ends, apart from their names; facilitators see the totals', async () => {
    const owner = await signedUpPerson(browser, stack.url, 'owner-outcomes', 1280);
    await createGroupInBrowser(owner.page, stack.url, 'Outcomes circle', 'Talking and listening.');
    await owner.page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    const groupId = new URL(owner.page.url()).pathname.split('/')[2]!;
    const start = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const made = await api(owner.page, 'POST', `/groups/${groupId}/meetups`, {
      title: 'Winter circle',
      start: `${start}T18:30`,
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/winter' },
      capacity: { online: 10 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const occurrenceId = made.body.occurrences[0].occurrenceId as string;
    const members = [];
    for (let i = 0; i < 5; i++) {
      const m = await signedUpPerson(browser, stack.url, `member-outcomes-${i}`, i === 0 ? 360 : 1280);
      expect(
        (await api(m.page, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true })).status,
      ).toBe(201);
      expect(
        (await api(m.page, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' })).status,
      ).toBe(200);
      members.push(m);
    }
    // Before it ends, the page asks nothing.
    await members[0]!.page.goto(`${stack.url}/occurrences/${occurrenceId}`);
    await members[0]!.page.getByRole('heading', { level: 1, name: 'Winter circle' }).waitFor();
    expect(await members[0]!.page.getByRole('heading', { name: 'How was this session?' }).count()).toBe(0);

    // Ten minutes after it ends, the jobs have run: each member who went is asked, in the app.
    const endAt = Date.parse(made.body.occurrences[0].endAt);
    await later(endAt + 10 * 60_000 - (Date.now() + ahead), [owner.page, ...members.map((m) => m.page)]);
    await runJobs({ db: stack.db, now: Date.now() + ahead, vapid: stack.vapid });
    // The first, at 360 px and by keyboard: from the notice to the page, which says it has ended
    // and offers nothing more to join; sending without every answer is refused by each question.
    const first = members[0]!.page;
    await first.goto(`${stack.url}/notifications`);
    await first.getByRole('link', { name: /^How was “Winter circle” in “Outcomes circle”\?/ }).click();
    await first.getByRole('heading', { name: 'How was this session?' }).waitFor();
    await first.getByText('This meetup has ended.').waitFor();
    await first.getByText('You had a place online.').waitFor();
    for (const gone of ['Add to calendar', 'Join the online room', 'Can’t go'])
      expect(await first.getByText(gone).count(), gone).toBe(0);
    expect(
      await auditAs(first, `${stack.url}/occurrences/${occurrenceId}`, {
        width: 360,
        ready: 'section.feedback',
        now: Date.now() + ahead,
      }),
    ).toEqual([]);
    await first.getByRole('button', { name: 'Send my answer' }).click();
    await first.getByRole('alert').getByText('Please answer each question.').waitFor();
    // Listed in the summary, each linking to its question, and said by each question.
    expect(await first.locator('fieldset.rating .error').allTextContents()).toEqual(
      Array(4).fill('Choose a number from 0 to 10'),
    );
    expect(await first.getByRole('alert').getByRole('link').allTextContents()).toEqual([
      expect.stringContaining('I felt heard'),
      expect.stringContaining('We talked about'),
      expect.stringContaining('The way the group works'),
      expect.stringContaining('Overall'),
    ]);
    for (const question of [
      'I felt heard, understood and respected',
      'We talked about what I wanted to talk about',
      'The way the group works suits me',
      'Overall, this session was right for me',
    ]) {
      await first
        .getByRole('group', { name: question })
        .getByRole('radio', { name: '0', exact: true })
        .focus();
      // Arrow keys move along the scale, as in any group of radio buttons.
      for (let i = 0; i < 8; i++) await first.keyboard.press('ArrowRight');
    }
    await first.getByLabel(/Anything you would like the facilitators to know/).fill('The quiet start helped');
    await first.getByRole('button', { name: 'Send my answer' }).press('Enter');
    await first.getByText('Thank you: your answer is in, kept apart from your name.').waitFor();
    expect(await first.evaluate(() => document.activeElement?.textContent)).toContain('Thank you');
    await first.screenshot({ path: '.test-results/feedback-360.png', fullPage: true });
    await first.reload();
    await first.getByText('Thank you: your answer is in, kept apart from your name.').waitFor();
    expect(members[0]!.problems).toEqual([]);

    for (const [i, m] of members.slice(1).entries()) {
      await m.page.goto(`${stack.url}/occurrences/${occurrenceId}`);
      await m.page.locator('section.feedback fieldset').first().waitFor();
      for (const group of await m.page.locator('section.feedback').getByRole('group').all())
        await group.getByRole('radio', { name: String(6 + (i % 2)), exact: true }).check();
      await m.page.getByRole('button', { name: 'Send my answer' }).click();
      await m.page.getByText('Thank you: your answer is in').waitFor();
    }

    // Each checks in on their wellbeing and lets the group count it; two score low, and are
    // pointed, gently, to help.
    for (const [i, m] of members.entries()) {
      await m.page.goto(`${stack.url}/me/wellbeing`);
      await m.page.locator('fieldset.who5').first().waitFor();
      for (const statement of await m.page.locator('fieldset.who5').all())
        await statement.getByLabel(i < 2 ? 'At no time' : 'Most of the time').check();
      await m.page.getByRole('button', { name: 'Save my check-in' }).click();
      await m.page.getByText(`Your score: ${i < 2 ? 0 : 80} out of 100.`).waitFor();
      expect(await m.page.getByRole('link', { name: 'see the crisis lines' }).count()).toBe(i < 2 ? 1 : 0);
      await m.page.getByText('Your next check-in can be from').waitFor();
      await m.page.locator('.chart canvas').waitFor();
      await m.page.getByLabel('Outcomes circle').check();
      await m.page.getByRole('button', { name: 'Save', exact: true }).click();
      await m.page.getByText('Saved.').waitFor();
      if (i === 0) {
        await m.page.screenshot({ path: '.test-results/wellbeing-360.png', fullPage: true });
        expect(
          await auditAs(m.page, `${stack.url}/me/wellbeing`, {
            width: 360,
            ready: '.chart canvas',
            now: Date.now() + ahead,
          }),
        ).toEqual([]);
      }
    }

    // The figures show once they are final: the meetup's window closed, its month and quarter
    // over. A month on, the owner signs in again (a session lasts a month at most).
    await later(30 * DAY, [owner.page]);
    const page = owner.page;
    await page.goto(`${stack.url}/signin`);
    await page.getByLabel('Handle').fill('owner-outcomes');
    await page.getByLabel('Passphrase').fill('owner-outcomes walks by the river');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'owner-outcomes' }).waitFor();
    await page.goto(`${stack.url}/groups/${groupId}`);
    await page.getByRole('link', { name: 'How sessions go' }).click();
    await page.getByRole('heading', { level: 1, name: 'How sessions go' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await page.getByText('The quiet start helped').waitFor();
    await page.getByText('The numbers, as a table').first().click();
    const row = page.locator('details table').first().getByRole('row').nth(1);
    expect(await row.textContent()).toContain('Winter circle');
    expect(await row.textContent()).toContain('5');
    // 8, 6, 7, 6, 7: a mean of 6.8 on every rating.
    await page.getByText('The numbers, as a table').nth(1).click();
    expect(await page.locator('details table').nth(1).getByRole('row').nth(1).textContent()).toMatch(
      /56\.8.*6\.8.*6\.8.*6\.8/,
    );
    // Wellbeing: five members, two in the lowest range, three in the highest.
    await page.getByText('The numbers, as a table').nth(3).click();
    expect(await page.locator('details table').nth(3).getByRole('row').nth(1).textContent()).toMatch(
      /^Q\d \d{4}52003$/,
    );
    expect(await page.locator('.chart canvas').count()).toBe(4);
    expect(
      await auditAs(page, `${stack.url}/groups/${groupId}/outcomes`, {
        width: 1280,
        ready: '.chart canvas',
        now: Date.now() + ahead,
      }),
    ).toEqual([]);
    await page.screenshot({ path: '.test-results/outcomes-1280.png', fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('.chart canvas').first().waitFor();
    const chartWidth = await page
      .locator('.chart')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(360);
    expect(
      await auditAs(page, `${stack.url}/groups/${groupId}/outcomes`, {
        width: 360,
        ready: '.chart canvas',
        now: Date.now() + ahead,
      }),
    ).toEqual([]);
    await page.screenshot({ path: '.test-results/outcomes-360.png', fullPage: true });
    // In Arabic the page reads right to left; the charts keep time running left to right.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'كيف تسير الجلسات' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    expect(
      await page.locator('.chart').evaluateAll((els) => els.map((e) => getComputedStyle(e).direction)),
    ).toEqual(Array(4).fill('ltr'));
    await page.screenshot({ path: '.test-results/outcomes-ar-360.png', fullPage: true });
    // Nothing wider than the screen (a comment written left to right kept its bullet outside it once).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(owner.problems).toEqual([]);
  });
});
