/**
 * Reaching members when they are not looking, through the API and the jobs, with the movable
 * clock: devices added and removed (ten at most, however many ask at once), reminders sent once
 * at the right instant (across a clock change too), none for a cancelled meetup, a moved one at
 * its new time, none pushed in quiet hours; notices pushed once, discreetly unless chosen.
 * Every push goes to a push service on loopback that checks and decrypts it as a real one does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushNotices } from '../../functions/jobs/push-notices';
import { reminders } from '../../functions/jobs/reminders';
import { newVapidKeys, type Vapid } from '../../functions/push/send';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, type Person, type TestApp, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { startPushService } from '../support/push-service';

let db: Db;
let stop: () => Promise<void>;
let service: Awaited<ReturnType<typeof startPushService>>;
const vapid: Vapid = { ...newVapidKeys(), subject: 'mailto:ops@hearth.example' };
beforeAll(async () => {
  ({ db, stop } = await freshDb());
  service = await startPushService();
});
afterAll(async () => {
  await stop();
  await service.stop();
});

const app = (on = db) => testApp(on, { push: { vapid: async () => vapid, loopback: true } });

/**
 * A database of its own, for a test that runs the jobs: their cursors are kept in the table,
 * and each test's clock starts afresh.
 */
async function ownDb() {
  const fresh = await freshDb();
  stops.push(fresh.stop);
  return fresh.db;
}
const stops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(stops.map((s) => s())));
const minute = 60_000;

/** Adds a device for `p` at the push service; its payloads are read from `service.delivered`. */
async function device(p: Person, label = 'Phone') {
  const subscription = service.subscribe();
  const res = await p.post('/api/me/reach/devices', { subscription, label });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return subscription.endpoint.split('/').pop()!;
}
const pushesTo = (id: string) => service.delivered.filter((d) => d.subscription === id).map((d) => d.payload);

/**
 * Runs the jobs from the app's clock now until `to`: every 15 minutes (their window reaches that
 * far back), then at `to` itself. Each run reads the time since the last, so a reminder is found
 * in exactly one run whatever the step (the overlapping runs below show the claims hold too).
 */
async function runUntil(t: TestApp & { db: Db }, to: number) {
  while (t.now() < to) {
    t.advance(Math.min(15 * minute, to - t.now()));
    await reminders.run({ db: t.db, now: t.now(), vapid });
    await pushNotices.run({ db: t.db, now: t.now(), vapid });
  }
}

describe('devices', () => {
  it('are added, listed without their endpoint, tried, and removed; a gone one is forgotten', async () => {
    const t = app();
    const me = await t.signedUp();
    const empty = await me.get('/api/me/reach');
    expect(empty.body).toMatchObject({ devices: [], publicKey: vapid.publicKey });
    expect(empty.body.settings).toMatchObject({ meetups: [1440, 60], detail: 'discreet', quiet: null });
    const phone = await device(me, 'Phone');
    await device(me, 'Laptop');
    const listed = await me.get('/api/me/reach');
    expect(listed.body.devices.map((d: { label: string }) => d.label)).toEqual(['Phone', 'Laptop']);
    expect(JSON.stringify(listed.body)).not.toContain('/push/');
    expect((await me.post('/api/me/reach/test')).status).toBe(200);
    expect(pushesTo(phone)).toEqual([
      { title: 'Hearth', body: 'Notifications reach this device.', url: '/account#reach', tag: 'test' },
    ]);
    // The browser dropped the phone's subscription: the test says so, and it is forgotten.
    service.answer(service.delivered.find((d) => d.subscription === phone)!.subscription, 410);
    const gone = await me.post('/api/me/reach/test');
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toMatch(/“Phone”.*subscription had ended, so it is removed/);
    const after = await me.get('/api/me/reach');
    expect(after.body.devices.map((d: { label: string }) => d.label)).toEqual(['Laptop']);
    const laptop = after.body.devices[0].deviceId;
    expect((await me.del(`/api/me/reach/devices/${laptop}`)).status).toBe(200);
    expect((await me.del(`/api/me/reach/devices/${laptop}`)).status).toBe(404);
    expect((await me.post('/api/me/reach/test')).body.error.message).toBe(
      'No device of yours receives notifications yet',
    );
  });

  it('are ten at most, however many are added at once', async () => {
    const t = app();
    const me = await t.signedUp();
    const tries = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        me.post('/api/me/reach/devices', { subscription: service.subscribe(), label: `Device ${i}` }),
      ),
    );
    expect(tries.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = tries.filter((r) => r.status === 409);
    expect(refused).toHaveLength(6);
    expect(refused[0]!.body.error.message).toMatch(/^You have 10 devices receiving notifications already/);
    expect((await me.get('/api/me/reach')).body.devices).toHaveLength(10);
  });

  it('must be a browser’s push service: anything else is refused by its field', async () => {
    const me = await app().signedUp();
    for (const endpoint of [
      'https://evil.example/push/1',
      'http://169.254.169.254/latest/meta-data',
      'https://fcm.googleapis.com.evil.example/x',
      'not a url',
    ]) {
      const res = await me.post('/api/me/reach/devices', {
        subscription: { ...service.subscribe(), endpoint },
        label: 'Phone',
      });
      expect(res.status, endpoint).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.subscription.endpoint');
    }
    const ok = { ...service.subscribe(), endpoint: 'https://fcm.googleapis.com/fcm/send/abc' };
    expect((await me.post('/api/me/reach/devices', { subscription: ok, label: 'Phone' })).status).toBe(201);
  });

  it('says plainly where push is not set up', async () => {
    const me = await testApp(db).signedUp();
    expect((await me.get('/api/me/reach')).body.publicKey).toBeNull();
    const res = await me.post('/api/me/reach/devices', { subscription: service.subscribe(), label: 'Phone' });
    expect(res.status).toBe(409);
  });
});

