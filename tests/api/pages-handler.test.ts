/**
 * The deployable pages function itself: its esbuild bundle, with the shell and catalogues the
 * build puts beside it, invoked with API Gateway events against dynalite, as AWS would call it.
 */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { httpEvent, type LambdaHandler, lambdaContext, tableEnv } from '../support/lambda';

let handler: LambdaHandler;
let stop: () => Promise<void>;
let groupId: string;

beforeAll(async () => {
  const fresh = await freshDb();
  stop = fresh.stop;
  ({ groupId } = await groupWithOwner(testApp(fresh.db), { name: 'Bundled circle' }));
  Object.assign(process.env, await tableEnv(fresh.db));
  // Built by the global setup, as `npm run build` builds it for deployment.
  ({ handler } = await import(join(root, 'dist/functions/pages/index.mjs')));
});
afterAll(() => stop());

describe('the built pages handler', () => {
  it('draws the directory and a group’s page in the language chosen, from the table', async () => {
    const home = await handler(httpEvent('GET', '/', { cookie: 'hearth-locale=de' }), lambdaContext);
    expect(home.statusCode).toBe(200);
    expect(home.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body).toMatch(/<html lang="de" dir="ltr">/);
    expect(home.body).toContain(`<a href="/groups/${groupId}">Bundled circle</a>`);
    const group = await handler(
      httpEvent('GET', `/groups/${groupId}`, { headers: { 'accept-encoding': 'gzip' } }),
      lambdaContext,
    );
    expect(group.statusCode).toBe(200);
    expect(group.headers?.['content-encoding']).toBe('gzip');
    const body = gunzipSync(Buffer.from(group.body, 'base64')).toString();
    expect(body).toContain('<h1 tabindex="-1">Bundled circle</h1>');
    // Any other page of the app: the shell.
    const signin = await handler(httpEvent('GET', '/signin'), lambdaContext);
    expect(signin.statusCode).toBe(200);
    expect(signin.body).not.toContain('Bundled circle');
  });
});
