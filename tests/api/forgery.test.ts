import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_REQUEST } from '../../functions/api/middleware/same-origin';
import type { Db } from '../../functions/store/client';
import { testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const refused = { error: { code: 'forbidden', message: FOREIGN_REQUEST, key: 'foreignRequest' } };

describe('requests from other sites', () => {
  it('refuses a change that says it comes from another site or another port, and serves the same from Hearth', async () => {
    const t = testApp(db, { publicUrl: 'https://hearth.example' });
    const victim = await t.signedUp('rowan-forged');
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' }, // another port or subdomain of the same site
      { 'sec-fetch-site': 'cross-site', origin: 'https://hearth.example' },
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:9999' },
      { origin: 'null' }, // a sandboxed frame or a redirected form
    ];
    for (const headers of foreign) {
      for (const [method, path] of [
        ['POST', '/api/auth/logout'],
        ['POST', '/api/groups'],
        ['PATCH', '/api/me/preferences'],
        ['DELETE', '/api/me'],
      ] as const) {
        const res = await victim.call(method, path, {}, headers);
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.body).toEqual(refused);
      }
    }
    expect((await victim.get('/api/me')).status).toBe(200);
    // Reading is not refused: links from elsewhere still open Hearth.
    expect((await victim.call('GET', '/api/me', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(
      200,
    );
    // From Hearth's own pages, by either header, and from clients that send neither.
    const ours: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: 'https://hearth.example' },
      { origin: 'https://hearth.example' },
      { origin: 'http://localhost' }, // the request's own origin (app.request's URL)
      {},
    ];
    for (const headers of ours) {
      const res = await victim.call('PATCH', '/api/me/preferences', { digest: 'off' }, headers);
      expect(res.status, JSON.stringify(headers)).not.toBe(403);
    }
    expect(
      (await victim.call('POST', '/api/auth/logout', {}, { 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200);
    expect((await victim.get('/api/me')).status).toBe(401);
  });
});
