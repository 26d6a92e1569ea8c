import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

/**
 * Counts DynamoDB calls and round trips from now on: a call that starts while none is in flight
 * begins a trip; calls made together share one.
 */
function countTrips() {
  const n = { calls: 0, trips: 0 };
  let inFlight = 0;
  const name = `trips${Math.random()}`;
  db.doc.middlewareStack.add(
    (next) => async (args) => {
      n.calls++;
      if (inFlight++ === 0) n.trips++;
      try {
        return await next(args);
      } finally {
        inFlight--;
      }
    },
    { step: 'initialize', name },
  );
  return () => {
    db.doc.middlewareStack.remove(name);
    return n;
  };
}

const hybrid = (over: Record<string, unknown> = {}) => ({
  title: 'Tuesday evening circle',
  description: 'Tea, talk and listening.',
  start: '2027-03-16T18:30',
  durationMinutes: 90,
  mode: 'hybrid',
  venue: {
    name: 'Community room',
    address: '12 Harbour Street, Leeds LS1 1AA',
    neighbourhood: 'City centre',
    access: ['step_free', 'quiet_room'],
  },
  online: { url: 'https://meet.example/quiet-room', notes: 'Camera optional' },
  capacity: { inPerson: 3, online: 2 },
  ...over,
});

async function setup(groupOver: Record<string, unknown> = {}) {
  const t = testApp(db);
  const { owner, groupId, join } = await groupWithOwner(t, groupOver);
  return { t, owner, groupId, member: () => join() };
}

