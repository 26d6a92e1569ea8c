/**
 * A first visit in Chromium, cold: the directory comes drawn with its groups (functions/pages);
 * the page's first requests leave with the app's script, not
 * after it (web/src/early.ts), and each is made once (the app takes the early answer rather than
 * asking again); the files come compressed, hashed ones kept for a year; no console error.
 */
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { groupWithOwner, testApp } from '../support/api';
import { STEP_TIMEOUT } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

/** Opens `path` cold; returns the requests it made (by address) and any console error. */
async function visit(path: string, ready: string) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const requests: Request[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // Which script sent each request (Chromium's own record of it).
  const sentBy = new Map<string, string>();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    const frame = e.initiator.stack?.callFrames[0];
    sentBy.set(e.request.url.slice(stack.url.length), frame?.url.slice(stack.url.length) ?? e.initiator.type);
  });
  await page.goto(`${stack.url}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const asked = (pattern: RegExp) => requests.filter((r) => pattern.test(r.url().slice(stack.url.length)));
  return { page, context, requests, asked, problems, sentBy };
}

describe('a first visit', () => {
  it('gets the directory’s groups with the page, and asks who is signed in and its words once each, early', async () => {
    const t = testApp(stack.db);
    await groupWithOwner(t, { name: 'Early circle' });
    const v = await visit('/', 'ul.cards li.card h2');
    // The groups came drawn in the document (functions/pages): nobody asks for them again.
    const document = await v.requests.find((r) => r.resourceType() === 'document')!.response();
    expect(await document!.text()).toContain('Early circle</a></h2>');
    expect(v.asked(/^\/api\/groups/)).toHaveLength(0);
    expect(v.asked(/^\/api\/session$/)).toHaveLength(1);
    expect(v.asked(/^\/locales\/en-/)).toHaveLength(1);
    // Sent by the page's first script, not by the app once it had arrived and run.
    expect(v.sentBy.get('/api/session')).toMatch(/^\/assets\/early-/);
    expect([...v.sentBy].find(([u]) => u.startsWith('/locales/en-'))?.[1]).toMatch(/^\/assets\/early-/);
    const appResponse = await v.requests.find((r) => /\/assets\/app-/.test(r.url()))!.response();
    expect(appResponse!.headers()['cache-control']).toContain('immutable');
    expect(appResponse!.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('asks for a group and its meetups once each on the group’s page', async () => {
    const t = testApp(stack.db);
    const { groupId } = await groupWithOwner(t, { name: 'Early group' });
    const v = await visit(`/groups/${groupId}`, 'main h1');
    expect(await v.page.locator('main h1').textContent()).toBe('Early group');
    expect(v.asked(new RegExp(`^/api/groups/${groupId}$`))).toHaveLength(1);
    expect(v.asked(new RegExp(`^/api/groups/${groupId}/occurrences\\?limit=6$`))).toHaveLength(1);
    expect(v.sentBy.get(`/api/groups/${groupId}`)).toMatch(/^\/assets\/early-/);
    // The page's own code too, asked for beside the app's (the first script names it).
    const order = [...v.sentBy.keys()];
    const code = order.findIndex((u) => /^\/assets\/group-/.test(u));
    expect(code).toBeGreaterThan(0);
    expect(code).toBeLessThan(order.indexOf(`/api/groups/${groupId}`));
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
});
