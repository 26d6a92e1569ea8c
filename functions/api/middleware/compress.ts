/**
 * Compresses answers where the client accepts it (core/compression): JSON, calendars, pages and
 * scripts, in Brotli or gzip, never one too small to gain. Used by the API, the feeds and the
 * local server; deployed, CloudFront passes it through where it does not cache.
 * @module
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { chooseEncoding, compressible, MIN_COMPRESS_BYTES, weakTag } from '../../core/compression';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli at quality 5: near its best ratio on JSON and calendars at a few milliseconds for a
 * 100 KB feed (11, its best, takes ~50× as long: for files built once, not for answers).
 */
async function pack(body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Uint8Array<ArrayBuffer>> {
  const packed = await (encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipped(body, { level: 6 }));
  return new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength);
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!compressible(res.headers.get('Content-Type'))) return;
    // Whoever keeps a copy keeps one per encoding asked for.
    const vary = res.headers.get('Vary');
    if (!vary) c.header('Vary', 'Accept-Encoding');
    else if (vary !== '*' && !/accept-encoding/i.test(vary)) c.header('Vary', `${vary}, Accept-Encoding`);
    if (
      c.req.method === 'HEAD' ||
      !res.body ||
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')
    )
      return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const plain = new Uint8Array(await c.res.arrayBuffer());
    if (plain.byteLength < MIN_COMPRESS_BYTES) {
      c.res = new Response(plain, c.res);
      return;
    }
    c.res = new Response(await pack(plain, encoding), c.res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.delete('Content-Length');
    const etag = c.res.headers.get('ETag');
    if (etag) c.res.headers.set('ETag', weakTag(etag));
  };
}