describe('scheduling', () => {
  it('creates a weekly series in the group’s zone, right across the change to summer time', async () => {
    const { owner, groupId } = await setup();
    const res = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10' } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.meetup).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10',
      repeats: 'every Tuesday, 10 times',
    });
    expect(res.body.occurrences).toHaveLength(10);
    expect(res.body.occurrences.slice(0, 3).map((o: { startAt: string }) => o.startAt)).toEqual([
      '2027-03-16T18:30:00.000Z',
      '2027-03-23T18:30:00.000Z',
      '2027-03-30T17:30:00.000Z',
    ]);
    expect(res.body.occurrences.every((o: { startLocal: string }) => o.startLocal.endsWith('T18:30'))).toBe(
      true,
    );
    expect(res.body.warnings).toEqual([]);
    const schedule = await owner.get(
      `/api/groups/${groupId}/occurrences?from=2027-03-01&to=2027-04-30&limit=50`,
    );
    expect(schedule.body.items).toHaveLength(7);
  });

  it('warns about a time that falls in the DST gap, and schedules it an hour later', async () => {
    const { owner, groupId, member } = await setup();
    const res = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ start: '2027-03-21T01:30', recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.warnings).toHaveLength(1);
    expect(res.body.warnings[0].startLocal).toBe('2027-03-28T01:30');
    expect(res.body.warnings[0].message).toMatch(/does not exist/);
    // Everywhere a person reads the time, it is the time their clock (and calendar) will say.
    const gap = res.body.occurrences[1];
    expect(gap).toMatchObject({ startLocal: '2027-03-28T02:30', startAt: '2027-03-28T01:30:00.000Z' });
    const listed = await owner.get(`/api/groups/${groupId}/occurrences?from=2027-03-20&to=2027-03-30`);
    expect(listed.body.items.map((o: { startLocal: string }) => o.startLocal)).toEqual([
      '2027-03-21T01:30',
      '2027-03-28T02:30',
    ]);
    const m = await member();
    await m.call('PUT', `/api/occurrences/${gap.occurrenceId}/rsvp`, { attendance: 'online' });
    await owner.post(`/api/occurrences/${gap.occurrenceId}/cancel`, { reason: 'Clocks change' });
    expect((await m.get('/api/me/notifications')).body.items[0].text).toBe(
      '“Tuesday evening circle” on Sun 28 Mar 2027 at 02:30 is cancelled: Clocks change',
    );
  });

  it('warns about a time that happens twice when clocks go back, and takes the first', async () => {
    const { owner, groupId } = await setup();
    const res = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ start: '2027-10-24T01:30', recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.warnings).toHaveLength(1);
    expect(res.body.warnings[0].startLocal).toBe('2027-10-31T01:30');
    expect(res.body.warnings[0].message).toMatch(/happens twice/);
    // 01:30 BST (UTC+1), the first of the two 01:30s that night.
    expect(res.body.occurrences[1].startAt).toBe('2027-10-31T00:30:00.000Z');
  });

  it.each([
    [{ start: '2020-01-07T18:30' }, 'body.start'],
    [{ start: '2027-02-30T18:30' }, 'body.start'],
    [{ start: '18:30 next Tuesday' }, 'body.start'],
    [{ recurrence: { rrule: 'FREQ=YEARLY;COUNT=3' } }, 'body.recurrence.rrule'],
    [{ recurrence: { rrule: 'FREQ=DAILY;COUNT=600' } }, 'body.recurrence.rrule'],
    [{ recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3' } }, 'body.recurrence.rrule'],
    [{ capacity: { inPerson: 0, online: 2 } }, 'body.capacity.inPerson'],
    [{ capacity: { inPerson: 9999, online: 2 } }, 'body.capacity.inPerson'],
    [{ mode: 'online', venue: undefined, capacity: { online: 5 }, online: undefined }, 'body.online'],
    [{ mode: 'in_person', online: undefined, venue: undefined, capacity: { inPerson: 5 } }, 'body.venue'],
    [{ online: { url: 'http://insecure.example/room' } }, 'body.online.url'],
    [{ online: { url: 'javascript:alert(1)' } }, 'body.online.url'],
    [{ durationMinutes: 5 }, 'body.durationMinutes'],
    [{ title: '' }, 'body.title'],
    [{ rsvpOpensHoursBefore: 24, rsvpClosesMinutesBefore: 1440 }, 'body.rsvpClosesMinutesBefore'],
    [{ rsvpOpensHoursBefore: 0 }, 'body.rsvpOpensHoursBefore'],
    [{ rsvpClosesMinutesBefore: 20_000 }, 'body.rsvpClosesMinutesBefore'],
  ])('refuses %j with a field error', async (over, path) => {
    const { owner, groupId } = await setup();
    const res = await owner.post(`/api/groups/${groupId}/meetups`, hybrid(over));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('is for owners and facilitators; members get 403, outsiders of a private group 404', async () => {
    const { t, owner, groupId, member } = await setup({ visibility: 'private', joinPolicy: 'invite' });
    const invite = (await owner.post(`/api/groups/${groupId}/invites`, {})).body.token;
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, invite });
    expect((await p.post(`/api/groups/${groupId}/meetups`, hybrid())).status).toBe(403);
    await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { role: 'facilitator' });
    expect((await p.post(`/api/groups/${groupId}/meetups`, hybrid())).status).toBe(201);
    const stranger = await t.signedUp();
    expect((await stranger.post(`/api/groups/${groupId}/meetups`, hybrid())).status).toBe(404);
    expect((await stranger.get(`/api/groups/${groupId}/occurrences`)).status).toBe(404);
    void member;
  });
});

