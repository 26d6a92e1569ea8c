/**
 * Forms as a person meets them: what is refused is said in words for people, by the field it is
 * about (and linked from the summary at the top); a text longer than its limit is kept whole and
 * counted, never cut; and a new account is offered its next steps.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createGroupInBrowser, STEP_TIMEOUT, signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** The field (label, input, hint, error) a label belongs to. */
const fieldOf = (page: Page, label: string | RegExp) =>
  page.locator('.field').filter({ has: page.getByLabel(label, { exact: typeof label === 'string' }) });

/** Developer words a person should never read. */
const DEVELOPER =
  /expected (number|string)|Too (small|big)|Invalid (input|option)|>=|<=|like 2027-03-16T18:30/;

describe('forms in Chromium', () => {
  it('asks before a click on the menu loses the recovery codes shown once', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${stack.url}/signup`);
    await page.getByLabel('Handle').fill('forms-codes');
    await page.getByLabel('Passphrase').fill('forms-codes by the quiet weir');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss(); // stay
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^Your recovery codes are shown only now/);
    await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signup');
    // Saved, they may go where they like, unasked.
    await page.getByLabel('I have saved my recovery codes').check();
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('heading', { name: 'Find a peer-support group' }).waitFor();
    expect(asked).toHaveLength(1);
  });

  it('a meetup refused: each problem in plain words by its field; the long description kept whole; nothing scheduled', async () => {
    const { page, problems } = await signedUpPerson(browser, stack.url, 'forms-host', 360);
    // A new account is offered its next steps.
    await page.getByRole('heading', { name: 'Welcome, forms-host' }).waitFor();
    await page.getByRole('link', { name: 'Make a safety plan' }).waitFor();
    await createGroupInBrowser(page, stack.url, 'Forms Circle', 'A group to try the forms with.');
    await page.getByRole('heading', { name: 'Forms Circle' }).waitFor();
    const groupUrl = page.url();
    await page.getByRole('link', { name: 'Schedule a meetup' }).click();
    await page.getByLabel('Title').fill('');
    await page.getByLabel('Minutes').fill('abc');
    await page.getByLabel('Venue').fill('Community hall');
    await page.getByLabel('Address').fill('1 Chapel Road');
    await page.getByLabel('Places in the room').fill('0');
    await page.getByLabel('Link to the online room').fill('https://meet.example/forms');
    await page.getByLabel('Places online').fill('5');
    // Pasted, 100 characters past the limit: kept whole, and counted.
    const long = `${'A long description of the evening. '.repeat(120).slice(0, 4099)}.`;
    await page.getByLabel('What happens (optional)').fill(long);
    expect((await page.getByLabel('What happens (optional)').inputValue()).length).toBe(4100);
    await page.getByText('100 characters over the 4,000 that fit: shorten it to send it.').waitFor();
    await page.getByLabel('Weekly').check();
    await page.getByLabel('Every how many weeks').fill('abc');

    // Every problem at once, the repeat builder's in its own words, each by its field.
    await page.getByRole('button', { name: 'Schedule' }).click();
    await fieldOf(page, 'Every how many weeks').getByText('Use a whole number from 1 to 52').waitFor();
    await fieldOf(page, 'Date').getByText('Choose a date').waitFor();
    await fieldOf(page, 'Title').getByText('Required').waitFor();
    await fieldOf(page, 'Minutes').getByText('Use a number').waitFor();
    await fieldOf(page, 'Places in the room').getByText('Use a number of at least 1').waitFor();
    await fieldOf(page, 'What happens (optional)').getByText('Use at most 4,000 characters').waitFor();
    // Listed in the order of the page, each linked to its field.
    const summary = page.getByRole('alert').filter({ hasText: 'Please check this:' });
    const listed = await summary.getByRole('listitem').allTextContents();
    expect(listed.map((l) => l.split(':')[0])).toEqual([
      'Title',
      'What happens (optional)',
      'Date',
      'Minutes',
      'Places in the room',
      'Every how many weeks',
    ]);
    // The preview makes up no dates from what is not filled in.
    await page.getByText('Its dates show here once how it repeats is filled in.').waitFor();
    await summary
      .getByRole('link', { name: 'Every how many weeks: Use a whole number from 1 to 52' })
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('inputmode')))
      .toBe('numeric');

    expect(await page.locator('main').textContent()).not.toMatch(DEVELOPER);

    // Its own problems put right, the form hears the API's alone, still by their fields.
    await page.getByLabel('Every how many weeks').fill('1');
    await page.getByLabel('Date').fill('2027-03-16');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('Meets every Tuesday, 10 times, at 18:30.').waitFor();
    await fieldOf(page, 'Title').getByText('Required').waitFor();
    await fieldOf(page, 'Minutes').getByText('Use a number').waitFor();
    expect(await fieldOf(page, 'Date').locator('.error').count()).toBe(0);
    expect(await page.getByLabel('Date').getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('alert').getByRole('link', { name: 'Title: Required' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    expect(await page.locator('main').textContent()).not.toMatch(DEVELOPER);
    expect((await page.getByLabel('What happens (optional)').inputValue()).length).toBe(4100);

    // Nothing was scheduled.
    const groupId = /\/groups\/([A-Za-z0-9_-]{22})/.exec(groupUrl)![1];
    const schedule = await (await page.request.get(`${stack.url}/api/groups/${groupId}/occurrences`)).json();
    expect(schedule).toMatchObject({ items: [] });
    expect(problems).toEqual([]);
  });
});
