/**
 * Whether this code runs in a browser: the landing pages are also rendered on the server
 * (functions/pages), where there is no window, and modules must load there without one.
 * @module
 */
export const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
