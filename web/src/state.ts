import { signal } from '@preact/signals';
import type { Me } from '../../functions/core/schemas/accounts';
import { get } from './api';
import { inBrowser } from './browser';
import { forgetKept } from './offline';

/** The signed-in person, null when signed out, undefined while loading. */
export const me = signal<Me | null | undefined>(undefined);

/** Who is signed in: asking is not an error for a visitor (the console stays clean). */
export async function loadMe(): Promise<void> {
  try {
    me.value = (await get<{ me: Me | null }>('/session')).me;
    // Signed out elsewhere, or the session ran out: what this device kept of them goes too.
    if (me.value === null) void forgetKept();
  } catch {
    me.value = null;
  }
}

/**
 * Current location, kept in a signal so the router re-renders on navigation (on the server, the
 * address being rendered: see functions/pages).
 */
export const location = signal(new URL(inBrowser ? window.location.href : 'http://localhost/'));

/**
 * What the page on show would lose if left, as a question (null: nothing): asked before going to
 * another page of the app. Never asked by "Leave quickly", which leaves without a word.
 */
export const leaveGuard: { ask: string | null } = { ask: null };

/**
 * Goes to a page of the app. Each entry carries its place in the tab's history (`hearthIndex`),
 * which "Leave quickly" (web/quick-exit.js) uses to take every Hearth entry out of Back.
 */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (leaveGuard.ask && !window.confirm(leaveGuard.ask)) return;
  leaveGuard.ask = null;
  const url = new URL(to, window.location.href);
  const here = (history.state?.hearthIndex as number | undefined) ?? history.length - 1;
  if (opts.replace) history.replaceState({ hearthIndex: here }, '', url);
  else history.pushState({ hearthIndex: here + 1 }, '', url);
  (window as unknown as { hearthRemember?: () => void }).hearthRemember?.();
  location.value = url;
}

/** Bumped to show the page on show afresh (its data read again), without reloading the app. */
export const pageVersion = signal(0);

/** Shows the page afresh, unless the person would rather keep what they have not saved. */
export function refreshPage(): void {
  if (leaveGuard.ask && !window.confirm(leaveGuard.ask)) return;
  leaveGuard.ask = null;
  pageVersion.value++;
}

/** A message to show once on the next page ("Welcome back"). */
export const flash = signal<string | null>(null);
