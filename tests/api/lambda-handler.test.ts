/**
 * The deployable artifact itself: the esbuild bundle of the API, invoked with API Gateway events
 * against dynalite (through AWS_ENDPOINT_URL_DYNAMODB, as the SDK reads it). Secrets Manager does
 * not run here: the origin secret is served by a stand-in that answers the SDK's real
 * GetSecretValue call (AWS_ENDPOINT_URL_SECRETS_MANAGER), and records that it was asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';
import { freshDb } from '../support/db';
import { httpEvent, type LambdaHandler, lambdaContext, tableEnv } from '../support/lambda';

// Built by the global setup, as `npm run build` builds it for deployment.
const outdir = join(root, 'dist/functions');
let handler: LambdaHandler;
let stop: () => Promise<void>;

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:OriginSecret-abc123';
const SECRET = 'kT3vQ9mZ2pL8xW4nR7cY1bF6hJ0dS5gA2eU9iO3kP7wM1qX';
const asked: { target?: string; body: string }[] = [];
let secrets: Server;

beforeAll(async () => {
  secrets = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      asked.push({ target: req.headers['x-amz-target'] as string | undefined, body });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ ARN: SECRET_ARN, Name: 'OriginSecret', SecretString: SECRET }));
    });
  });
  await new Promise<void>((done) => secrets.listen(0, '127.0.0.1', done));
  const fresh = await freshDb();
  stop = fresh.stop;
  Object.assign(process.env, {
    ...(await tableEnv(fresh.db)),
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`,
    ORIGIN_SECRET_ARN: SECRET_ARN,
  });
  ({ handler } = await import(join(outdir, 'api/index.mjs')));
});
afterAll(async () => {
  secrets.close();
  await stop();
});

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
    const cookie = ok.cookies?.find((c) => c.startsWith('__Host-hearth_session=')) ?? '';
    expect(ok.cookies?.find((c) => c.startsWith('__Host-hearth_device='))).toMatch(
      /HttpOnly; Secure; SameSite=Strict/,
    );
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

  it('reads the origin secret once, at cold start, from Secrets Manager', () => {
    expect(asked).toHaveLength(1);
    expect(asked[0]!.target).toBe('secretsmanager.GetSecretValue');
    expect(JSON.parse(asked[0]!.body)).toEqual({ SecretId: SECRET_ARN });
  });

  it('throttles by the viewer address CloudFront reports, believed only with the origin secret', async () => {
    const edge = '130.176.0.1'; // one CloudFront edge address, shared by every viewer near it
    const via = (viewer: string, secret = SECRET) => ({
      sourceIp: edge,
      headers: { 'x-hearth-origin-secret': secret, 'cloudfront-viewer-address': `${viewer}:50123` },
    });
    for (let i = 0; i < 30; i++) {
      await call('POST', '/api/auth/login', {
        body: { handle: `nobody-edge${i}`, passphrase: 'x' },
        ...via('2001:db8::66'),
      });
    }
    const login = { handle: 'lambda-one', passphrase: 'harbour lights at dusk' };
    // The guesser waits; another viewer behind the same edge does not.
    expect((await call('POST', '/api/auth/login', { body: login, ...via('2001:db8::66') })).statusCode).toBe(
      429,
    );
    expect((await call('POST', '/api/auth/login', { body: login, ...via('198.51.100.20') })).statusCode).toBe(
      200,
    );
    // Without the secret (a request to the HTTP API directly), the header is not believed: the
    // address is the caller's own, whatever it claims.
    for (let i = 0; i < 30; i++) {
      await call('POST', '/api/auth/login', {
        body: { handle: `nobody-direct${i}`, passphrase: 'x' },
        ...via(`203.0.113.${i}`, 'a guessed secret'),
        sourceIp: '192.0.2.77',
      });
    }
    const direct = await call('POST', '/api/auth/login', {
      body: login,
      ...via('198.51.100.21', 'a guessed secret'),
      sourceIp: '192.0.2.77',
    });
    expect(direct.statusCode).toBe(429);
  });

  it('accepts a change from an older browser on the distribution’s own host, told by CloudFront', async () => {
    const oldBrowser = (secret: string) => ({
      body: { handle: 'lambda-one', passphrase: 'harbour lights at dusk' },
      sourceIp: '130.176.0.2',
      headers: {
        origin: 'https://d111111abcdef8.cloudfront.net', // no Sec-Fetch-Site: Safari before 16.4
        'x-hearth-viewer-host': 'd111111abcdef8.cloudfront.net',
        'x-hearth-origin-secret': secret,
        'cloudfront-viewer-address': '198.51.100.30:1234',
      },
    });
    expect((await call('POST', '/api/auth/login', oldBrowser(SECRET))).statusCode).toBe(200);
    const forged = await call('POST', '/api/auth/login', oldBrowser('not the secret'));
    expect(forged.statusCode).toBe(403);
    expect(JSON.parse(forged.body).error.code).toBe('forbidden');
  });
});
