/**
 * One Chromium and one local stack for a test file: started before its tests, stopped after.
 * `browser` and `stack` are live bindings, set once `useBrowserAndStack()`'s hook has run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startStack } from './stack';

export let browser: Browser;
export let stack: Awaited<ReturnType<typeof startStack>>;

/** `now`: the stack's clock (a test that moves time moves the browsers' clocks with it). */
export function useBrowserAndStack(opts: { now?: () => number } = {}): void {
  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startStack(opts)]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}
