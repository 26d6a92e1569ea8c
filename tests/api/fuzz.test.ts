/**
 * Every route, driven from the OpenAPI document the app serves: wrong types, missing fields,
 * oversize strings and random JSON all get a 4xx in the one error shape, never a 500, and
 * nothing is written.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  anyOf?: Schema[];
};
type Operation = {
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  parameters?: { name: string; in: 'path' | 'query'; schema: Schema }[];
};

let db: Db;
let stop: () => Promise<void>;
let t: ReturnType<typeof testApp>;
let owner: Awaited<ReturnType<ReturnType<typeof testApp>['signedUp']>>;
let groupId: string;
let routes: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  ({ db, stop } = await freshDb());
  t = testApp(db);
  owner = await t.signedUp('fuzz-owner');
  groupId = (await owner.post('/api/groups', groupInput())).body.groupId;
  const doc = (await t.person().get('/api/openapi.json')).body;
  routes = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => stop());

function concrete(path: string): string {
  return path
    .replace('{groupId}', groupId)
    .replace('{userId}', owner.userId)
    .replace('{inviteId}', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    .replace('{occurrenceId}', `${groupId}AAAAAAAAAAA`)
    .replace('{meetupId}', `${groupId}AAAAAAAAAAA`)
    .replace('{notificationId}', `20270101000000000${'A'.repeat(22)}`);
}

function expectErrorShape(res: { status: number; body: unknown }, context: string) {
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  const body = res.body as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  expect(typeof body.error?.code, context).toBe('string');
  expect(typeof body.error?.message, context).toBe('string');
}

/** A value of the wrong JSON type for a schema. */
function wrongType(s: Schema): unknown {
  const types = [s.type ?? s.anyOf?.map((a) => a.type)].flat();
  if (s.const !== undefined || s.enum) return 12345;
  if (types.includes('string')) return { not: 'a string' };
  if (types.includes('array')) return 'not an array';
  if (types.includes('object')) return ['not', 'an', 'object'];
  if (types.includes('boolean') || types.includes('integer') || types.includes('number')) return 'nope';
  return null;
}

const bodyRoutes = () => routes.filter((r) => r.op.requestBody);
const bodySchema = (r: { op: Operation }) => r.op.requestBody!.content['application/json'].schema;

describe('the OpenAPI document', () => {
  it('describes every route with its request schemas', async () => {
    const doc = (await t.person().get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const must of [
      'POST /api/auth/signup',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/recover',
      'GET /api/me',
      'POST /api/groups',
      'GET /api/groups',
      'GET /api/groups/{groupId}',
      'PATCH /api/groups/{groupId}',
      'POST /api/groups/{groupId}/members',
      'GET /api/groups/{groupId}/members',
      'PATCH /api/groups/{groupId}/members/{userId}',
      'DELETE /api/groups/{groupId}/members/me',
      'POST /api/groups/{groupId}/invites',
      'POST /api/groups/{groupId}/meetups',
      'GET /api/groups/{groupId}/occurrences',
      'GET /api/occurrences/{occurrenceId}',
      'PUT /api/occurrences/{occurrenceId}/rsvp',
      'DELETE /api/occurrences/{occurrenceId}/rsvp',
      'GET /api/occurrences/{occurrenceId}/attendees',
      'GET /api/me/occurrences',
      'GET /api/me/notifications',
    ]) {
      expect(keys).toContain(must);
    }
    expect(bodySchema(routes.find((r) => r.path === '/api/auth/signup')!).properties?.handle?.maxLength).toBe(
      32,
    );
  });
});

