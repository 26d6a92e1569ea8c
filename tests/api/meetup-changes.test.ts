import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';

const groupOfSeries = (meetupId: string) => meetupId.slice(0, 22);

import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

async function series(over: Record<string, unknown> = {}) {
  const t = testApp(db);
  const owner = await t.signedUp();
  const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
  const created = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Weekly circle',
    start: '2027-03-16T18:30',
    durationMinutes: 90,
    mode: 'hybrid',
    venue: { name: 'Community room', address: '12 Harbour Street' },
    online: { url: 'https://meet.example/circle' },
    capacity: { inPerson: 2, online: 5 },
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' },
    ...over,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const member = async () => {
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    return p;
  };
  return {
    t,
    owner,
    groupId,
    member,
    meetupId: created.body.meetup.meetupId as string,
    occ: created.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[],
  };
}

describe('changing one occurrence', () => {
  it('moves it: same id, higher sequence, new time, and the people going are told', async () => {
    const { owner, occ, member } = await series();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ[1]}/rsvp`, { attendance: 'online' });
    const moved = await owner.patch(`/api/occurrences/${occ[1]}`, {
      start: '2027-03-24T19:00',
      title: 'Wednesday this week',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      occurrenceId: occ[1],
      sequence: 1,
      startLocal: '2027-03-24T19:00',
      startAt: '2027-03-24T19:00:00.000Z',
    });
    const notes = (await p.get('/api/me/notifications')).body.items;
    expect(notes[0]).toMatchObject({ kind: 'moved', occurrenceId: occ[1] });
    expect(notes[0].text).toMatch(/Tue 23 Mar 2027 at 18:30 to Wed 24 Mar 2027 at 19:00/);
    expect((await p.get(`/api/occurrences/${occ[1]}`)).body.rsvp).toEqual({
      status: 'going',
      attendance: 'online',
    });
  });

  it('raising capacity seats the first in line; lowering it below who is going is refused', async () => {
    const { owner, occ, member } = await series();
    const people = [await member(), await member(), await member()];
    for (const p of people)
      await p.call('PUT', `/api/occurrences/${occ[0]}/rsvp`, { attendance: 'in_person' });
    expect((await owner.patch(`/api/occurrences/${occ[0]}`, { capacity: { inPerson: 1 } })).status).toBe(409);
    const raised = await owner.patch(`/api/occurrences/${occ[0]}`, { capacity: { inPerson: 3 } });
    expect(raised.body.seats.inPerson).toEqual({ capacity: 3, going: 3, waitlisted: 0 });
    expect((await people[2]!.get('/api/me/notifications')).body.items[0].kind).toBe('promoted');
  });

  it('cancels it with a reason: RSVPs are closed and everyone with one is told', async () => {
    const { owner, occ, member } = await series();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ[2]}/rsvp`, { attendance: 'online' });
    const cancelled = await owner.post(`/api/occurrences/${occ[2]}/cancel`, { reason: 'The room flooded' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The room flooded',
      sequence: 1,
    });
    expect((await p.call('PUT', `/api/occurrences/${occ[2]}/rsvp`, { attendance: 'in_person' })).status).toBe(
      409,
    );
    const notes = (await p.get('/api/me/notifications')).body.items;
    expect(notes[0]).toMatchObject({ kind: 'cancelled' });
    expect(notes[0].text).toMatch(/The room flooded/);
    expect((await owner.post(`/api/occurrences/${occ[2]}/cancel`, { reason: '' })).status).toBe(400);
  });

  it('puts a cancelled one back on with nobody’s place kept, telling who had one, and their feeds forget it', async () => {
    const { t, owner, occ, member } = await series({ capacity: { inPerson: 1, online: 5 } });
    const [p, q] = [await member(), await member()];
    const feed = (await p.post('/api/me/feed')).body.feed.path as string;
    await p.call('PUT', `/api/occurrences/${occ[2]}/rsvp`, { attendance: 'in_person' });
    await q.call('PUT', `/api/occurrences/${occ[2]}/rsvp`, { attendance: 'in_person' }); // waits
    await owner.post(`/api/occurrences/${occ[2]}/cancel`, { reason: 'The room flooded' });
    const restored = await owner.post(`/api/occurrences/${occ[2]}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({
      told: 2,
      occurrence: {
        status: 'scheduled',
        cancelReason: null,
        sequence: 2,
        seats: { inPerson: { going: 0, waitlisted: 0 } },
      },
    });
    for (const who of [p, q]) {
      const notes = (await who.get('/api/me/notifications')).body.items;
      const back = notes.find((n: { kind: string }) => n.kind === 'restored');
      expect(back).toMatchObject({ kind: 'restored', occurrenceId: occ[2] });
      expect(back.text).toMatch(/is back on\. Places and duties were not kept: RSVP again/);
      expect((await who.get(`/api/occurrences/${occ[2]}`)).body.rsvp).toBeNull();
    }
    // Nobody holds a place, so the member's feed of their own meetups no longer lists it…
    const feeds = createFeedsApp({ db, now: t.now });
    const listed = await (await feeds.request(feed)).text();
    expect(listed).not.toContain(`UID:${occ[2]}@hearth`);
    // …and anyone may RSVP again, first come first served.
    const again = await q.call('PUT', `/api/occurrences/${occ[2]}/rsvp`, { attendance: 'in_person' });
    expect(again.body.rsvp).toMatchObject({ status: 'going' });
    // Restoring what is on already changes nothing.
    expect((await owner.post(`/api/occurrences/${occ[2]}/restore`)).body).toMatchObject({ told: 0 });
  });

  it('refuses to restore a meetup whose time has passed, a date the series left, or one of a cancelled series', async () => {
    const { t, owner, occ, member, meetupId } = await series();
    const p = await member();
    await owner.post(`/api/occurrences/${occ[0]}/cancel`, { reason: 'Ill' });
    expect((await p.post(`/api/occurrences/${occ[0]}/restore`)).status).toBe(403);
    // The series takes four dates: the last two are cancelled by it, not on their own.
    await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { start: '2027-03-16T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
    });
    const left = await owner.post(`/api/occurrences/${occ[5]}/restore`);
    expect(left.status).toBe(409);
    expect(left.body.error.message).toMatch(/no longer one of the series’ dates/);
    await owner.post(`/api/occurrences/${occ[1]}/cancel`, { reason: 'Ill' });
    await owner.post(`/api/meetups/${meetupId}/cancel`, { reason: 'The group is pausing' });
    const whole = await owner.post(`/api/occurrences/${occ[1]}/restore`);
    expect(whole.body.error.message).toBe('The whole series is cancelled');
    t.advance(Date.parse('2027-03-17T00:00Z') - t.now());
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    const past = await owner.post(`/api/occurrences/${occ[0]}/restore`);
    expect(past.body.error.message).toBe('This meetup’s time has passed');
  });

  it('is for owners and facilitators only', async () => {
    const { occ, member, meetupId } = await series();
    const p = await member();
    expect((await p.patch(`/api/occurrences/${occ[0]}`, { title: 'Mine now' })).status).toBe(403);
    expect((await p.post(`/api/occurrences/${occ[0]}/cancel`, { reason: 'no' })).status).toBe(403);
    expect((await p.patch(`/api/meetups/${meetupId}`, { title: 'Mine now' })).status).toBe(403);
  });
});

describe('changing the series', () => {
  it('moves future occurrences to a new time of day, right across DST, but keeps a moved one where it is', async () => {
    const { owner, occ, meetupId } = await series();
    await owner.patch(`/api/occurrences/${occ[3]}`, { start: '2027-04-07T12:00' });
    const res = await owner.patch(`/api/meetups/${meetupId}`, { time: '19:15', title: 'Evening circle' });
    expect(res.body).toMatchObject({ updated: 6, skipped: 0 });
    const starts = [];
    for (const id of occ) starts.push((await owner.get(`/api/occurrences/${id}`)).body);
    expect(starts.map((o) => o.startLocal)).toEqual([
      '2027-03-16T19:15',
      '2027-03-23T19:15',
      '2027-03-30T19:15',
      '2027-04-07T12:00',
      '2027-04-13T19:15',
      '2027-04-20T19:15',
    ]);
    expect(starts[2].startAt).toBe('2027-03-30T18:15:00.000Z'); // BST
    expect(starts.every((o) => o.title === 'Evening circle')).toBe(true);
  });

  it('cancels every future occurrence of a cancelled series', async () => {
    const { owner, occ, meetupId, t } = await series();
    t.advance(Date.parse('2027-03-17T00:00Z') - t.now());
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    const res = await owner.post(`/api/meetups/${meetupId}/cancel`, {
      reason: 'The group is taking a break',
    });
    expect(res.body.status).toBe('cancelled');
    const statuses = [];
    for (const id of occ) statuses.push((await owner.get(`/api/occurrences/${id}`)).body.status);
    expect(statuses).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });
});

describe('new dates for a series', () => {
  const starts = async (
    who: { get: (p: string) => Promise<{ body: { startLocal: string; status: string } }> },
    ids: string[],
  ) => {
    const out = [];
    for (const id of ids) out.push((await who.get(`/api/occurrences/${id}`)).body);
    return out;
  };

  it('made longer, keeps every occurrence and RSVP and adds the new dates after them', async () => {
    const { owner, occ, meetupId, member } = await series();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ[5]}/rsvp`, { attendance: 'online' });
    await owner.patch(`/api/occurrences/${occ[4]}`, { start: '2027-04-14T18:30' }); // moved on its own
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ added: 2, cancelled: 0, meetup: { repeats: 'every Tuesday, 8 times' } });
    const page = (
      await owner.get(`/api/groups/${groupOfSeries(meetupId)}/occurrences?from=2027-03-01T00:00Z`)
    ).body.items as { occurrenceId: string; startLocal: string }[];
    expect(page.map((o) => o.startLocal.slice(0, 10))).toEqual([
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
      '2027-04-14',
      '2027-04-20',
      '2027-04-27',
      '2027-05-04',
    ]);
    expect(page.slice(0, 6).map((o) => o.occurrenceId)).toEqual(occ);
    expect((await p.get(`/api/occurrences/${occ[5]}`)).body.rsvp).toMatchObject({ status: 'going' });
    expect((await p.get('/api/me/notifications')).body.items).toEqual([]);
  });

  it('made shorter, cancels the dates it drops and tells everyone with an RSVP', async () => {
    const { owner, occ, meetupId, member } = await series();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ[5]}/rsvp`, { attendance: 'online' });
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270406' },
    });
    expect(res.body).toMatchObject({ added: 0, cancelled: 2 });
    expect((await starts(owner, occ)).map((o) => o.status)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
      'scheduled',
      'cancelled',
      'cancelled',
    ]);
    const [note] = (await p.get('/api/me/notifications')).body.items;
    expect(note).toMatchObject({ kind: 'cancelled', occurrenceId: occ[5] });
    expect(note.text).toMatch(/moved to new dates/);
  });

  it('on other weekdays, keeps what is on a new date and cancels only what is not, leaving the past alone', async () => {
    const { owner, occ, meetupId, member, t } = await series();
    const tuesday = await member();
    const third = occ[2]!;
    await tuesday.call('PUT', `/api/occurrences/${third}/rsvp`, { attendance: 'in_person' });
    t.advance(Date.parse('2027-03-20T12:00Z') - t.now()); // two have happened
    for (const who of [owner, tuesday])
      await who.post('/api/auth/login', { handle: who.handle, passphrase: 'quiet river morning tea' });
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { start: '2027-03-30T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 30 March, 1, 6 and 8 April: the Tuesdays were there already (30 March and 6 April keep
    // their ids and RSVPs); 23 March is not on the new pattern, nor are 13 and 20 April.
    expect(res.body).toMatchObject({ added: 2, cancelled: 3 });
    expect((await starts(owner, occ)).map((o) => `${o.startLocal} ${o.status}`)).toEqual([
      '2027-03-16T18:30 scheduled',
      '2027-03-23T18:30 cancelled',
      '2027-03-30T18:30 scheduled',
      '2027-04-06T18:30 scheduled',
      '2027-04-13T18:30 cancelled',
      '2027-04-20T18:30 cancelled',
    ]);
    expect((await tuesday.get(`/api/occurrences/${third}`)).body.rsvp).toMatchObject({ status: 'going' });
    const page = (
      await owner.get(`/api/groups/${groupOfSeries(meetupId)}/occurrences?from=2027-03-25T00:00Z`)
    ).body.items as { occurrenceId: string; startLocal: string; status: string }[];
    const ahead = page.filter((o) => o.status === 'scheduled');
    expect(ahead.map((o) => o.startLocal)).toEqual([
      '2027-03-30T18:30',
      '2027-04-01T18:30',
      '2027-04-06T18:30',
      '2027-04-08T18:30',
    ]);
    // New occurrences take ids no occurrence ever had.
    expect(new Set(ahead.map((o) => o.occurrenceId)).size).toBe(4);
    expect(ahead.filter((o) => !occ.includes(o.occurrenceId))).toHaveLength(2);
    // A further change goes on from there, and repeating it changes nothing more.
    const again = { recurrence: { start: '2027-03-30T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5' } };
    expect((await owner.patch(`/api/meetups/${meetupId}`, again)).body).toMatchObject({
      added: 1,
      cancelled: 0,
    });
    expect((await owner.patch(`/api/meetups/${meetupId}`, again)).body).toMatchObject({
      added: 0,
      cancelled: 0,
    });
  });

  it('leaves a date cancelled on its own cancelled under the new pattern', async () => {
    const { owner, occ, meetupId } = await series();
    await owner.post(`/api/occurrences/${occ[3]}/cancel`, { reason: 'Easter holiday' });
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { start: '2027-03-30T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4' },
    });
    // 30 March, 1 April, (6 April stays cancelled), 8 April.
    expect(res.body).toMatchObject({ added: 2, cancelled: 4 });
    const page = (
      await owner.get(`/api/groups/${groupOfSeries(meetupId)}/occurrences?from=2027-03-01T00:00Z`)
    ).body.items as { startLocal: string; status: string; cancelReason: string | null }[];
    expect(page.filter((o) => o.startLocal.startsWith('2027-04-06'))).toMatchObject([
      { status: 'cancelled', cancelReason: 'Easter holiday' },
    ]);
    expect(page.filter((o) => o.status === 'scheduled').map((o) => o.startLocal)).toEqual([
      '2027-03-30T18:30',
      '2027-04-01T18:30',
      '2027-04-08T18:30',
    ]);
  });

  it('refuses a pattern outside the subset, one not matching its first date, or with nothing ahead, changing nothing', async () => {
    const { owner, meetupId } = await series();
    const before = (await owner.get(`/api/meetups/${meetupId}`)).body;
    for (const [recurrence, path] of [
      [{ rrule: 'FREQ=HOURLY' }, 'body.recurrence.rrule'],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3' }, 'body.recurrence.rrule'],
      [{ start: '2026-01-06T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' }, 'body.recurrence.rrule'],
      [{ start: '2027-02-30T18:30', rrule: 'FREQ=WEEKLY;COUNT=3' }, 'body.recurrence.start'],
      [{ rrule: 'FREQ=DAILY;COUNT=501' }, 'body.recurrence.rrule'],
    ] as const) {
      const res = await owner.patch(`/api/meetups/${meetupId}`, { title: 'Renamed', recurrence });
      expect(res.status, JSON.stringify(recurrence)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await owner.get(`/api/meetups/${meetupId}`)).body).toEqual(before);
  });

  it('turns a one-off meetup into a series that starts with it', async () => {
    const { owner, occ, meetupId } = await series({ recurrence: undefined });
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=3TU;COUNT=3' },
    });
    expect(res.body).toMatchObject({
      added: 2,
      cancelled: 0,
      meetup: { rrule: 'FREQ=MONTHLY;BYDAY=3TU;COUNT=3' },
    });
    // The meetup it was is now part of the series (its page offers to change the series).
    expect((await owner.get(`/api/occurrences/${occ[0]}`)).body).toMatchObject({
      status: 'scheduled',
      recurring: true,
    });
  });
});

describe('attendance', () => {
  it('takes a headcount after the start, and check-ins only where the group checks people in', async () => {
    const { owner, occ, member, groupId, t } = await series();
    const p = await member();
    await p.call('PUT', `/api/occurrences/${occ[0]}/rsvp`, { attendance: 'in_person' });
    expect(
      (await owner.post(`/api/occurrences/${occ[0]}/attendance`, { headcount: { inPerson: 5 } })).status,
    ).toBe(409);
    t.advance(Date.parse('2027-03-16T19:00Z') - t.now());
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    const ok = await owner.post(`/api/occurrences/${occ[0]}/attendance`, {
      headcount: { inPerson: 5, online: 3 },
    });
    expect(ok.body).toMatchObject({ headcount: { inPerson: 5, online: 3 }, checkedIn: 0 });
    const off = await owner.post(`/api/occurrences/${occ[0]}/attendance`, { checkedIn: [p.userId] });
    expect(off.status).toBe(400);
    await owner.patch(`/api/groups/${groupId}`, { checkIn: true });
    expect(
      (await owner.post(`/api/occurrences/${occ[0]}/attendance`, { checkedIn: [p.userId] })).body.checkedIn,
    ).toBe(1);
    expect(
      (await owner.post(`/api/occurrences/${occ[0]}/attendance`, { checkedIn: [owner.userId] })).status,
    ).toBe(400);
  });
});
