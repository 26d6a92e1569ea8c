/**
 * A member's calendar feed notes each RSVP they make after the RSVP's ledger write: what a crash
 * between the two would leave, and how the feed's next reads repair it (as in consistency.test.ts,
 * the first half of the change is written by the repositories, as a killed process leaves it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { feedsRepo } from '../../functions/store/repos/feeds';
import { meetupsRepo } from '../../functions/store/repos/meetups';
import { SETTLE_MS } from '../../functions/store/settle';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { parseCalendar } from '../support/ical';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

async function setup() {
  const t = testApp(db);
  const feedsApp = createFeedsApp({ db, now: t.now });
  const owner = await t.signedUp();
  const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Tuesday evening circle',
    start: '2027-03-16T18:30',
    durationMinutes: 90,
    mode: 'hybrid',
    venue: { name: 'Mind Centre', address: '12 Harbour Street, Leeds LS1 1AA' },
    online: { url: 'https://meet.example/quiet-room' },
    capacity: { inPerson: 1, online: 5 },
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' },
  });
  expect(made.status).toBe(201);
  const occurrences = made.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
  const me = await t.signedUp();
  await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
  const path = (await me.post('/api/me/feed')).body.feed.path as string;
  const userId = (await me.get('/api/me')).body.userId as string;
  /** The feed's events' occurrence ids, in order. */
  const shown = async () => {
    const res = await feedsApp.request(path);
    expect(res.status).toBe(200);
    return parseCalendar(await res.text()).events.map((e) => e.uid.replace(/@hearth$/, ''));
  };
  return { t, owner, groupId, occurrences, me, userId, shown };
}

describe('a crash between an RSVP and its note on the calendar feed', () => {
  it('shows what the ledger says at once, and is noted once no change is in flight', async () => {
    const { t, occurrences, me, userId, shown } = await setup();
    const feeds = feedsRepo(db);
    const meetups = meetupsRepo(db);
    await me.call('PUT', `/api/occurrences/${occurrences[0]}/rsvp`, { attendance: 'online' });
    expect(await shown()).toEqual([occurrences[0]]);

    // An RSVP to the second meetup: marked, written to the ledger, then the process died.
    t.advance(1_000);
    expect(await feeds.markUnsure(userId, occurrences[1]!, t.now())).not.toBeNull();
    await meetups.rsvp(occurrences[1]!, userId, 'online', t.now());
    // And a withdrawal from the first, the same way.
    expect(await feeds.markUnsure(userId, occurrences[0]!, t.now())).not.toBeNull();
    await meetups.cancelRsvp(occurrences[0]!, userId, t.now());
    // And one that died before its ledger write: nothing changed.
    expect(await feeds.markUnsure(userId, occurrences[2]!, t.now())).not.toBeNull();

    // The feed shows the ledger's truth at once (the markers changed its version: no stale 304)…
    expect(await shown()).toEqual([occurrences[1]]);
    expect((await feeds.getFeed(userId))!.unsure?.size).toBe(3);
    // …and once settled, notes it: the markers go, and the answers are the ledger's.
    t.advance(SETTLE_MS);
    expect(await shown()).toEqual([occurrences[1]]);
    const feed = (await feeds.getFeed(userId))!;
    expect(feed.unsure?.size ?? 0).toBe(0);
    expect(feed.rsvps).toEqual({ [occurrences[1]!]: 'online' });
    expect(await shown()).toEqual([occurrences[1]]);
    // The web app and the feed agree.
    const mine = (await me.get('/api/me/occurrences')).body.items.map(
      (o: { occurrenceId: string }) => o.occurrenceId,
    );
    expect(mine).toEqual([occurrences[1]]);
  });

  it('never lets an older note of an answer overwrite a newer one (two tabs)', async () => {
    const { occurrences, me, userId, shown, t } = await setup();
    const feeds = feedsRepo(db);
    await me.call('PUT', `/api/occurrences/${occurrences[0]}/rsvp`, { attendance: 'online' });
    const noted = (await meetupsRepo(db).getOccurrence(occurrences[0]!))!.version;
    const withdrawn = await me.del(`/api/occurrences/${occurrences[0]}/rsvp`);
    expect(withdrawn.status).toBe(200);
    expect(await shown()).toEqual([]);
    // The first request's note arriving last, as a slow request's would:
    await feeds.noteRsvp(userId, occurrences[0]!, 'online', noted, [], t.now());
    expect(await shown()).toEqual([]);
    expect((await feeds.getFeed(userId))!.rsvps).toEqual({});
  });

  it('forgets the places a member gave up by leaving, so rejoining brings none back', async () => {
    const { groupId, occurrences, me, shown } = await setup();
    await me.call('PUT', `/api/occurrences/${occurrences[2]}/rsvp`, { attendance: 'in_person' });
    expect(await shown()).toEqual([occurrences[2]]);
    expect((await me.del(`/api/groups/${groupId}/members/me`)).status).toBe(200);
    expect(await shown()).toEqual([]);
    await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    expect(await shown()).toEqual([]);
  });
});
