import { execFileSync } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, found on PATH. A missing browser is an error with its fix, never a skip. */
export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'Chromium is not installed. Install it with: apt-get install -y chromium (npm test does this for you)',
    );
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * How long one browser step (a click, a wait for text) may take: a step is a second or two on a
 * quiet machine; this leaves room for a busy one, where a page's first script and its API calls
 * share two cores with the rest of the suite.
 */
export const STEP_TIMEOUT = 20_000;

/**
 * A new person in their own browser context: signed up with `handle` through the web app, with
 * every console error and page error collected (4xx answers the app handles are not errors).
 */
export async function signedUpPerson(
  browser: Browser,
  baseUrl: string,
  handle: string,
  width = 1280,
  timezoneId?: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, timezoneId })).newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase').fill(`${handle} walks by the river`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('I have saved my recovery codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return { page, problems };
}

/** Creates a group through the web app (its form), landing on the new group's page. */
export async function createGroupInBrowser(page: Page, baseUrl: string, name: string, about: string) {
  await page.goto(`${baseUrl}/groups/new`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('What the group is about').fill(about);
  await page.getByLabel('Anxiety').check();
  await page.getByLabel('Time zone').fill('Europe/London');
  await page.getByRole('button', { name: 'Create group' }).click();
}
