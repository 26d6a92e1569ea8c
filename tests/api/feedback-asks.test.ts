/**
 * A meetup that ends asks those who were going how it went, through the jobs with the movable
 * clock: once each however often the job runs, when it really ends (a meetup made longer asks
 * later), never for a cancelled meetup nor anyone who was not going, in the app and by push (to a
 * push service on loopback that decrypts as a real one does), leading to the meetup's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackAsks } from '../../functions/jobs/feedback-asks';
import { pushNotices } from '../../functions/jobs/push-notices';
import { newVapidKeys, type Vapid } from '../../functions/push/send';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, type Person, type TestApp, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { startPushService } from '../support/push-service';

let service: Awaited<ReturnType<typeof startPushService>>;
const stops: (() => Promise<void>)[] = [];
const vapid: Vapid = { ...newVapidKeys(), subject: 'mailto:ops@hearth.example' };
beforeAll(async () => {
  service = await startPushService();
});
afterAll(async () => {
  await Promise.all(stops.map((s) => s()));
  await service.stop();
});
const minute = 60_000;

/** A database of its own (the job's cursor is kept in it), a group, and an online meetup at 18:30. */
async function meetup(going: number) {
  const fresh = await freshDb();
  stops.push(fresh.stop);
  const t = Object.assign(testApp(fresh.db, { push: { vapid: async () => vapid, loopback: true } }), {
    db: fresh.db,
  });
  const { owner, groupId, join } = await groupWithOwner(t);
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Evening circle',
    start: '2026-12-01T18:30',
    durationMinutes: 90,
    mode: 'online',
    online: { url: 'https://meet.example/circle' },
    capacity: { online: going },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const occurrenceId = made.body.occurrences[0].occurrenceId as string;
  const members: Person[] = [];
  for (let i = 0; i < going; i++) {
    const m = await join();
    await m.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    members.push(m);
  }
  // On the waiting list (every place is taken), and a member who never answered.
  const waiting = await join();
  await waiting.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
  const absent = await join();
  return { t, owner, groupId, occurrenceId, members, waiting, others: [absent, owner] };
}

/** Runs the jobs every 5 minutes from the app's clock until `to`, then at `to`. */
async function runUntil(t: TestApp & { db: Db }, to: number) {
  while (t.now() < to) {
    t.advance(Math.min(5 * minute, to - t.now()));
    await feedbackAsks.run({ db: t.db, now: t.now(), vapid });
    await pushNotices.run({ db: t.db, now: t.now(), vapid });
  }
}

const asks = async (p: Person) =>
  (
    (await p.get('/api/me/notifications')).body.items as {
      kind: string;
      text: string;
      href: string;
      createdAt: string;
    }[]
  ).filter((n) => n.kind === 'feedback');

/** Adds a device for `p` at the push service; its payloads are read from `service.delivered`. */
async function device(p: Person) {
  const subscription = service.subscribe();
  expect((await p.post('/api/me/reach/devices', { subscription, label: 'Phone' })).status).toBe(201);
  const id = subscription.endpoint.split('/').pop()!;
  return () => service.delivered.filter((d) => d.subscription === id).map((d) => d.payload);
}

describe('a meetup that ends', () => {
  it('asks those who were going how it went, once each, however often the job runs', async () => {
    const { t, groupId, occurrenceId, members, waiting, others } = await meetup(3);
    const phone = await device(members[0]!);
    // One who was going leaves the group before it: they are not asked (they could not answer);
    // the one waiting moves up into their place, and is.
    const left = members.pop()!;
    expect((await left.del(`/api/groups/${groupId}/members/me`)).status).toBe(200);
    // 18:30 GMT for 90 minutes: it ends at 20:00.
    t.advance(Date.parse('2026-12-01T12:00:00Z') - t.now());
    await runUntil(t, Date.parse('2026-12-01T19:59:00Z'));
    expect(await asks(members[0]!)).toEqual([]);
    await runUntil(t, Date.parse('2026-12-01T20:03:00Z'));
    await Promise.all(Array.from({ length: 4 }, () => feedbackAsks.run({ db: t.db, now: t.now(), vapid })));
    await runUntil(t, Date.parse('2026-12-01T21:00:00Z'));
    for (const m of members) {
      const told = await asks(m);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        text: 'How was “Evening circle” in “Tuesday Anxiety Circle”? You can say how it went on its page, anonymously, until Tue 15 Dec 2026 at 20:00.',
        href: `/occurrences/${occurrenceId}`,
        createdAt: '2026-12-01T20:00:00.000Z',
      });
    }
    for (const p of [...others, left]) expect(await asks(p)).toEqual([]);
    expect(await asks(waiting)).toHaveLength(1);
    // Pushed once, discreetly (the member did not choose full wording): it says nothing of the meetup.
    expect(phone()).toEqual([
      { title: 'Hearth', body: 'Something new for you in Hearth', url: '/notifications', tag: 'notice' },
    ]);
  });

  it('asks when it really ends, and not at all when it was cancelled', async () => {
    const longer = await meetup(1);
    const t = longer.t;
    t.advance(Date.parse('2026-12-01T12:00:00Z') - t.now());
    const moved = await longer.owner.call('PATCH', `/api/occurrences/${longer.occurrenceId}`, {
      durationMinutes: 150,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await runUntil(t, Date.parse('2026-12-01T20:55:00Z'));
    expect(await asks(longer.members[0]!)).toEqual([]);
    await runUntil(t, Date.parse('2026-12-01T21:05:00Z'));
    expect((await asks(longer.members[0]!)).map((n) => n.createdAt)).toEqual(['2026-12-01T21:00:00.000Z']);

    const called = await meetup(1);
    called.t.advance(Date.parse('2026-12-01T12:00:00Z') - called.t.now());
    const off = await called.owner.post(`/api/occurrences/${called.occurrenceId}/cancel`, { reason: 'Snow' });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    await runUntil(called.t, Date.parse('2026-12-01T21:00:00Z'));
    expect(await asks(called.members[0]!)).toEqual([]);
  });
});
