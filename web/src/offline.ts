/**
 * The page's side of working offline: the service worker registered, what the page says when it
 * shows what the device kept, and forgetting that when the person signs out.
 * @module
 */
import { signal } from '@preact/signals';
import { inBrowser } from './browser';
import { PRIVATE_CACHE } from './offline-names';

/** When the answers on show were kept (ms), if they were read from the device; null when live. */
export const keptAt = signal<number | null>(null);

/** What the page on show could not load, when it did not say so itself (see main.tsx). */
export const loadProblem = signal<string | null>(null);

/** Whether the browser believes it has a network (it can be wrong the other way: see api.ts). */
export const online = signal(inBrowser ? navigator.onLine : true);
if (inBrowser) {
  window.addEventListener('online', () => {
    online.value = true;
  });
  window.addEventListener('offline', () => {
    online.value = false;
  });
}

/** Registers the service worker; a browser without one (or refusing it) works online as before. */
export function registerWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

/**
 * Forgets what this device kept of the person (their plan, their meetups, who they are): on
 * signing out, on deleting the account, and when the server says nobody is signed in.
 */
export async function forgetKept(): Promise<void> {
  keptAt.value = null;
  if ('caches' in window) await caches.delete(PRIVATE_CACHE).catch(() => false);
}
