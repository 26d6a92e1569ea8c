import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
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
    expect(notes[0].text).toMatch(/2027-03-23 at 18:30 to 2027-03-24 at 19:00/);
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
