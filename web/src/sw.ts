/**
 * The service worker: the app's files and the crisis page kept on the device (Workbox's
 * precaching, from the list the build injects), every page of the app reachable offline, and the
 * signed-in person's own answers (offline-names.ts) kept, newest first, for reading with no
 * signal. Writes always go to the network: nothing is queued to be sent later.
 * @module
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { FROM_DEVICE, KEPT_PATHS, PRIVATE_CACHE } from './offline-names';

/** The files to keep, with a hash of each, written in by the build (scripts/build.ts). */
declare const PRECACHE: { url: string; revision: string }[];
const worker = self as unknown as {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: 'install' | 'activate',
    listener: (e: { waitUntil(p: Promise<unknown>): void }) => void,
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
