/**
 * A visitor on a phone finds a group by how and where it meets, keeps the search in the address
 * (reloaded, shared or bookmarked, it comes back), and is told plainly when nothing matches.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

describe('the group directory in Chromium', () => {
  it('filters by how and where a group meets, at 360 px, with the search in the URL', async () => {
    await seedDemo(stack.app);
    const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${stack.url}/`);
    const cards = page.getByRole('list', { name: 'Groups' });
    await cards.getByRole('link', { name: 'Grief Walk & Talk' }).waitFor();

    // Where alone: both Leeds groups, each card saying where.
    await page.getByLabel('Town or region').fill('leeds');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/near=leeds/);
    await cards.getByText('Roundhay Park, Leeds').waitFor();
    await cards.getByText('Leeds, West Yorkshire').waitFor();

    // How too: only the group whose meetups meet in the room.
    await page.getByLabel('How it meets').selectOption({ label: 'In person' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/meets=in_person/);
    await cards.getByRole('link', { name: 'Grief Walk & Talk' }).waitFor({ state: 'detached' });
    expect(
      await cards
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading') })
        .count(),
    ).toBe(1);
    await cards.getByRole('link', { name: 'Evening Anxiety Circle' }).waitFor();

    // The address keeps the search: reloaded, the same filters and the same group.
    await page.reload();
    expect(await page.getByLabel('How it meets').inputValue()).toBe('in_person');
    expect(await page.getByLabel('Town or region').inputValue()).toBe('leeds');
    await cards.getByRole('link', { name: 'Evening Anxiety Circle' }).waitFor();

    // Word for word: York is not Yorkshire.
    await page.getByLabel('How it meets').selectOption({ label: 'Any' });
    await page.getByLabel('Town or region').fill('York');
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByText('No public groups match. Try fewer words or filters; many groups also meet online.')
      .waitFor();
    // Back: the search before, its filters and its groups.
    await page.goBack();
    await cards.getByRole('link', { name: 'Evening Anxiety Circle' }).waitFor();
    expect(await page.getByLabel('Town or region').inputValue()).toBe('leeds');
    expect(await page.getByLabel('How it meets').inputValue()).toBe('in_person');
    // One letter is not a place: said by the field, and no older results stay under it.
    await page.getByLabel('Town or region').fill('B');
    await page.getByRole('button', { name: 'Search' }).click();
    const near = page.locator('.field').filter({ has: page.getByLabel('Town or region') });
    await near.getByText('Use at least 2 characters').waitFor();
    expect(await page.getByLabel('Town or region').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Town or region: Use at least 2 characters' })
      .waitFor();
    expect(await cards.count()).toBe(0);
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
