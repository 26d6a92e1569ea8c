/**
 * Which answers are compressed, and how: the encoding a client accepts (RFC 9110 §12.5.3, with
 * its q-values), Brotli before gzip, and only for text large enough to gain. Pure; the HTTP
 * layers (the API, the feeds, the local server) apply it.
 * @module
 */

export type Encoding = 'br' | 'gzip';

/** Below this, an answer gains less than its headers and the work cost: it goes as it is. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml|ld\+json)|image\/svg\+xml)/i;

/** Whether a content type is text that compresses (not images, fonts or what is already packed). */
export const compressible = (contentType: string | null | undefined): boolean =>
  !!contentType && COMPRESSIBLE.test(contentType);

/**
 * The encoding to answer in, from an Accept-Encoding header: the one the client prefers most
 * among Brotli and gzip, Brotli on a tie; null for none (the body goes as it is). An encoding
 * given `q=0` is refused even where `*` would allow it.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name.trim(), Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  const weightOf = (e: Encoding) =>
    weights.get(e) ?? (e === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  const [br, gzip] = [weightOf('br'), weightOf('gzip')];
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

/**
 * An entity tag for the compressed form of a body: weak, since the bytes differ from the
 * plain form's while what they say is the same. Conditional requests compare weakly (RFC 9110
 * §13.1.2), so the tag sent back still matches the plain one's.
 */
export function weakTag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`;
}

/** Whether an If-None-Match header names this entity tag (weak comparison), or is `*`. */
export function tagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
