/**
 * The built web app, served as CloudFront serves it: files under hashed names kept for a year,
 * everything else revalidated with an entity tag (304 when unchanged), text sent in the Brotli or
 * gzip form the build packed where the browser accepts it, and any path without a file extension
 * answered with the app's shell (a page of the app).
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { chooseEncoding, compressible, tagMatches, weakTag } from '../../functions/core/compression';
import { cacheControlFor, typeOf } from '../web-files';

type Found = { bytes: Buffer; etag: string; packed: Partial<Record<'br' | 'gzip', Buffer>> };

const SUFFIX = { br: '.br', gzip: '.gz' } as const;

export function webFiles(webRoot: string): MiddlewareHandler {
  const rootDir = resolve(webRoot);
  // Read once per version of a file (its size and time): a build replaces them.
  const kept = new Map<string, { stamp: string; found: Found }>();
  const read = (path: string): Found | null => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const hit = kept.get(path);
    if (hit?.stamp === stamp) return hit.found;
    const bytes = readFileSync(path);
    const packed: Found['packed'] = {};
    for (const e of ['br', 'gzip'] as const) {
      try {
        packed[e] = readFileSync(path + SUFFIX[e]);
      } catch {}
    }
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
    const found = { bytes, etag, packed };
    kept.set(path, { stamp, found });
    return found;
  };

  const send = (c: Context, address: string, file: Found) => {
    const type = typeOf(address);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': cacheControlFor(address),
    };
    const text = compressible(type);
    if (text) headers.Vary = 'Accept-Encoding';
    const encoding = text ? chooseEncoding(c.req.header('Accept-Encoding')) : null;
    const packed = encoding ? file.packed[encoding] : undefined;
    headers.ETag = packed ? weakTag(file.etag) : file.etag;
    const asked = c.req.header('If-None-Match');
    if (asked && tagMatches(asked, file.etag)) return new Response(null, { status: 304, headers });
    if (packed && encoding) headers['Content-Encoding'] = encoding;
    const body = packed ?? file.bytes;
    headers['Content-Length'] = String(body.byteLength);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let address: string;
    try {
      address = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const path = normalize(join(rootDir, address));
    // Nothing outside the web root, and no packed form asked for by name.
    if ((path !== rootDir && !path.startsWith(rootDir + sep)) || /\.(br|gz)$/.test(path)) return next();
    const file = read(path.endsWith(sep) || path === rootDir ? join(path, 'index.html') : path);
    if (file) return send(c, address.endsWith('/') ? `${address}index.html` : address, file);
    // A page of the app (no file extension): its shell.
    if (!/\.[a-z0-9]+$/i.test(address)) {
      const shell = read(join(rootDir, 'index.html'));
      if (shell) return send(c, '/index.html', shell);
    }
    return next();
  };
}
