/**
 * What the service worker (sw.ts) and the pages agree on: which answers of the API are kept on
 * this device for reading offline, where, and how an answer read from there is marked.
 * @module
 */

/** The cache of the signed-in person's own answers: deleted when they sign out. */
export const PRIVATE_CACHE = 'hearth-private';

/**
 * The answers kept, each the latest the person saw: who they are, their safety plan and their
 * upcoming meetups (with the address and link where they have a place). Nothing else of the API.
 */
export const KEPT_PATHS = ['/api/session', '/api/me/safety-plan', '/api/me/occurrences'];

/**
 * The catalogues of the languages read on this device (file names hashed, so a name is never
 * stale): a page that switches language keeps its catalogue here, for reading offline.
 */
export const LOCALES_CACHE = 'hearth-locales';

/** On an answer read from the device because the network failed; the `Date` header says when it is from. */
export const FROM_DEVICE = 'x-hearth-from-device';
