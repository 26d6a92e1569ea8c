/**
 * How the local stack serves the built web app, the API and the feeds, as CloudFront does when
 * deployed: text compressed in the encoding the client prefers (Brotli, else gzip; as it is when
 * it accepts neither or the answer is too small to gain), `Vary: Accept-Encoding`; files under
 * hashed names kept for a year; documents and the app's pages revalidated with an entity tag.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../functions/core/compression';
import type { Db } from '../../functions/store/client';
import { createLocalApp } from '../../infra/local/server';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { stackWebRoot } from '../support/stack';

let db: Db;
let stop: () => Promise<void>;
let local: ReturnType<typeof createLocalApp>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
  local = createLocalApp({ db, webRoot: stackWebRoot });
});
afterAll(() => stop());

const get = (path: string, headers: Record<string, string> = {}) => local.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
/** The body as sent, made plain again by the encoding it names. */
async function plain(res: Response): Promise<Buffer> {
  const body = await bytes(res);
  const encoding = res.headers.get('content-encoding');
  return encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
}

/** Every address the shell's documents name under /assets/. */
async function named(path: string): Promise<string[]> {
  const html = await (await get(path)).text();
  return [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
}

describe('the encoding chosen', () => {
  it('follows the client’s preferences, q-values and refusals', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0, *;q=0')).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('the web app’s files', () => {
  it('are named by their content, kept for a year, and sent compressed as the browser prefers', async () => {
    const assets = await named('/');
    expect(assets.map((a) => a.replace(/-[a-z0-9]{8,10}\./i, '-#.'))).toEqual([
      '/assets/early-#.js',
      '/assets/styles-#.css',
      '/assets/quick-exit-#.js',
      ...assets.filter((a) => a.includes('/chunk-')).map((a) => a.replace(/-[a-z0-9]{8,10}\./i, '-#.')),
      '/assets/app-#.js',
    ]);
    const app = assets.at(-1)!;
    const identity = await get(app);
    expect(identity.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(identity.headers.get('vary')).toBe('Accept-Encoding');
    expect(identity.headers.get('content-encoding')).toBeNull();
    const original = await bytes(identity);
    for (const [accept, sent] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get(app, { 'accept-encoding': accept });
      expect(res.headers.get('content-encoding'), accept).toBe(sent);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      const body = await plain(res);
      expect(body.equals(original), accept).toBe(true);
      if (sent) expect(Number(res.headers.get('content-length'))).toBeLessThan(original.byteLength / 2);
    }
  });

  it('named by the crisis pages exist, hashed, as the app’s shell names them', async () => {
    const crisis = await named('/crisis.html');
    expect(crisis).toHaveLength(3);
    for (const a of new Set([...crisis, ...(await named('/'))])) {
      const res = await get(a);
      expect(res.status, a).toBe(200);
      expect(res.headers.get('cache-control'), a).toContain('immutable');
    }
  });

  it('are revalidated where their names do not change: documents, the app’s pages, the worker', async () => {
    for (const path of ['/', '/signin', '/crisis.html', '/crisis.ar.html', '/sw.js']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      const etag = res.headers.get('etag')!;
      // The compressed form's tag is weak; either form's tag says "unchanged".
      expect(etag, path).toMatch(/^W\/"/);
      const again = await get(path, { 'if-none-match': etag, 'accept-encoding': 'br' });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      const plainTag = (await get(path)).headers.get('etag')!;
      expect(plainTag).toBe(etag.slice(2));
      expect((await get(path, { 'if-none-match': plainTag })).status).toBe(304);
      expect((await get(path, { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
    // A page of the app the server does not render is its shell; a missing file is not.
    expect(await (await get('/me/meetups')).text()).toBe(await (await get('/account')).text());
    expect((await get('/assets/nothing-here.js')).status).toBe(404);
    expect((await get('/index.html.br')).status).toBe(404);
    expect((await get('/../package.json')).status).toBe(404);
  });
});

describe('answers', () => {
  it('from the API are compressed when large enough to gain, and sent as they are when small', async () => {
    const big = await get('/api/openapi.json', { 'accept-encoding': 'gzip, br' });
    expect(big.headers.get('content-encoding')).toBe('br');
    expect(big.headers.get('vary')).toContain('Accept-Encoding');
    const sent = await bytes(big.clone());
    const whole = await plain(big);
    expect(JSON.parse(whole.toString())).toEqual(await (await get('/api/openapi.json')).json());
    expect(sent.byteLength).toBeLessThan(whole.byteLength / 4);
    const small = await get('/api/session', { 'accept-encoding': 'gzip, br' });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toContain('Accept-Encoding');
    const head = await local.request('/api/openapi.json', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(await head.text()).toBe('');
  });

  it('from the feeds are compressed, and still answer 304 to the tag they sent', async () => {
    const t = testApp(db);
    const { owner, groupId } = await groupWithOwner(t, { name: 'Compressed calendars' });
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Weekly circle',
      description: 'Tea, talk and listening. '.repeat(20),
      start: '2027-03-16T18:30',
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/circle' },
      capacity: { online: 10 },
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12' },
    });
    expect(made.status).toBe(201);
    const path = `/feeds/groups/${groupId}.ics`;
    const packed = await get(path, { 'accept-encoding': 'gzip' });
    expect(packed.status).toBe(200);
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toContain('Accept-Encoding');
    const etag = packed.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await plain(packed)).toString()).toBe(await (await get(path)).text());
    expect((await get(path, { 'if-none-match': etag, 'accept-encoding': 'gzip' })).status).toBe(304);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
  });
});