describe('bad input on every route', () => {
  it('answers a wrong type in each body field with 400 naming that field', async () => {
    expect(bodyRoutes().length).toBeGreaterThanOrEqual(9);
    for (const r of bodyRoutes()) {
      const schema = bodySchema(r);
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const res = await owner.call(r.method, concrete(r.path), { [field]: wrongType(fieldSchema) });
        const context = `${r.method} ${r.path} ${field}`;
        expectErrorShape(res, context);
        expect(res.status, context).toBe(400);
        expect(
          res.body.error.fields.map((f: { path: string }) => f.path),
          context,
        ).toContain(`body.${field}`);
      }
    }
  });

  it('answers missing required fields with 400 naming each', async () => {
    for (const r of bodyRoutes()) {
      const required = bodySchema(r).required ?? [];
      if (required.length === 0) continue;
      const res = await owner.call(r.method, concrete(r.path), {});
      expectErrorShape(res, `${r.method} ${r.path}`);
      expect(res.status).toBe(400);
      const paths = res.body.error.fields.map((f: { path: string }) => f.path);
      for (const field of required) expect(paths, `${r.method} ${r.path}`).toContain(`body.${field}`);
    }
  });

  it('answers an oversize string in each bounded field with 400 naming that field', async () => {
    for (const r of bodyRoutes()) {
      for (const [field, s] of Object.entries(bodySchema(r).properties ?? {})) {
        if (!s.maxLength) continue;
        const res = await owner.call(r.method, concrete(r.path), { [field]: 'a'.repeat(s.maxLength + 1) });
        expectErrorShape(res, `${r.method} ${r.path} ${field}`);
        expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(`body.${field}`);
      }
    }
  });

  it('refuses bodies that are not JSON, or too large, before reading them', async () => {
    const notJson = await owner.call('POST', '/api/groups', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    const wrongType = await owner.call('POST', '/api/groups', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(400);
    const huge = await owner.call('POST', '/api/groups', JSON.stringify({ name: 'x'.repeat(200_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('never answers 500 to random JSON on any route, and writes nothing when it refuses', async () => {
    const before = (await owner.get(`/api/groups/${groupId}`)).body;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyRoutes()),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue())),
        async (r, body) => {
          const res = await owner.call(r.method, concrete(r.path), body);
          expect(res.status, `${r.method} ${r.path} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const after = (await owner.get(`/api/groups/${groupId}`)).body;
    expect(after).toEqual(before);
  });

  it('never answers 500 to random query strings and path ids', async () => {
    const gets = routes.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.dictionary(
          fc.constantFrom('q', 'focus', 'cursor', 'limit', 'status', 'tone', 'invite', 'x'),
          fc.string(),
        ),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (r, query, id) => {
          const path = r.path
            .replace('{groupId}', encodeURIComponent(id))
            .replace('{userId}', encodeURIComponent(id));
          const res = await owner.get(`${path}?${new URLSearchParams(query)}`);
          expect(res.status, `${path} ${JSON.stringify(query)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Names every plain object inherits: as data they must stay data, never reach the prototype. */
const INHERITED = ['constructor', '__proto__', 'toString', 'prototype', 'hasOwnProperty'];

/** Top-level string fields of a schema (and arrays of strings), with their own bounds. */
function stringFields(s: Schema): string[] {
  return Object.entries(s.properties ?? {})
    .filter(([, f]) => {
      const types = [f.type ?? f.anyOf?.map((a) => a.type)].flat();
      return (types.includes('string') && !f.enum && f.const === undefined) || f.items?.type === 'string';
    })
    .map(([name]) => name);
}

describe('inherited-property names as data', () => {
  it('never answers 500 when one is any string field, query value or path id of any route', async () => {
    let tried = 0;
    for (const r of bodyRoutes()) {
      const schema = bodySchema(r);
      for (const field of stringFields(schema)) {
        const isArray = schema.properties![field]!.type === 'array';
        for (const word of INHERITED) {
          const res = await owner.call(r.method, concrete(r.path), { [field]: isArray ? [word] : word });
          tried++;
          expect(res.status, `${r.method} ${r.path} ${field}=${word}`).toBeLessThan(500);
          if (res.status >= 400) expectErrorShape(res, `${r.method} ${r.path} ${field}=${word}`);
        }
      }
      // …and as the name of a field.
      for (const word of INHERITED) {
        const res = await owner.call(r.method, concrete(r.path), JSON.parse(`{"${word}": "x"}`));
        expect(res.status, `${r.method} ${r.path} key ${word}`).toBeLessThan(500);
      }
      t.advance(6 * 60_000); // past the posting and sign-in windows, so words reach the rules
    }
    for (const r of routes) {
      for (const word of INHERITED) {
        const path = r.path.replace(/\{[A-Za-z]+\}/g, word);
        const query = new URLSearchParams(
          Object.fromEntries(
            ['q', 'focus', 'cursor', 'limit', 'status', 'region', word].map((k) => [k, word]),
          ),
        );
        const res = await owner.call(r.method, `${path}?${query}`, r.method === 'GET' ? undefined : {});
        tried++;
        expect(res.status, `${r.method} ${path}?${query}`).toBeLessThan(500);
      }
    }
    expect(tried).toBeGreaterThan(500);
    // The app is still whole: nothing leaked into a shared prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await owner.get(`/api/groups/${groupId}`)).status).toBe(200);
  });

  it('takes them as handles like any other word', async () => {
    for (const word of ['constructor', 'prototype', 'hasownproperty', 'tostring']) {
      const p = t.person();
      const res = await p.post('/api/auth/signup', { handle: word, passphrase: `${word} sits by the sea` });
      expect(res.status, word).toBe(201);
      expect((await p.get('/api/me')).body.handle).toBe(word);
      const login = await t
        .person()
        .post('/api/auth/login', { handle: word, passphrase: `${word} sits by the sea` });
      expect(login.status, word).toBe(200);
    }
  });
});
