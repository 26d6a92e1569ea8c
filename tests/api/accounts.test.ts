import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../functions/core/accounts';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

describe('sign up', () => {
  it('creates an account, signs in, and shows 10 distinct recovery codes once', async () => {
    const t = testApp(db);
    const p = t.person();
    const res = await p.post('/api/auth/signup', { handle: 'Willow', passphrase: 'lanterns over the bay' });
    expect(res.status).toBe(201);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(new Set(res.body.recoveryCodes).size).toBe(10);
    expect(res.body.recoveryCodes[0]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hearth_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    // `<userId>.<token>`: a 256-bit token, after the id of the user it claims to be.
    const [, userId, token] = /hearth_session=([\w-]{22})\.([\w-]{43});/.exec(cookie)!;
    expect(Buffer.from(token!, 'base64url').length).toBe(32);
    expect(userId).toBe(res.body.user.userId);
    const me = await p.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ handle: 'Willow', recoveryCodesLeft: 10 });
  });

  it('marks the session and device cookies Secure with the __Host- prefix when deployed', async () => {
    const t = testApp(db, { secureCookies: true });
    const res = await t
      .person()
      .post('/api/auth/signup', { handle: 'secure-one', passphrase: 'lanterns over the bay' });
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('__Host-hearth_session='))).toMatch(/Secure/i);
    expect(cookies.find((c) => c.startsWith('__Host-hearth_device='))).toMatch(
      /Secure.*HttpOnly|HttpOnly.*Secure/i,
    );
  });

  it('refuses a handle taken in another case', async () => {
    const t = testApp(db);
    await t.signedUp('RiverStone');
    const res = await t
      .person()
      .post('/api/auth/signup', { handle: 'riverstone', passphrase: 'another long phrase' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([{ path: 'body.handle', message: 'Taken', key: 'taken' }]);
  });

  it('refuses easy passphrases, the handle, and control characters, saying why by the field', async () => {
    const t = testApp(db);
    const p = t.person();
    for (const passphrase of [
      'aaaaaaaaaaaaaaaa',
      'Password1!',
      'correct horse battery staple',
      '111111111111',
      '\0'.repeat(12),
      'password',
      'iloveyou',
      'qwertyuiop',
      'SameSame1',
    ]) {
      const res = await p.post('/api/auth/signup', { handle: 'SameSame1', passphrase });
      expect(res.status, passphrase).toBe(400);
      expect(res.body.error.fields, passphrase).toHaveLength(1);
      expect(res.body.error.fields[0], passphrase).toMatchObject({
        path: 'body.passphrase',
        message: expect.stringMatching(/too easy to guess|control|handle/),
        key: expect.stringMatching(
          /^(passphraseTooEasy|passphraseControl|yourPassphraseCannotBeYourHandle)$/,
        ),
      });
    }
    const easy = await p.post('/api/auth/signup', { handle: 'commonly', passphrase: 'Password1!' });
    expect(easy.body.error.fields[0].message).toBe(
      'This passphrase is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    );
    expect(
      (await p.post('/api/auth/signup', { handle: 'commonly', passphrase: 'all lower case words' })).status,
    ).toBe(201);
  });

  it.each([
    [{ handle: 'ab', passphrase: 'long enough phrase' }, 'body.handle'],
    [{ handle: 'x'.repeat(33), passphrase: 'long enough phrase' }, 'body.handle'],
    [{ handle: 'has space', passphrase: 'long enough phrase' }, 'body.handle'],
    [{ handle: 'shorty', passphrase: 'short' }, 'body.passphrase'],
    [{ handle: 'longy', passphrase: 'y'.repeat(129) }, 'body.passphrase'],
    [{ handle: 'nopass' }, 'body.passphrase'],
    [{ handle: 42, passphrase: 'long enough phrase' }, 'body.handle'],
    [{ handle: 'extra', passphrase: 'long enough phrase', email: 'a@b.c' }, 'body'],
  ])('answers 400 with field errors for %j', async (body, path) => {
    const res = await testApp(db).person().post('/api/auth/signup', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('counts an emoji passphrase by characters, not bytes', async () => {
    const res = await testApp(db)
      .person()
      .post('/api/auth/signup', { handle: 'emoji', passphrase: '🌊🌲🌙🔥🌊🌲🌙🔥' });
    expect(res.status).toBe(201);
  });

  it('lets exactly one of two simultaneous sign-ups for one handle win', async () => {
    const t = testApp(db);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.person().post('/api/auth/signup', {
          handle: i % 2 ? 'TwinPeak' : 'twinpeak',
          passphrase: `phrase number ${i} here`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });
});

describe('sign in and sessions', () => {
  it('says who is signed in without an error for a visitor, and whether they facilitate', async () => {
    const t = testApp(db);
    const visitor = await t.person().get('/api/session');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toEqual({ me: null });
    const u = await t.signedUp();
    expect((await u.get('/api/session')).body.me).toMatchObject({ userId: u.userId, facilitates: false });
    await u.post('/api/groups', groupInput());
    expect((await u.get('/api/session')).body.me).toMatchObject({ facilitates: true }); // an owner
  });

  it('issues a new token at every sign-in and one message for unknown handle and wrong passphrase', async () => {
    const t = testApp(db);
    const u = await t.signedUp('maple', 'falling leaves in october');
    const first = u.cookie;
    const p = t.person();
    const ok = await p.post('/api/auth/login', { handle: 'MAPLE', passphrase: 'falling leaves in october' });
    expect(ok.status).toBe(200);
    expect(p.cookie).not.toBe(first);
    const wrong = await t.person().post('/api/auth/login', { handle: 'maple', passphrase: 'nope nope nope' });
    const unknown = await t
      .person()
      .post('/api/auth/login', { handle: 'nobody-here', passphrase: 'nope nope nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('trusts the user id in the cookie only with that user’s own live session', async () => {
    const t = testApp(db);
    const mallory = await t.signedUp('mallory-x', 'lanterns across the water');
    const victim = await t.signedUp('victim-x', 'paper boats on the canal');
    const victimId = (await victim.get('/api/me')).body.userId;
    // Mallory's live token under the victim's id: neither identity is taken.
    const [, token] = /^hearth_session=[\w-]{22}\.([\w-]{43})$/.exec(mallory.cookie)!;
    mallory.cookie = `hearth_session=${victimId}.${token}`;
    const me = await mallory.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.headers.getSetCookie().join()).toMatch(/hearth_session=;/);
    mallory.cookie = 'hearth_session=not-a-session';
    expect((await mallory.get('/api/me')).status).toBe(401);
    expect(mallory.cookie).toBe('');
  });

  it('logs out this device only, and everywhere on request', async () => {
    const t = testApp(db);
    const a = await t.signedUp('cedar', 'tall trees and mountains');
    const b = t.person();
    await b.post('/api/auth/login', { handle: 'cedar', passphrase: 'tall trees and mountains' });
    const c = t.person();
    await c.post('/api/auth/login', { handle: 'cedar', passphrase: 'tall trees and mountains' });
    const stolen = b.cookie;
    expect((await b.post('/api/auth/logout')).status).toBe(200);
    b.cookie = stolen;
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await a.post('/api/auth/logout-everywhere')).status).toBe(200);
    expect((await a.get('/api/me')).status).toBe(401);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('expires a session after a week idle, and after 30 days even when used', async () => {
    const t = testApp(db);
    const idle = await t.signedUp('idle-one');
    const busy = await t.signedUp('busy-one');
    t.advance(SESSION_IDLE_MS - 60_000);
    expect((await busy.get('/api/me')).status).toBe(200);
    t.advance(120_000);
    expect((await idle.get('/api/me')).status).toBe(401);
    expect((await busy.get('/api/me')).status).toBe(200);
    for (
      let elapsed = SESSION_IDLE_MS;
      elapsed < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS;
      elapsed += SESSION_IDLE_MS / 2
    ) {
      t.advance(SESSION_IDLE_MS / 2);
      expect((await busy.get('/api/me')).status).toBe(200);
    }
    t.advance(SESSION_IDLE_MS);
    expect((await busy.get('/api/me')).status).toBe(401);
  });

  it('throttles failed logins per handle, even with the right passphrase, until the window passes', async () => {
    const t = testApp(db);
    await t.signedUp('birch', 'silver bark in winter');
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t
            .person(`198.51.100.${i}`)
            .post('/api/auth/login', { handle: 'birch', passphrase: 'wrong guess here' })
        ).status,
      ).toBe(401);
    }
    const blocked = await t
      .person('198.51.100.99')
      .post('/api/auth/login', { handle: 'birch', passphrase: 'silver bark in winter' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.advance(LOGIN_WINDOW_MS + 1000);
    expect(
      (await t.person().post('/api/auth/login', { handle: 'birch', passphrase: 'silver bark in winter' }))
        .status,
    ).toBe(200);
  });

  it('throttles one address trying many handles', async () => {
    const t = testApp(db);
    await t.signedUp('aspen', 'quaking leaves at dusk');
    const attacker = t.person('192.0.2.66');
    for (let i = 0; i < 30; i++) {
      expect(
        (await attacker.post('/api/auth/login', { handle: `guess${i}`, passphrase: 'wrong guess here' }))
          .status,
      ).toBe(401);
    }
    expect(
      (await attacker.post('/api/auth/login', { handle: 'aspen', passphrase: 'quaking leaves at dusk' }))
        .status,
    ).toBe(429);
    expect(
      (
        await t
          .person('192.0.2.67')
          .post('/api/auth/login', { handle: 'aspen', passphrase: 'quaking leaves at dusk' })
      ).status,
    ).toBe(200);
  });
});

describe('changing the passphrase', () => {
  it('needs the current one, refuses an easy new one, and signs out other devices', async () => {
    const t = testApp(db);
    const here = await t.signedUp('juniper', 'berries in the frost');
    const there = t.person();
    await there.post('/api/auth/login', { handle: 'juniper', passphrase: 'berries in the frost' });
    const wrong = await here.post('/api/me/passphrase', {
      currentPassphrase: 'not it at all',
      newPassphrase: 'a new long phrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('body.currentPassphrase');
    const common = await here.post('/api/me/passphrase', {
      currentPassphrase: 'berries in the frost',
      newPassphrase: 'password123',
    });
    expect(common.status).toBe(400);
    const ok = await here.post('/api/me/passphrase', {
      currentPassphrase: 'berries in the frost',
      newPassphrase: 'a new long phrase',
    });
    expect(ok.status).toBe(200);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await there.get('/api/me')).status).toBe(401);
    expect(
      (await t.person().post('/api/auth/login', { handle: 'juniper', passphrase: 'a new long phrase' }))
        .status,
    ).toBe(200);
  });
});

describe('recovery', () => {
  it('resets the passphrase with a code once, ends other sessions, and refuses the code again', async () => {
    const t = testApp(db);
    const u = await t.signedUp('hazel', 'nuts in the autumn');
    const p = t.person();
    const code = u.recoveryCodes[3]!.toLowerCase().replace(/-/g, ' ');
    const res = await p.post('/api/auth/recover', {
      handle: 'hazel',
      recoveryCode: code,
      newPassphrase: 'brand new phrase here',
    });
    expect(res.status).toBe(200);
    expect(res.body.recoveryCodesLeft).toBe(9);
    expect((await p.get('/api/me')).body.recoveryCodesLeft).toBe(9);
    expect((await u.get('/api/me')).status).toBe(401);
    const again = await t.person().post('/api/auth/recover', {
      handle: 'hazel',
      recoveryCode: u.recoveryCodes[3],
      newPassphrase: 'another new phrase',
    });
    expect(again.status).toBe(401);
    expect(
      (await t.person().post('/api/auth/login', { handle: 'hazel', passphrase: 'nuts in the autumn' }))
        .status,
    ).toBe(401);
    expect(
      (await t.person().post('/api/auth/login', { handle: 'hazel', passphrase: 'brand new phrase here' }))
        .status,
    ).toBe(200);
  });

  it('spends a code once when two resets race with it', async () => {
    const t = testApp(db);
    const u = await t.signedUp('rowan');
    const code = u.recoveryCodes[0];
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        t.person().post('/api/auth/recover', {
          handle: 'rowan',
          recoveryCode: code,
          newPassphrase: `racing phrase ${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('refuses a code of another account', async () => {
    const t = testApp(db);
    const a = await t.signedUp('elm-a');
    await t.signedUp('elm-b');
    const res = await t.person().post('/api/auth/recover', {
      handle: 'elm-b',
      recoveryCode: a.recoveryCodes[0],
      newPassphrase: 'hijack attempt phrase',
    });
    expect(res.status).toBe(401);
  });
});

describe('login throttling under concurrency', () => {
  it('counts every one of many simultaneous failures', async () => {
    const t = testApp(db);
    await t.signedUp('linden', 'heart shaped leaves');
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t
          .person(`192.0.2.${100 + i}`)
          .post('/api/auth/login', { handle: 'linden', passphrase: 'wrong guess here' }),
      ),
    );
    const next = await t
      .person('192.0.2.200')
      .post('/api/auth/login', { handle: 'linden', passphrase: 'heart shaped leaves' });
    expect(next.status).toBe(429);
  });
});

describe('throttles count before they check', () => {
  it('checks at most 5 of 25 wrong guesses at one handle made at once; the rest wait', async () => {
    const t = testApp(db);
    await t.signedUp('hawthorn', 'white blossom in may');
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t
          .person(`198.51.100.${i + 1}`)
          .post('/api/auth/login', { handle: 'hawthorn', passphrase: `guess ${i} here` }),
      ),
    );
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + answers.filter((a) => a.status === 429).length).toBe(25);
  });

  it('checks at most what an address has left when it guesses many handles at once', async () => {
    const t = testApp(db);
    const address = '198.51.100.250';
    for (let i = 0; i < 26; i++)
      await t
        .person(address)
        .post('/api/auth/login', { handle: `nobody-${i}`, passphrase: 'not a real one at all' });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t
          .person(address)
          .post('/api/auth/login', { handle: `someone-${i}`, passphrase: 'not a real one at all' }),
      ),
    );
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(4);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(56);
  });

  it('makes at most the sign-ups an address has left when they come at once', async () => {
    const t = testApp(db);
    const address = '198.51.100.251';
    for (let i = 0; i < 8; i++)
      expect(
        (
          await t
            .person(address)
            .post('/api/auth/signup', { handle: `early-${i}`, passphrase: 'one of many phrases' })
        ).status,
      ).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t
          .person(address)
          .post('/api/auth/signup', { handle: `burst-${i}`, passphrase: 'one of many phrases' }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(6);
  });

  it('gives a slot back for a right passphrase and for a handle already taken', async () => {
    const t = testApp(db);
    const address = '198.51.100.252';
    await t.signedUp('rowan-tree', 'red berries in autumn');
    // 40 right sign-ins from one address: none counts against its 30 failures.
    for (let i = 0; i < 40; i++)
      expect(
        (
          await t
            .person(address)
            .post('/api/auth/login', { handle: 'rowan-tree', passphrase: 'red berries in autumn' })
        ).status,
      ).toBe(200);
    // Ten tries at a taken handle make no account and use none of the address's sign-ups.
    for (let i = 0; i < 10; i++)
      expect(
        (
          await t
            .person(address)
            .post('/api/auth/signup', { handle: 'rowan-tree', passphrase: 'one of many phrases' })
        ).status,
      ).toBe(409);
    expect(
      (
        await t
          .person(address)
          .post('/api/auth/signup', { handle: 'rowan-sapling', passphrase: 'one of many phrases' })
      ).status,
    ).toBe(201);
  });
});

describe('sign-up throttling', () => {
  it('allows 10 sign-ups an hour from one address, then asks it to wait', async () => {
    const t = testApp(db);
    const from = (i: number, address = '100.64.0.1') =>
      t.person(address).post('/api/auth/signup', {
        handle: `many-${address.slice(-1)}-${i}`,
        passphrase: 'one of many phrases',
      });
    for (let i = 0; i < 10; i++) expect((await from(i)).status).toBe(201);
    const eleventh = await from(10);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.code).toBe('rate_limited');
    expect((await from(0, '100.64.0.2')).status).toBe(201);
    t.advance(3600_000 + 1000);
    expect((await from(11)).status).toBe(201);
  });
});

describe('the strength meter', () => {
  it('answers the estimate the sign-up applies, keeping nothing', async () => {
    const t = testApp(db);
    const p = t.person();
    const weak = await p.post('/api/auth/passphrase-strength', {
      passphrase: 'Password1!',
      handle: 'someone',
    });
    expect(weak.status).toBe(200);
    expect(weak.body).toMatchObject({
      enough: false,
      // Keys of the estimator's advice: the web app words them in the reader's language.
      warning: 'similarToCommon',
    });
    expect(weak.body.suggestions).toContain('anotherWord');
    expect(weak.body.score).toBeLessThan(3);
    const strong = await p.post('/api/auth/passphrase-strength', {
      passphrase: 'lanterns over the quiet harbour',
    });
    expect(strong.body).toMatchObject({ score: 4, enough: true });
    const own = await p.post('/api/auth/passphrase-strength', {
      passphrase: 'rowanberry2026',
      handle: 'rowanberry',
    });
    expect(own.body.enough).toBe(false);
    expect(p.cookie).toBe('');
    const long = await p.post('/api/auth/passphrase-strength', { passphrase: 'x'.repeat(1025) });
    expect(long.status).toBe(400);
  });
});
