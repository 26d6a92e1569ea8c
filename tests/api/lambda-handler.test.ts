/**
 * The deployable artifact itself: the esbuild bundle of the API, invoked with API Gateway events
 * against dynalite (through AWS_ENDPOINT_URL_DYNAMODB, as the SDK reads it).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';
import { freshDb } from '../support/db';
import { httpEvent, type LambdaHandler, lambdaContext } from '../support/lambda';

// Built by the global setup, as `npm run build` builds it for deployment.
const outdir = join(root, 'dist/functions');
let handler: LambdaHandler;
let stop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDb();
  stop = fresh.stop;
  const endpoint = await fresh.db.doc.config.endpoint!();
  Object.assign(process.env, {
    TABLE_NAME: fresh.db.table,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
  });
  ({ handler } = await import(join(outdir, 'api/index.mjs')));
});
afterAll(() => stop());

const call = (method: string, path: string, opts?: Parameters<typeof httpEvent>[2]) =>
  handler(httpEvent(method, path, opts), lambdaContext);

describe('the built API handler', () => {
  it('answers health and serves the prebuilt OpenAPI document', async () => {
    expect((await call('GET', '/api/health')).statusCode).toBe(200);
    const doc = await call('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    expect(JSON.parse(doc.body).paths['/api/groups/{groupId}'].get).toBeDefined();
  });

  it('signs up with a Secure __Host- cookie and refuses an easy passphrase (the estimator loads from its chunk)', async () => {
    const common = await call('POST', '/api/auth/signup', {
      body: { handle: 'lambda-one', passphrase: 'sunshine' },
    });
    expect(common.statusCode).toBe(400);
    const ok = await call('POST', '/api/auth/signup', {
      body: { handle: 'lambda-one', passphrase: 'harbour lights at dusk' },
    });
    expect(ok.statusCode).toBe(201);
    const cookie = ok.cookies?.[0] ?? '';
    expect(cookie).toMatch(/^__Host-hearth_session=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    const me = await call('GET', '/api/me', { cookie: cookie.split(';')[0] });
    expect(JSON.parse(me.body).handle).toBe('lambda-one');
    // Contexts split off into chunks load on their first request.
    for (const [path, status] of [
      ['/api/me/notifications', 200],
      ['/api/me/following', 200],
      ['/api/me/feed', 200],
    ] as const) {
      const res = await call('GET', path, { cookie: cookie.split(';')[0] });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
    }
  });

  it('throttles by the caller address API Gateway reports', async () => {
    for (let i = 0; i < 30; i++) {
      await call('POST', '/api/auth/login', {
        body: { handle: `nobody${i}`, passphrase: 'x' },
        sourceIp: '198.51.100.7',
      });
    }
    const blocked = await call('POST', '/api/auth/login', {
      body: { handle: 'lambda-one', passphrase: 'harbour lights at dusk' },
      sourceIp: '198.51.100.7',
    });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await call('POST', '/api/auth/login', {
      body: { handle: 'lambda-one', passphrase: 'harbour lights at dusk' },
      sourceIp: '198.51.100.8',
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