describe('settings', () => {
  it('are saved, and quiet hours need the member’s zone', async () => {
    const me = await app().signedUp();
    const noZone = await me.patch('/api/me/reach', { quiet: { from: '22:00', to: '07:30' } });
    expect(noZone.status).toBe(400);
    expect(noZone.body.error.fields[0].path).toBe('body.zone');
    const bad = await me.patch('/api/me/reach', {
      quiet: { from: '25:00', to: '07:30' },
      zone: 'Europe/London',
    });
    expect(bad.body.error.fields[0].path).toBe('body.quiet.from');
    const saved = await me.patch('/api/me/reach', {
      quiet: { from: '22:00', to: '07:30' },
      zone: 'Europe/London',
      meetups: [60],
      detail: 'full',
    });
    expect(saved.status).toBe(200);
    expect((await me.get('/api/me/reach')).body.settings).toMatchObject({
      quiet: { from: '22:00', to: '07:30' },
      zone: 'Europe/London',
      meetups: [60],
      duties: [1440, 60],
      detail: 'full',
    });
  });
});

/** A group, a meetup `start` (local, Europe/London), and a member going to it with a device. */
async function going(start: string, over: Record<string, unknown> = {}) {
  const own = await ownDb();
  const t = Object.assign(app(own), { db: own });
  const { owner, groupId, join } = await groupWithOwner(t);
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Evening circle',
    start,
    durationMinutes: 90,
    mode: 'online',
    online: { url: 'https://meet.example/circle' },
    capacity: { online: 10 },
    ...over,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const occurrenceId = made.body.occurrences[0].occurrenceId as string;
  const member = await join('Wren');
  expect(
    (await member.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' })).status,
  ).toBe(200);
  const phone = await device(member);
  return { t, owner, member, occurrenceId, phone, groupId };
}
const reminderNotes = async (p: Person) =>
  (
    (await p.get('/api/me/notifications?limit=50')).body.items as {
      kind: string;
      text: string;
      createdAt: string;
    }[]
  ).filter((n) => n.kind === 'reminder');

describe('reminders', () => {
  it('come the day before and an hour before, once each, at the right instants, however often the job runs', async () => {
    const { t, member, phone } = await going('2026-11-27T18:30');
    // 18:30 GMT on the 27th: reminders at 18:30 on the 26th and 17:30 on the 27th.
    await runUntil(t, Date.parse('2026-11-26T18:29:00Z'));
    expect(pushesTo(phone)).toEqual([]);
    await runUntil(t, Date.parse('2026-11-26T18:30:00Z'));
    expect(pushesTo(phone)).toEqual([
      {
        title: 'Hearth',
        body: 'A session at 18:30 tomorrow',
        url: expect.stringMatching(/^\/occurrences\//),
        tag: expect.any(String),
      },
    ]);
    // Two runs at once, and a run again for the same minute: nothing more.
    await Promise.all([
      reminders.run({ db: t.db, now: t.now(), vapid }),
      reminders.run({ db: t.db, now: t.now(), vapid }),
    ]);
    await runUntil(t, Date.parse('2026-11-27T17:30:00Z'));
    await Promise.all([
      reminders.run({ db: t.db, now: t.now(), vapid }),
      reminders.run({ db: t.db, now: t.now(), vapid }),
    ]);
    expect(pushesTo(phone).map((p) => (p as { body: string }).body)).toEqual([
      'A session at 18:30 tomorrow',
      'A session at 18:30 today',
    ]);
    const notes = await reminderNotes(member);
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.createdAt).sort()).toEqual([
      '2026-11-26T18:30:00.000Z',
      '2026-11-27T17:30:00.000Z',
    ]);
    expect(notes[0]!.text).toMatch(/^Reminder: “Evening circle” in “Tuesday Anxiety Circle”, /);
  });

  it('keep to the clock across a change: the day before a Sunday in BST is 23 hours before', async () => {
    const { t, phone } = await going('2027-03-28T18:30', {});
    t.advance(Date.parse('2027-03-27T18:20:00Z') - t.now());
    await runUntil(t, Date.parse('2027-03-27T18:29:00Z'));
    expect(pushesTo(phone)).toEqual([]);
    await runUntil(t, Date.parse('2027-03-27T18:30:00Z'));
    expect(pushesTo(phone).map((p) => (p as { body: string }).body)).toEqual(['A session at 18:30 tomorrow']);
  });

  it('never come for a cancelled meetup; a moved one reminds at its new time', async () => {
    const cancelled = await going('2026-11-27T18:30');
    expect(
      (await cancelled.owner.post(`/api/occurrences/${cancelled.occurrenceId}/cancel`, { reason: 'Ill' }))
        .status,
    ).toBe(200);
    await runUntil(cancelled.t, Date.parse('2026-11-27T18:30:00Z'));
    // Told of the cancellation (discreetly), and never reminded.
    expect(pushesTo(cancelled.phone)).toEqual([
      { title: 'Hearth', body: 'Something new for you in Hearth', url: '/notifications', tag: 'notice' },
    ]);
    expect(await reminderNotes(cancelled.member)).toEqual([]);

    const moved = await going('2026-11-27T18:30');
    await runUntil(moved.t, Date.parse('2026-11-26T12:00:00Z'));
    expect(
      (await moved.owner.patch(`/api/occurrences/${moved.occurrenceId}`, { start: '2026-11-27T20:00' }))
        .status,
    ).toBe(200);
    await runUntil(moved.t, Date.parse('2026-11-26T18:31:00Z'));
    const reminderPushes = (id: string) =>
      pushesTo(id).filter((p) => (p as { tag: string }).tag !== 'notice');
    expect(reminderPushes(moved.phone)).toEqual([]);
    await runUntil(moved.t, Date.parse('2026-11-26T20:00:00Z'));
    expect(reminderPushes(moved.phone).map((p) => (p as { body: string }).body)).toEqual([
      'A session at 20:00 tomorrow',
    ]);
    // And told of the move itself, once.
    expect(pushesTo(moved.phone).filter((p) => (p as { tag: string }).tag === 'notice')).toHaveLength(1);
  });

  it('are not pushed in quiet hours (still in the app), nor when turned off; full wording when chosen', async () => {
    const quiet = await going('2026-11-27T07:00');
    await quiet.member.patch('/api/me/reach', {
      quiet: { from: '22:00', to: '07:30' },
      zone: 'Europe/London',
      detail: 'full',
    });
    await runUntil(quiet.t, Date.parse('2026-11-27T07:00:00Z'));
    expect(pushesTo(quiet.phone)).toEqual([]);
    expect(await reminderNotes(quiet.member)).toHaveLength(2);

    const off = await going('2026-11-27T18:30');
    await off.member.patch('/api/me/reach', { meetups: [], detail: 'full' });
    await runUntil(off.t, Date.parse('2026-11-27T18:30:00Z'));
    expect(await reminderNotes(off.member)).toEqual([]);

    const full = await going('2026-11-27T18:30');
    await full.member.patch('/api/me/reach', { meetups: [60], detail: 'full' });
    await runUntil(full.t, Date.parse('2026-11-27T17:30:00Z'));
    expect(pushesTo(full.phone)).toEqual([
      expect.objectContaining({ title: 'Evening circle', body: 'Tuesday Anxiety Circle, at 18:30 today' }),
    ]);
  });
});

