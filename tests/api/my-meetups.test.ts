/**
 * "My meetups": every meetup a member is going to or waiting for, in all their groups, over the
 * window the page names; none left out because a group meets often or they belong to many.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MY_MEETUPS_DAYS } from '../../functions/core/meetups';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const online = (over: Record<string, unknown>) => ({
  title: 'Daily check-in',
  start: '2026-11-26T08:00',
  durationMinutes: 30,
  mode: 'online',
  online: { url: 'https://meet.example/daily' },
  capacity: { online: 50 },
  ...over,
});

describe('my meetups', () => {
  it('lists a meetup far down a busy group’s schedule, and says how far ahead it looks', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const member = await t.signedUp();
    const groupIds: string[] = [];
    for (const name of ['Daily circle', 'Weekly circle']) {
      const groupId = (await owner.post('/api/groups', groupInput({ name }))).body.groupId as string;
      await member.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
      groupIds.push(groupId);
    }
    // Eighty daily meetups: the member answers the 70th, and one of the other group's.
    const daily = await owner.post(
      `/api/groups/${groupIds[0]}/meetups`,
      online({ recurrence: { rrule: 'FREQ=DAILY;COUNT=80' } }),
    );
    expect(daily.status, JSON.stringify(daily.body)).toBe(201);
    const seventieth = daily.body.occurrences[69].occurrenceId as string;
    const other = await owner.post(
      `/api/groups/${groupIds[1]}/meetups`,
      online({ start: '2027-01-05T19:00' }),
    );
    const weekly = other.body.occurrences[0].occurrenceId as string;
    for (const id of [seventieth, weekly])
      expect((await member.call('PUT', `/api/occurrences/${id}/rsvp`, { attendance: 'online' })).status).toBe(
        200,
      );

    const mine = await member.get('/api/me/occurrences');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual([
      weekly,
      seventieth,
    ]);
    expect(Date.parse(mine.body.through) - t.now()).toBe(MY_MEETUPS_DAYS * 86_400_000);
  });
});
