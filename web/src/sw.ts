/**
 * The service worker: the app's files and the crisis page kept on the device (Workbox's
 * precaching, from the list the build injects), every page of the app reachable offline, and the
 * signed-in person's own answers (offline-names.ts) kept, newest first, for reading with no
 * signal. Writes always go to the network: nothing is queued to be sent later.
 * @module
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { FROM_DEVICE, KEPT_PATHS, LOCALES_CACHE, PRIVATE_CACHE } from './offline-names';

/** The files to keep, with a hash of each, written in by the build (scripts/build.ts). */
declare const PRECACHE: { url: string; revision: string }[];
// The worker's globals, as far as this file uses them (the project's types are the page's).
type Waits = { waitUntil(p: Promise<unknown>): void };
type WindowClient = { url: string; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> };
const worker = self as unknown as {
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  registration: { showNotification(title: string, options: Record<string, unknown>): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: Waits) => void): void;
  addEventListener(type: 'push', listener: (e: Waits & { data: { json(): unknown } | null }) => void): void;
  addEventListener(
    type: 'notificationclick',
    listener: (e: Waits & { notification: { data?: { url?: string }; close(): void } }) => void,
  ): void;
};

precacheAndRoute(PRECACHE);
cleanupOutdatedCaches();

// A new version takes over at once: the files it keeps are the ones its pages were built with.
worker.addEventListener('install', (e) => e.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (e) => e.waitUntil(worker.clients.claim()));

// Pages: from the network, so what is served is current; offline, the app's shell, which reads
// what the device kept.
const shell = createHandlerBoundToURL('/index.html');
registerRoute(
  new NavigationRoute(
    async (options) => {
      try {
        return await fetch(options.request);
      } catch {
        return shell(options);
      }
    },
    { denylist: [/^\/api\//, /^\/feeds\//] },
  ),
);

// Catalogues of languages read here: their names change with their content, so a kept one is
// always right (the page keeps them; see i18n.ts).
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === location.origin && url.pathname.startsWith('/locales/'),
  new CacheFirst({ cacheName: LOCALES_CACHE }),
);

// The person's own answers: from the network when it answers (within 4 s on a weak signal), and
// kept; otherwise the last kept, marked so the page can say how old it is. Only a 200 is kept:
// a visitor's 401 never is.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === location.origin && KEPT_PATHS.includes(url.pathname),
  new NetworkFirst({
    cacheName: PRIVATE_CACHE,
    networkTimeoutSeconds: 4,
    plugins: [
      {
        cacheWillUpdate: async ({ request, response }) => {
          if (response.status !== 200) return null;
          // A visitor's "nobody is signed in" is not kept either: there is nothing of theirs to read.
          if (new URL(request.url).pathname === '/api/session') {
            const body = (await response
              .clone()
              .json()
              .catch(() => null)) as { me?: unknown } | null;
            if (!body?.me) return null;
          }
          return response;
        },
        cachedResponseWillBeUsed: async ({ cachedResponse }) => {
          if (!cachedResponse) return null;
          const headers = new Headers(cachedResponse.headers);
          headers.set(FROM_DEVICE, '1');
          return new Response(cachedResponse.body, { status: cachedResponse.status, headers });
        },
      },
    ],
  }),
);

// A push message (functions/core/reach.ts: title, body, the page it opens, a tag that replaces an
// older message about the same thing) shown as a notification.
worker.addEventListener('push', (e) => {
  const m = (e.data?.json() ?? {}) as { title?: string; body?: string; url?: string; tag?: string };
  e.waitUntil(
    worker.registration.showNotification(m.title ?? 'Hearth', {
      body: m.body ?? '',
      tag: m.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: m.url ?? '/notifications' },
    }),
  );
});

// A tap opens its page: in a Hearth window already open if there is one, else a new one.
worker.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const url = new URL(e.notification.data?.url ?? '/', location.origin).href;
  e.waitUntil(
    worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (open) => {
      const mine = open.find((c) => new URL(c.url).origin === location.origin);
      if (!mine) return worker.clients.openWindow(url);
      await mine.focus();
      return mine.navigate(url);
    }),
  );
});
