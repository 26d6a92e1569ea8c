/**
 * A private group's inside is for its active members: a request still waiting, or a member who
 * left, is an outsider to its meetups, schedule and calendars (404, as for no such thing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

describe('a private group’s meetups', () => {
  it('are 404 to a pending requester and to one who left, exactly as a missing meetup, and open once approved', async () => {
    const t = testApp(db);
    const feeds = createFeedsApp({ db, now: t.now });
    const owner = await t.signedUp();
    const groupId = (
      await owner.post('/api/groups', groupInput({ visibility: 'private', joinPolicy: 'approval' }))
    ).body.groupId as string;
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Quiet circle',
      description: 'In the back room; ring the bell.',
      start: '2027-03-16T18:30',
      durationMinutes: 90,
      mode: 'in_person',
      venue: { name: 'Back room', address: '1 Side Street', neighbourhood: 'Old town' },
      capacity: { inPerson: 8 },
    });
    const occurrenceId = made.body.occurrences[0].occurrenceId as string;
    const meetupId = made.body.meetup.meetupId as string;
    const invite = (await owner.post(`/api/groups/${groupId}/invites`, {})).body.token as string;
    const asker = await t.signedUp();
    expect(
      (await asker.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, invite })).body.status,
    ).toBe('pending');
    const reads = async (p: typeof asker) => [
      (await p.get(`/api/occurrences/${occurrenceId}`)).status,
      (await p.get(`/api/meetups/${meetupId}`)).status,
      (await p.get(`/api/groups/${groupId}/occurrences`)).status,
      (await feeds.request(`/api/occurrences/${occurrenceId}/event.ics`, { headers: { cookie: p.cookie } }))
        .status,
    ];
    expect(await reads(asker)).toEqual([404, 404, 404, 404]);
    // Exactly as a meetup that does not exist.
    const missing = await asker.get(`/api/occurrences/${groupId}${'A'.repeat(11)}`);
    expect((await asker.get(`/api/occurrences/${occurrenceId}`)).body).toEqual(missing.body);
    const text = JSON.stringify(await (await asker.get(`/api/occurrences/${occurrenceId}`)).body);
    for (const secret of ['Quiet circle', 'back room', 'Old town']) expect(text).not.toContain(secret);

    await owner.patch(`/api/groups/${groupId}/members/${asker.userId}`, { status: 'active' });
    expect(await reads(asker)).toEqual([200, 200, 200, 200]);
    await asker.del(`/api/groups/${groupId}/members/me`);
    expect(await reads(asker)).toEqual([404, 404, 404, 404]);
  });
});
