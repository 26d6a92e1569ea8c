/**
 * Screenshots of the main pages at phone and desktop widths, for looking at what a person sees
 * (and for the README). Needs `npm run build` first. Run: npx tsx scripts/screenshots.ts [outdir]
 * @module
 */
import { mkdirSync } from 'node:fs';
import { crisisLines } from '../functions/jobs/crisis-lines';
import { seedDemo } from '../infra/local/seed';
import { launchBrowser } from '../tests/support/browser';
import { startStack } from '../tests/support/stack';
import { buildWeb } from './build';

const out = process.argv[2] ?? 'dist/screenshots';
await buildWeb();
mkdirSync(out, { recursive: true });
const stack = await startStack();
await seedDemo(stack.app);
await crisisLines.run({ db: stack.db, now: Date.now() });
const browser = await launchBrowser();
type Page = Awaited<ReturnType<typeof browser.newPage>>;

/** Signs in as the demo group's owner, from wherever the page is. */
async function signIn(page: Page) {
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('Handle').fill('demo-owner');
  await page.getByLabel('Passphrase').fill('warm tea and kind words');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Welcome back').waitFor();
}
try {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 360, height: 780 }],
  ] as const) {
    const page = await browser.newPage({ viewport });
    page.on('console', (m) => m.type() === 'error' && console.error(`[${name}] console: ${m.text()}`));
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Find a peer-support group' }).waitFor();
    await page.getByText('Evening Anxiety Circle').waitFor();
    await page.screenshot({ path: `${out}/directory-${name}.png`, fullPage: name === 'phone' });
    await signIn(page);
    await page.getByRole('link', { name: 'Evening Anxiety Circle' }).click();
    await page.getByRole('heading', { name: 'Community guidelines' }).waitFor();
    await page.screenshot({ path: `${out}/group-${name}.png`, fullPage: true });
    const groupUrl = page.url();
    await page.getByRole('link', { name: 'Month view' }).click();
    await page.getByRole('list', { name: 'Meetups this month' }).waitFor();
    await page.screenshot({ path: `${out}/month-${name}.png`, fullPage: true });
    await page.goto(groupUrl);
    await page.getByRole('link', { name: 'Members and requests' }).click();
    await page.getByRole('heading', { name: /Members \(/ }).waitFor();
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await page.getByLabel('Invite link (shown once)').waitFor();
    await page.screenshot({ path: `${out}/members-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/account`);
    await page.getByRole('link', { name: 'Grief Walk & Talk' }).waitFor();
    await page.screenshot({ path: `${out}/account-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/me/meetups`);
    await page.getByRole('heading', { name: 'My meetups' }).waitFor();
    await page.getByRole('link', { name: 'See these in your own calendar app' }).click();
    await page.getByRole('heading', { name: 'Subscribe in your calendar' }).waitFor();
    await page.getByRole('button', { name: /Make my calendar link|Make a new link/ }).click();
    await page.getByRole('textbox', { name: 'Calendar link', exact: true }).waitFor();
    await page.screenshot({ path: `${out}/calendar-${name}.png`, fullPage: true });
    await signIn(page);
    await page.getByRole('link', { name: 'Evening Anxiety Circle' }).click();
    await page.getByRole('link', { name: 'Tuesday evening circle' }).first().click();
    await page.getByRole('heading', { name: 'Places' }).waitFor();
    await page.screenshot({ path: `${out}/occurrence-${name}.png`, fullPage: true });
    const occurrenceUrl = page.url();
    // Someone in another zone sees the group's time and their own.
    const elsewhere = await browser.newPage({ viewport, timezoneId: 'America/New_York' });
    await elsewhere.goto(occurrenceUrl);
    await elsewhere.getByText(/your time/).waitFor();
    await elsewhere.screenshot({ path: `${out}/occurrence-elsewhere-${name}.png` });
    await elsewhere.close();
    await page.getByRole('link', { name: 'Change the whole series' }).click();
    await page.getByRole('heading', { name: 'Change the dates' }).waitFor();
    await page.getByRole('region', { name: 'Change the dates' }).getByLabel('Thu').check();
    await page.getByText(/Meets every Tuesday and Thursday/).waitFor();
    await page.screenshot({ path: `${out}/series-${name}.png`, fullPage: true });
    await page.goto(occurrenceUrl);
    await page.getByRole('heading', { name: 'Places' }).waitFor();
    await page
      .getByRole('link', { name: /Leeds|Evening Anxiety Circle/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Schedule a meetup' }).click();
    await page.getByLabel('Date').fill('2027-03-16');
    await page.getByLabel('Weekly').check();
    await page.getByText('Meets every Tuesday').waitFor();
    await page.screenshot({ path: `${out}/schedule-form-${name}.png`, fullPage: true });
    await page
      .getByRole('group', { name: 'RSVPs' })
      .screenshot({ path: `${out}/schedule-form-rsvps-${name}.png` });
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: 'Evening Anxiety Circle' }).click();
    await page.getByRole('link', { name: 'Discussions' }).click();
    await page.getByLabel('Title').fill(`How was your week? (${name})`);
    await page
      .getByLabel('First post')
      .fill('Mine was **mixed**:\n\n- a good walk on Sunday\n- a hard Wednesday');
    await page.getByLabel('Self-harm').check();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('link', { name: `How was your week? (${name})` }).click();
    await page.getByText('Content warning: Self-harm').click();
    await page.getByLabel('Your reply').fill('Thank you for sharing. I want to end it all some days too.');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByRole('heading', { name: 'You are not alone' }).waitFor();
    // The first run chooses a region; the panel remembers it after that.
    const where = page.getByLabel(/Where are you\?/);
    if (await where.count()) await where.selectOption('GB');
    await page.getByText('In danger now? Call 999.').waitFor();
    await page.screenshot({ path: `${out}/thread-${name}.png`, fullPage: true });
    await page.getByRole('link', { name: '← Discussions' }).click();
    await page.getByRole('link', { name: 'Moderation: waiting posts and reports' }).click();
    await page.getByRole('heading', { name: /Reports \(/ }).waitFor();
    await page.screenshot({ path: `${out}/moderation-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: 'Evening Anxiety Circle' }).click();
    await page.getByRole('link', { name: 'Roster', exact: true }).click();
    await page.getByRole('heading', { name: 'Fill the roster' }).waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page
      .getByText(/Nothing to fill|chosen:|no lead/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${out}/roster-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/me/duties`);
    await page.getByRole('heading', { name: 'My duties' }).waitFor();
    await page.screenshot({ path: `${out}/duties-${name}.png`, fullPage: true });
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.screenshot({ path: `${out}/notifications-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/resources`);
    await page.getByText('Samaritans (United Kingdom)').waitFor();
    await page.screenshot({ path: `${out}/resources-${name}.png`, fullPage: true });
    await page.getByRole('link', { name: 'Samaritans (United Kingdom)' }).click();
    await page.getByText('Report a problem with this listing').waitFor();
    await page.screenshot({ path: `${out}/resource-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/groups/new`);
    await page.getByRole('heading', { name: 'Start a group' }).waitFor();
    await page.screenshot({ path: `${out}/create-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/crisis.html`);
    await page.screenshot({ path: `${out}/crisis-${name}.png`, fullPage: true });
    await page.goto(`${stack.url}/signup`);
    await page.screenshot({ path: `${out}/signup-${name}.png` });
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await stack.stop();
}