describe('notices', () => {
  it('are pushed once, discreetly, to those with devices; a notice read first is not', async () => {
    const own = await ownDb();
    const t = app(own);
    const { owner, groupId, join } = await groupWithOwner(t);
    const fac = await join('Alder', 'facilitator');
    const phone = await device(fac);
    const author = await join('Fern');
    const reporter = await join('Wren');
    const posted = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Tonight',
      body: 'Some nights I think about killing myself',
    });
    expect(posted.status).toBe(201);
    await Promise.all([
      pushNotices.run({ db: own, now: t.now(), vapid }),
      pushNotices.run({ db: own, now: t.now(), vapid }),
    ]);
    t.advance(minute);
    await pushNotices.run({ db: own, now: t.now(), vapid });
    const got = service.delivered.filter((d) => d.subscription === phone);
    expect(got.map((d) => d.payload)).toEqual([
      { title: 'Hearth', body: 'Something new for you in Hearth', url: '/notifications', tag: 'notice' },
    ]);
    expect(got[0]!.urgency).toBe('high');
    // A report reaches the owner's device, in full as they chose; one read in the app first is not pushed.
    expect((await owner.patch('/api/me/reach', { detail: 'full' })).status).toBe(200);
    const ownerPhone = await device(owner);
    const plain = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Selling',
      body: 'Cheap pills here',
    });
    expect(
      (await reporter.post(`/api/posts/${plain.body.post.postId}/reports`, { reason: 'spam' })).status,
    ).toBe(201);
    t.advance(minute);
    await pushNotices.run({ db: own, now: t.now(), vapid });
    const told = pushesTo(ownerPhone) as { body: string; url: string }[];
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatch(/report/i);
    expect(told[0]!.url).toBe(`/groups/${groupId}/moderation`);
    const other = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'More',
      body: 'Even cheaper pills',
    });
    expect(
      (await reporter.post(`/api/posts/${other.body.post.postId}/reports`, { reason: 'spam' })).status,
    ).toBe(201);
    expect((await owner.get('/api/me/notifications')).body.unread).toBeGreaterThan(0);
    await owner.post('/api/me/notifications/read');
    t.advance(minute);
    await pushNotices.run({ db: own, now: t.now(), vapid });
    expect(pushesTo(ownerPhone)).toHaveLength(1);
  });
});

