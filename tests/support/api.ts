import { createApp } from '../../functions/api/app';
import type { AppConfig } from '../../functions/api/context';
import { openApi } from '../../functions/api/openapi';
import type { Db } from '../../functions/store/client';

/** Cheap scrypt for tests that sign many people up; the production cost is tested on its own. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

let handles = 0;
let addresses = 0;
const nextAddress = () => `10.${(++addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;

export interface Call {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  body: any;
  headers: Headers;
}

/**
 * Every refusal the API tests meet carries its key in the table of the API's messages (and each
 * of its fields' does), so the web app can word it in the reader's language: a message missing
 * from the table fails the test that met it.
 */
function unkeyed(body: unknown): void {
  const error = (
    body as { error?: { message: string; key?: string; fields?: { message: string; key?: string }[] } }
  )?.error;
  if (!error) return;
  for (const said of [error, ...(error.fields ?? [])])
    if (!said.key)
      throw new Error(`An API message has no key in core/i18n/api-messages.ts: “${said.message}”`);
}

export function testApp(db: Db, overrides: Partial<AppConfig> = {}) {
  let clock = Date.parse('2026-11-25T10:00:00Z');
  const app = createApp({
    db,
    now: () => clock,
    scrypt: TEST_SCRYPT,
    openApi,
    clientAddress: (c) => c.req.header('x-test-address') ?? '203.0.113.1',
    ...overrides,
  });

  /** A person with their own cookie jar and, unless told otherwise, their own network address. */
  function person(address = nextAddress()) {
    // A browser's cookie jar: the session cookie (`cookie`, as a name=value pair) and the rest
    // (the device cookie), each replaced or cleared by the Set-Cookie headers that name it.
    const jar = new Map<string, string>();
    const SESSION = 'hearth_session';
    async function call(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Call> {
      const res = await app.request(path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          'x-test-address': address,
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      // In order, as a browser takes them (an expired cookie is cleared, then a new one set).
      for (const set of res.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (value === '' || /max-age=0\b/i.test(set)) jar.delete(name);
        else jar.set(name, value);
      }
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      unkeyed(parsed);
      return { status: res.status, body: parsed, headers: res.headers };
    }
    return {
      call,
      get: (p: string) => call('GET', p),
      post: (p: string, b: unknown = {}) => call('POST', p, b),
      patch: (p: string, b: unknown) => call('PATCH', p, b),
      del: (p: string) => call('DELETE', p),
      /** The session cookie, as `name=value` ('' when signed out). */
      get cookie() {
        const v = jar.get(SESSION);
        return v ? `${SESSION}=${v}` : '';
      },
      set cookie(v: string) {
        if (v) jar.set(SESSION, v.slice(v.indexOf('=') + 1));
        else jar.delete(SESSION);
      },
      /** Every cookie but the session's (the device cookie): kept, as a browser keeps them. */
      get jar() {
        return jar;
      },
    };
  }

  async function signedUp(handle = `person${++handles}`, passphrase = 'quiet river morning tea') {
    const p = person();
    const res = await p.post('/api/auth/signup', { handle, passphrase });
    if (res.status !== 201) throw new Error(`signup failed: ${JSON.stringify(res.body)}`);
    return Object.assign(p, {
      userId: res.body.user.userId as string,
      handle,
      recoveryCodes: res.body.recoveryCodes as string[],
    });
  }

  return {
    app,
    person,
    signedUp,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

export const groupInput = (over: Record<string, unknown> = {}) => ({
  name: 'Tuesday Anxiety Circle',
  description: 'A calm, friendly space to talk about living with anxiety.',
  focus: ['anxiety'],
  guidelines: 'Be kind. What is shared here stays here. No advice unless asked.',
  timezone: 'Europe/London',
  visibility: 'public',
  joinPolicy: 'open',
  moderationPolicy: 'active',
  tone: 'listening',
  ...over,
});

export type TestApp = ReturnType<typeof testApp>;
export type Person = Awaited<ReturnType<TestApp['signedUp']>>;

/**
 * A group made by a new owner (`over` changes its settings), and `join`: a new person joins it
 * under an alias (by invite where it needs one; approved where it asks), given a role if named.
 */
export async function groupWithOwner(t: TestApp, over: Record<string, unknown> = {}) {
  const owner = await t.signedUp();
  const created = await owner.post('/api/groups', groupInput(over));
  if (created.status !== 201) throw new Error(`The group was not made: ${JSON.stringify(created.body)}`);
  const groupId = created.body.groupId as string;
  /** `alias` may be made from the person (their handle), once signed up. */
  const join = async (
    alias?: string | ((p: Person) => string),
    role?: 'facilitator' | 'moderator',
  ): Promise<Person> => {
    const p = await t.signedUp();
    const as = typeof alias === 'function' ? alias(p) : alias;
    const invite =
      over.visibility === 'private' || over.joinPolicy === 'invite'
        ? { invite: (await owner.post(`/api/groups/${groupId}/invites`, {})).body.url.split('#invite=')[1] }
        : {};
    const joined = await p.post(`/api/groups/${groupId}/members`, {
      acceptGuidelines: true,
      ...(as ? { alias: as } : {}),
      ...invite,
    });
    if (joined.status >= 300)
      throw new Error(`${alias ?? 'A member'} could not join: ${JSON.stringify(joined.body)}`);
    if (over.joinPolicy === 'approval')
      await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { status: 'active' });
    if (role) await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { role });
    return p;
  };
  return { owner, groupId, join };
}