describe('RSVP', () => {
  async function scheduled(capacity = { inPerson: 3, online: 2 }) {
    const s = await setup();
    const res = await s.owner.post(`/api/groups/${s.groupId}/meetups`, hybrid({ capacity }));
    return { ...s, occ: res.body.occurrences[0].occurrenceId as string };
  }

  it('seats members until full, then waitlists them in arrival order with positions', async () => {
    const { occ, member } = await scheduled();
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await member());
    const answers = [];
    for (const p of people)
      answers.push((await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' })).body);
    expect(answers.map((a) => a.rsvp.status)).toEqual([
      'going',
      'going',
      'going',
      'waitlisted',
      'waitlisted',
    ]);
    expect(answers.slice(3).map((a) => a.rsvp.position)).toEqual([1, 2]);
    expect(answers[4].occurrence.seats.inPerson).toEqual({ capacity: 3, going: 3, waitlisted: 2 });
    // The answer shows the address to those now going, and not to those waiting.
    expect(answers[2].occurrence.venue.address).toMatch(/Harbour Street/);
    expect(answers[3].occurrence.venue.address).toBeNull();
    // Repeating an RSVP returns the same result and changes nothing.
    const again = await people[3]!.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    expect(again.body.rsvp).toEqual({ status: 'waitlisted', attendance: 'in_person', position: 1 });
  });

  it('promotes the first in line when someone going withdraws, and tells them', async () => {
    const { occ, member } = await scheduled({ inPerson: 1, online: 2 });
    const a = await member();
    const b = await member();
    const c = await member();
    await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await b.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await c.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    expect((await a.del(`/api/occurrences/${occ}/rsvp`)).status).toBe(200);
    expect((await b.get(`/api/occurrences/${occ}`)).body.rsvp).toEqual({
      status: 'going',
      attendance: 'in_person',
    });
    expect((await c.get(`/api/occurrences/${occ}`)).body.rsvp).toEqual({
      status: 'waitlisted',
      attendance: 'in_person',
      position: 1,
    });
    const notes = await b.get('/api/me/notifications');
    expect(notes.body.unread).toBe(1);
    expect(notes.body.items[0]).toMatchObject({
      kind: 'promoted',
      occurrenceId: occ,
      href: `/occurrences/${occ}`,
      read: false,
    });
    expect((await b.post(`/api/me/notifications/${notes.body.items[0].notificationId}/read`)).status).toBe(
      200,
    );
    expect((await b.get('/api/me/notifications')).body.unread).toBe(0);
    expect((await a.del(`/api/occurrences/${occ}/rsvp`)).status).toBe(200); // again: nothing to withdraw
  });

  // A crash at any point is repaired (feed-consistency and owed-notices tests): with a calendar
  // feed, the RSVP's marker goes on it before the ledger write; a change that may move someone up
  // records the notice it owes first (in the same round trip as the marker), and takes the record
  // off once told. Two round trips more, and only where they apply (a feed kept; someone waiting).
  it('keeps to 5 round trips even when a change promotes someone and both keep a calendar feed', async () => {
    const { occ, member } = await scheduled({ inPerson: 1, online: 2 });
    const [a, b] = [await member(), await member()];
    for (const p of [a, b]) expect((await p.post('/api/me/feed')).status).toBe(201);
    await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await b.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    const stamp = async () =>
      (await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.feed(b.userId) }))).Item!.version;
    const before = await stamp();
    // a switches to online: their own feed is noted, b is promoted, told, and b's feed is stamped.
    const trips = countTrips();
    const res = await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    const made = trips();
    expect(res.body.rsvp).toEqual({ status: 'going', attendance: 'online' });
    expect(made.calls).toBe(8);
    expect(made.trips).toBeLessThanOrEqual(5);
    expect((await b.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');
    expect((await b.get('/api/me/notifications')).body.items[0].kind).toBe('promoted');
    expect(await stamp()).toBe(before + 1);
  });

  it('gives a leaving or removed member’s places to the next in line, who are told', async () => {
    const { owner, groupId, member, occ } = await scheduled({ inPerson: 1, online: 2 });
    const made = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ start: '2027-03-17T18:30', capacity: { inPerson: 1, online: 2 } }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const occs = [occ, made.body.occurrences[0].occurrenceId as string];
    const [a, b, c] = [await member(), await member(), await member()];
    for (const o of occs)
      for (const p of [a, b, c])
        await p.call('PUT', `/api/occurrences/${o}/rsvp`, { attendance: 'in_person' });
    // a leaves: b gets both places, and hears of it; c moves up the line.
    expect((await a.del(`/api/groups/${groupId}/members/me`)).status).toBe(200);
    for (const o of occs) {
      expect((await b.get(`/api/occurrences/${o}`)).body.rsvp).toEqual({
        status: 'going',
        attendance: 'in_person',
      });
      expect((await c.get(`/api/occurrences/${o}`)).body.rsvp).toMatchObject({
        status: 'waitlisted',
        position: 1,
      });
      const list = (await owner.get(`/api/occurrences/${o}/attendees`)).body.items;
      expect(list.map((x: { userId: string }) => x.userId)).not.toContain(a.userId);
    }
    expect(
      (await b.get('/api/me/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'promoted',
      ),
    ).toHaveLength(2);
    // b is removed by the owner: c goes.
    expect(
      (await owner.patch(`/api/groups/${groupId}/members/${b.userId}`, { status: 'removed' })).status,
    ).toBe(200);
    for (const o of occs)
      expect((await c.get(`/api/occurrences/${o}`)).body.rsvp).toEqual({
        status: 'going',
        attendance: 'in_person',
      });
  });

  it('marks all of a member’s notifications read at once, and only theirs', async () => {
    const { t, owner, occ, member } = await scheduled({ inPerson: 1, online: 2 });
    const a = await member();
    const b = await member();
    await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await b.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await a.del(`/api/occurrences/${occ}/rsvp`); // b is promoted
    await owner.patch(`/api/occurrences/${occ}`, { start: '2027-03-17T18:30' }); // a and b: b is told
    await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    await owner.post(`/api/occurrences/${occ}/cancel`, { reason: 'The room flooded' }); // both told
    expect((await b.get('/api/me/notifications')).body.unread).toBe(3);
    expect((await a.get('/api/me/notifications')).body.unread).toBe(1);
    expect((await b.post('/api/me/notifications/read')).body).toEqual({ marked: 3 });
    const after = await b.get('/api/me/notifications');
    expect([after.body.unread, after.body.items.map((n: { read: boolean }) => n.read)]).toEqual([
      0,
      [true, true, true],
    ]);
    expect((await b.post('/api/me/notifications/read')).body).toEqual({ marked: 0 });
    expect((await a.get('/api/me/notifications')).body.unread).toBe(1);
    expect((await t.person().post('/api/me/notifications/read')).status).toBe(401);
  });

  it('lets a member switch mode, freeing their place for the next in line', async () => {
    const { occ, member } = await scheduled({ inPerson: 1, online: 2 });
    const a = await member();
    const b = await member();
    await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await b.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    const switched = await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    expect(switched.body.rsvp).toEqual({ status: 'going', attendance: 'online' });
    expect(switched.body.occurrence.seats).toEqual({
      inPerson: { capacity: 1, going: 1, waitlisted: 0 },
      online: { capacity: 2, going: 1, waitlisted: 0 },
    });
    expect((await b.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');
  });

  it('reads a member’s items with the session only when the session is theirs', async () => {
    const { t, owner, groupId } = await setup({ visibility: 'private', joinPolicy: 'invite' });
    const occ = (await owner.post(`/api/groups/${groupId}/meetups`, hybrid())).body.occurrences[0]
      .occurrenceId;
    const ownerId = (await owner.get('/api/me')).body.userId;
    const outsider = await t.signedUp();
    const [, token] = /\.([\w-]{43})$/.exec(outsider.cookie)!;
    const forged = `hearth_session=${ownerId}.${token}`;
    outsider.cookie = forged;
    // The owner's membership is read beside the session, but never used for someone else.
    expect((await outsider.get(`/api/occurrences/${occ}`)).status).toBe(404);
    outsider.cookie = forged;
    expect(
      (await outsider.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' })).status,
    ).toBe(401);
    expect((await owner.get(`/api/occurrences/${occ}`)).body.venue.address).toMatch(/Harbour Street/);
  });

  it('shows the address and link only to those going and to organisers', async () => {
    const { t, owner, groupId, occ, member } = await scheduled({ inPerson: 1, online: 1 });
    const going = await member();
    const waiting = await member();
    const visitor = t.person();
    await going.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await waiting.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    const seen = async (p: {
      get: (
        path: string,
      ) => Promise<{ body: { venue: { address: string | null }; online: { url: string | null } } }>;
    }) => (await p.get(`/api/occurrences/${occ}`)).body;
    expect((await seen(going)).venue.address).toMatch(/Harbour Street/);
    expect((await seen(owner)).online.url).toMatch(/^https:/);
    for (const p of [waiting, visitor]) {
      const v = await seen(p);
      expect(v.venue.address).toBeNull();
      expect(v.online.url).toBeNull();
      expect(JSON.stringify(v)).not.toMatch(/Harbour Street|meet\.example/);
    }
    expect((await seen(waiting)).venue).toMatchObject({
      neighbourhood: 'City centre',
      access: ['step_free', 'quiet_room'],
    });
    const schedule = await visitor.get(`/api/groups/${groupId}/occurrences?from=2027-03-01`);
    expect(JSON.stringify(schedule.body)).not.toMatch(/Harbour Street|meet\.example/);
  });

  it('keeps attendee lists to facilitators, moderators and owners, by alias', async () => {
    const { owner, groupId, occ, t } = await scheduled();
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, alias: 'Wren' });
    await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    expect((await p.get(`/api/occurrences/${occ}/attendees`)).status).toBe(403);
    const list = await owner.get(`/api/occurrences/${occ}/attendees`);
    expect(list.body.items).toEqual([
      { userId: p.userId, displayName: 'Wren', status: 'going', attendance: 'online' },
    ]);
  });

  it('shows on the group’s card how it meets: in person where, online, and when next', async () => {
    const { t, owner, groupId } = await setup();
    // A name of its own, so the directory search finds it among every group the tests made.
    await owner.patch(`/api/groups/${groupId}`, { name: 'Card that says how it meets' });
    const card = async () =>
      (await t.person().get('/api/groups?q=card%20that%20says')).body.items.find(
        (g: { groupId: string }) => g.groupId === groupId,
      ).meets;
    expect(await card()).toBeNull();
    const series = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' } }),
    );
    await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({
        start: '2027-03-18T12:00',
        mode: 'in_person',
        online: undefined,
        capacity: { inPerson: 5 },
        venue: { name: 'Library', address: '2 Park Row', neighbourhood: 'Headingley', access: [] },
      }),
    );
    expect(await card()).toEqual({
      inPerson: true,
      online: true,
      places: ['City centre', 'Headingley'],
      next: '2027-03-16T18:30:00.000Z',
      nextMode: 'hybrid',
    });
    // The same on the group's own page.
    expect((await owner.get(`/api/groups/${groupId}`)).body.meets.next).toBe('2027-03-16T18:30:00.000Z');
    // Once the first has passed, the card names the next, and how that one meets.
    t.advance(Date.parse('2027-03-17T00:00Z') - t.now());
    expect(await card()).toMatchObject({ next: '2027-03-18T12:00:00.000Z', nextMode: 'in_person' });
    // A series cancelled, then the one-off: nothing is scheduled.
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    expect(
      (await owner.post(`/api/meetups/${series.body.meetup.meetupId}/cancel`, { reason: 'Room closed' }))
        .status,
    ).toBe(200);
    expect(await card()).toMatchObject({ inPerson: true, online: false, places: ['Headingley'] });
  });

  it('keeps a group’s time zone while meetups are set in it, so none moves unnoticed', async () => {
    const { owner, groupId } = await setup();
    const made = await owner.post(`/api/groups/${groupId}/meetups`, hybrid());
    const moved = await owner.patch(`/api/groups/${groupId}`, { timezone: 'America/New_York' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.fields).toEqual([
      { path: 'body.timezone', message: 'Upcoming meetups are set in this zone', key: 'zoneHasMeetups' },
    ]);
    expect((await owner.get(`/api/groups/${groupId}`)).body.timezone).toBe('Europe/London');
    // Other edits go through; once nothing is scheduled, the zone can change.
    expect((await owner.patch(`/api/groups/${groupId}`, { name: 'Renamed circle' })).status).toBe(200);
    await owner.post(`/api/occurrences/${made.body.occurrences[0].occurrenceId}/cancel`, {
      reason: 'Moving city',
    });
    expect((await owner.patch(`/api/groups/${groupId}`, { timezone: 'America/New_York' })).status).toBe(200);
  });

  it('refuses in-person attendance at an online meetup, pending members, and late RSVPs', async () => {
    const { t, owner, groupId } = await setup({ joinPolicy: 'approval' });
    const online = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ mode: 'online', venue: undefined, capacity: { online: 5 }, rsvpClosesMinutesBefore: 60 }),
    );
    const occ = online.body.occurrences[0].occurrenceId;
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    expect((await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' })).status).toBe(403);
    await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { status: 'active' });
    const wrong = await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('body.attendance');
    t.advance(Date.parse('2027-03-16T18:00Z') - t.now());
    const relogin = await p.post('/api/auth/login', {
      handle: p.handle,
      passphrase: 'quiet river morning tea',
    });
    expect(relogin.status, JSON.stringify(relogin.body)).toBe(200);
    const late = await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/closed/);
  });

  it('opens RSVPs when the organiser chose, not before, and closes them when chosen', async () => {
    const { t, owner, groupId } = await setup();
    const made = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ rsvpOpensHoursBefore: 48, rsvpClosesMinutesBefore: 120 }),
    );
    const occ = made.body.occurrences[0];
    expect([occ.rsvpOpensAt, occ.rsvpClosesAt]).toEqual([
      '2027-03-14T18:30:00.000Z',
      '2027-03-16T16:30:00.000Z',
    ]);
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    const early = await p.call('PUT', `/api/occurrences/${occ.occurrenceId}/rsvp`, { attendance: 'online' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('RSVPs open on Sun 14 Mar 2027 at 18:30 (United Kingdom Time)');
    // Asked in Spanish, the date and zone in the error's values are Spanish.
    const spanish = await p.call(
      'PUT',
      `/api/occurrences/${occ.occurrenceId}/rsvp`,
      { attendance: 'online' },
      { 'accept-language': 'es' },
    );
    expect(spanish.body.error).toMatchObject({
      key: 'rsvpsOpenOn',
      values: { when: expect.stringMatching(/dom, 14 mar 2027/), zone: 'Europe/London' },
    });
    t.advance(Date.parse('2027-03-14T18:30Z') - t.now());
    await p.post('/api/auth/login', { handle: p.handle, passphrase: 'quiet river morning tea' });
    const opened = await p.call('PUT', `/api/occurrences/${occ.occurrenceId}/rsvp`, { attendance: 'online' });
    expect(opened.body.rsvp).toEqual({ status: 'going', attendance: 'online' });
    t.advance(Date.parse('2027-03-16T16:30Z') - t.now());
    await p.post('/api/auth/login', { handle: p.handle, passphrase: 'quiet river morning tea' });
    const late = await p.call('PUT', `/api/occurrences/${occ.occurrenceId}/rsvp`, {
      attendance: 'in_person',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('RSVPs for this meetup have closed');
  });

  it('keeps the RSVP window with a meetup that moves: not open early, and never closed again once open', async () => {
    const { t, owner, groupId } = await setup();
    const made = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ rsvpOpensHoursBefore: 48, recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' } }),
    );
    const [first, second] = made.body.occurrences;
    const moved = await owner.patch(`/api/occurrences/${first.occurrenceId}`, { start: '2027-03-17T18:30' });
    expect(moved.body.rsvpOpensAt).toBe('2027-03-15T18:30:00.000Z');
    const series = await owner.patch(`/api/meetups/${first.meetupId}`, { time: '19:30' });
    expect(series.status).toBe(200);
    const later = await owner.get(`/api/occurrences/${second.occurrenceId}`);
    expect([later.body.startAt, later.body.rsvpOpensAt]).toEqual([
      '2027-03-23T19:30:00.000Z',
      '2027-03-21T19:30:00.000Z',
    ]);
    // Once open, a move later does not close RSVPs again.
    t.advance(Date.parse('2027-03-21T20:00Z') - t.now());
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    const again = await owner.patch(`/api/occurrences/${second.occurrenceId}`, { start: '2027-03-24T19:30' });
    expect(again.body.rsvpOpensAt).toBe('2027-03-21T19:30:00.000Z');
  });

  it('changes when RSVPs open and close for a whole series; RSVPs made stay', async () => {
    const { t, owner, groupId } = await setup();
    const made = await owner.post(
      `/api/groups/${groupId}/meetups`,
      hybrid({ start: '2026-11-26T18:30', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' } }),
    );
    const [first, second, third] = made.body.occurrences;
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    const rsvp = (who: typeof p, o: { occurrenceId: string }) =>
      who.call('PUT', `/api/occurrences/${o.occurrenceId}/rsvp`, { attendance: 'online' });
    expect((await rsvp(p, third)).status).toBe(200);
    const bad = await owner.patch(`/api/meetups/${first.meetupId}`, {
      rsvpOpensHoursBefore: 2,
      rsvpClosesMinutesBefore: 180,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.rsvpClosesMinutesBefore');
    const res = await owner.patch(`/api/meetups/${first.meetupId}`, {
      rsvpOpensHoursBefore: 168,
      rsvpClosesMinutesBefore: 60,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.meetup.rsvpOpensHoursBefore, res.body.meetup.rsvpClosesMinutesBefore]).toEqual([
      168, 60,
    ]);
    const windows = await Promise.all(
      [first, second, third].map(async (o) => {
        const v = (await owner.get(`/api/occurrences/${o.occurrenceId}`)).body;
        return [v.rsvpOpensAt, v.rsvpClosesAt];
      }),
    );
    expect(windows).toEqual([
      ['2026-11-19T18:30:00.000Z', '2026-11-26T17:30:00.000Z'],
      ['2026-11-26T18:30:00.000Z', '2026-12-03T17:30:00.000Z'],
      ['2026-12-03T18:30:00.000Z', '2026-12-10T17:30:00.000Z'],
    ]);
    // The third meetup's RSVPs now open on 3 December (the first's are open): no new ones, but
    // the one made stays (and may be withdrawn).
    const q = await t.signedUp();
    await q.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    expect((await rsvp(q, third)).status).toBe(409);
    expect((await rsvp(q, first)).status).toBe(200);
    expect((await p.get(`/api/occurrences/${third.occurrenceId}`)).body.rsvp).toEqual({
      status: 'going',
      attendance: 'online',
    });
    expect((await p.call('DELETE', `/api/occurrences/${third.occurrenceId}/rsvp`)).status).toBe(200);
    // Back to "as soon as it is scheduled": every upcoming meetup opens now.
    await owner.patch(`/api/meetups/${first.meetupId}`, { rsvpOpensHoursBefore: null });
    expect((await rsvp(q, third)).status).toBe(200);
  });

  it('lists my upcoming meetups across my groups', async () => {
    const { occ, member } = await scheduled();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    const mine = await p.get('/api/me/occurrences');
    expect(mine.body.items.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual([occ]);
  });
});