describe('new meetups', () => {
  it('are told to members who asked, in groups they are in, and pushed; leaving stops it', async () => {
    const own = await ownDb();
    const t = app(own);
    const { owner, groupId, join } = await groupWithOwner(t);
    const keen = await join('Kestrel');
    const quiet = await join('Heron');
    const phone = await device(keen);
    const other = await groupWithOwner(t, { name: 'Another circle' });
    const outside = await keen.patch('/api/me/reach', { newMeetups: [groupId, other.groupId] });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe('body.newMeetups.1');
    expect((await keen.patch('/api/me/reach', { newMeetups: [groupId], detail: 'full' })).status).toBe(200);
    const schedule = () =>
      owner.post(`/api/groups/${groupId}/meetups`, {
        title: 'Walk and talk',
        start: '2026-12-05T10:00',
        durationMinutes: 60,
        mode: 'online',
        online: { url: 'https://meet.example/walk' },
        capacity: { online: 10 },
      });
    expect((await schedule()).status).toBe(201);
    const told = async (p: Person) =>
      ((await p.get('/api/me/notifications')).body.items as { kind: string; text: string }[]).filter(
        (n) => n.kind === 'new_meetup',
      );
    expect((await told(keen)).map((n) => n.text)).toEqual([
      'New meetup in “Tuesday Anxiety Circle”: “Walk and talk”, Sat 5 Dec 2026 at 10:00 (United Kingdom Time).',
    ]);
    expect(await told(quiet)).toEqual([]);
    expect(await told(owner)).toEqual([]);
    t.advance(minute);
    await pushNotices.run({ db: own, now: t.now(), vapid });
    expect(pushesTo(phone)).toEqual([
      expect.objectContaining({
        body: 'New meetup in “Tuesday Anxiety Circle”: “Walk and talk”, Sat 5 Dec 2026 at 10:00 (United Kingdom Time).',
      }),
    ]);
    // Gone from the group: not told any more.
    expect((await keen.del(`/api/groups/${groupId}/members/me`)).status).toBe(200);
    expect((await schedule()).status).toBe(201);
    expect(await told(keen)).toHaveLength(1);
  });
});
