/**
 * No lock-out by strangers (OWASP's device cookies): a browser that has signed in to an account
 * before counts its failures against its own limit, so strangers guessing at the handle, or from
 * the owner's own network, hold up only themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEVICE_TRUST_MS,
  LOGIN_MAX_FAILURES_PER_DEVICE,
  LOGIN_MAX_FAILURES_PER_HANDLE,
} from '../../functions/core/accounts';
import type { Db } from '../../functions/store/client';
import { testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const login = (p: ReturnType<ReturnType<typeof testApp>['person']>, handle: string, passphrase: string) =>
  p.post('/api/auth/login', { handle, passphrase });

/** 40 strangers, at once, from 40 addresses and the owner's own: the handle's and address's limits are spent. */
async function hammer(t: ReturnType<typeof testApp>, handle: string, ownAddress?: string) {
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      login(t.person(i < 35 ? undefined : ownAddress), handle, `a wrong guess number ${i}`),
    ),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES_PER_HANDLE);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - LOGIN_MAX_FAILURES_PER_HANDLE);
}

describe('a browser known to the account', () => {
  it('still signs in while strangers hammer the handle, from anywhere and from its own address', async () => {
    const t = testApp(db);
    const owner = await t.signedUp('hazel-owner', 'hazelnuts under the hedge');
    const ownAddress = '192.0.2.10';
    const home = t.person(ownAddress);
    // Signs in once from home: that browser is known from now on.
    expect((await login(home, 'hazel-owner', 'hazelnuts under the hedge')).status).toBe(200);
    expect([...home.jar.keys()]).toContain('hearth_device');
    await home.post('/api/auth/logout');
    // Its address's own limit is spent by strangers on the same network, too.
    for (let i = 0; i < 30; i++) await login(t.person(ownAddress), `nobody-${i}`, 'a wrong guess here');
    await hammer(t, 'hazel-owner', ownAddress);
    // A stranger with the right passphrase waits, told a recovery code works; the owner's browsers do not.
    const held = await login(t.person(), 'hazel-owner', 'hazelnuts under the hedge');
    expect(held.status).toBe(429);
    expect(held.body.error.message).toMatch(
      /^Too many attempts\. Please wait 15 minutes.*a recovery code works now\.$/,
    );
    expect((await login(home, 'hazel-owner', 'hazelnuts under the hedge')).status).toBe(200);
    await owner.post('/api/auth/logout');
    expect((await login(owner, 'hazel-owner', 'hazelnuts under the hedge')).status).toBe(200);
  });

  it('has a limit of its own: at most its share of many guesses at once is checked', async () => {
    const t = testApp(db);
    const owner = await t.signedUp('rowan-own', 'rowan berries in autumn');
    const second = t.person();
    expect((await login(second, 'rowan-own', 'rowan berries in autumn')).status).toBe(200);
    await owner.post('/api/auth/logout');
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(owner, 'rowan-own', `not the passphrase ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBe(LOGIN_MAX_FAILURES_PER_DEVICE);
    expect(statuses.filter((s) => s === 429).length).toBe(25 - LOGIN_MAX_FAILURES_PER_DEVICE);
    expect((await login(owner, 'rowan-own', 'rowan berries in autumn')).status).toBe(429);
    // …which holds up that browser only: the handle's shared limit and the other browser are untouched.
    await second.post('/api/auth/logout');
    expect((await login(second, 'rowan-own', 'rowan berries in autumn')).status).toBe(200);
    expect((await login(t.person(), 'rowan-own', 'rowan berries in autumn')).status).toBe(200);
  });

  it('is a stranger with a made-up or copied cookie, and after its trust lapses', async () => {
    const t = testApp(db);
    const owner = await t.signedUp('alder-own', 'alder cones by the stream');
    await owner.post('/api/auth/logout');
    const forger = t.person();
    forger.jar.set('hearth_device', 'A'.repeat(43));
    const copier = t.person();
    // Another account's browser cookie is not this account's.
    await t.signedUp('alder-other', 'other cones by the stream').then((o) => {
      copier.jar.set('hearth_device', o.jar.get('hearth_device')!);
    });
    for (const p of [forger, copier, forger, copier, forger])
      expect((await login(p, 'alder-own', 'a wrong guess here')).status).toBe(401);
    expect((await login(forger, 'alder-own', 'alder cones by the stream')).status).toBe(429);
    expect((await login(owner, 'alder-own', 'alder cones by the stream')).status).toBe(200);
    await owner.post('/api/auth/logout');
    t.advance(DEVICE_TRUST_MS + 1000);
    await hammer(t, 'alder-own');
    expect((await login(owner, 'alder-own', 'alder cones by the stream')).status).toBe(429);
  });
});

describe('recovery and confirmation while the handle is held up', () => {
  it('recovers with a code from a new browser, and the old browsers become strangers', async () => {
    const t = testApp(db);
    const owner = await t.signedUp('larch-own', 'larch needles turn gold');
    await owner.post('/api/auth/logout');
    await hammer(t, 'larch-own');
    const fresh = t.person();
    const res = await fresh.post('/api/auth/recover', {
      handle: 'larch-own',
      recoveryCode: owner.recoveryCodes[0],
      newPassphrase: 'new needles in the spring rain',
    });
    expect(res.status).toBe(200);
    await fresh.post('/api/auth/logout');
    // Whoever knew the old passphrase is a stranger now; the recovering browser is known.
    expect((await login(owner, 'larch-own', 'new needles in the spring rain')).status).toBe(429);
    expect((await login(fresh, 'larch-own', 'new needles in the spring rain')).status).toBe(200);
  });

  it('lets a signed-in person change their passphrase and delete their account while strangers guess', async () => {
    const t = testApp(db);
    const owner = await t.signedUp('pine-own', 'pine resin on warm days');
    await hammer(t, 'pine-own');
    const changed = await owner.post('/api/me/passphrase', {
      currentPassphrase: 'pine resin on warm days',
      newPassphrase: 'resin and pine cones at noon',
    });
    expect(changed.status).toBe(200);
    // Asking again is limited per session: a stolen session cannot guess on.
    for (let i = 0; i < 5; i++)
      expect((await owner.post('/api/me/delete', { passphrase: `guess ${i}` })).status).toBe(400);
    expect((await owner.post('/api/me/delete', { passphrase: 'resin and pine cones at noon' })).status).toBe(
      429,
    );
  });
});
