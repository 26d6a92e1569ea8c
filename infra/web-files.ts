/**
 * How the web app's files are served, the same by the local server and when deployed: their
 * content types, and how long a browser may keep each.
 * @module
 */
import { extname } from 'node:path';

/** Where the build puts files named by a hash of their content, and the address they are served under. */
export const ASSETS = 'assets';

/** Files whose names change with their content (the hashed ones, the catalogues): kept for a year. */
export const IMMUTABLE = /^\/(assets|locales)\//;
/** The same, as the deploy's globs. */
export const IMMUTABLE_PATHS = [`${ASSETS}/*`, 'locales/*'] as const;

export const CACHE = {
  /** A name that changes with its content is never asked about again. */
  immutable: 'public, max-age=31536000, immutable',
  /** Documents, the service worker, the manifest, icons: kept, but asked about on each use (ETag). */
  revalidate: 'no-cache',
} as const;

/** How long a browser may keep the file at `address`. */
export const cacheControlFor = (address: string): string =>
  IMMUTABLE.test(address) ? CACHE.immutable : CACHE.revalidate;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** A file's content type, by its extension (what the local server and the deploy send). */
export const typeOf = (path: string): string => TYPES[extname(path)] ?? 'application/octet-stream';
