/**
 * A change to a meetup that owes its people a notice (someone moved up a waiting list; it moved;
 * it was cancelled) records the notice before it makes the change: a crash before the request
 * told them leaves the record, and the owed-notices job tells them, once, if the change was made.
 * As in consistency.test.ts, the first part of the change is written by the repositories, as a
 * killed process leaves it.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owedByChange } from '../../functions/core/owed';
import { createFeedsApp } from '../../functions/feeds/app';
import { owedNotices } from '../../functions/jobs/owed-notices';
import type { Db } from '../../functions/store/client';
import { meetupsRepo } from '../../functions/store/repos/meetups';
import { owedRepo } from '../../functions/store/repos/owed';
import { owedByLeaving } from '../../functions/store/repos/rsvp-ledger';
import { SETTLE_MS } from '../../functions/store/settle';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  // Its own database: the job reads every record of notices owed.
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

async function setup() {
  const t = testApp(db);
  const owner = await t.signedUp();
  const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Thursday walk and talk',
    start: '2027-04-15T10:00',
    durationMinutes: 60,
    mode: 'in_person',
    venue: { name: 'Roundhay Park gates', address: 'Princes Avenue, Leeds LS8 2ER' },
    capacity: { inPerson: 1 },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const occ = made.body.occurrences[0].occurrenceId as string;
  const member = async () => {
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    return p;
  };
  const [a, b] = [await member(), await member()];
  await a.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
  await b.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' }); // waits
  const notices = async (p: typeof a, kind: string) =>
    (await p.get('/api/me/notifications')).body.items.filter((n: { kind: string }) => n.kind === kind);
  const job = () => owedNotices.run({ db, now: t.now() });
  const meetups = meetupsRepo(db);
  const owed = owedRepo(db);
  /** a withdraws, the way the route does it, up to the ledger write; then the process dies. */
  const aLeavesAndDies = async () => {
    const o = (await meetups.getOccurrence(occ))!;
    const record = await owed.record(occ, owedByLeaving(o, a.userId, t.now()));
    expect(record).not.toBeNull();
    return { record: record!, left: await meetups.cancelRsvp(occ, a.userId, t.now(), o) };
  };
  /** Records left, whatever their age. */
  const pending = async () => (await owed.due(t.now() + 10 * 60_000)).length;
  return { t, owner, occ, a, b, notices, job, meetups, owed, aLeavesAndDies, pending };
}

describe('notices a crash kept a change from telling', () => {
  it('reach whoever moved up a waiting list, from the job, once no request can be telling', async () => {
    const { t, occ, b, notices, job, aLeavesAndDies, pending } = await setup();
    await aLeavesAndDies();
    expect((await b.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');
    expect(await notices(b, 'promoted')).toHaveLength(0);
    // A request might still be telling: the job waits.
    expect(await job()).toEqual([]);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 1 }]);
    const [told] = await notices(b, 'promoted');
    expect(told.text).toMatch(/^A place opened up: you are now going to “Thursday walk and talk” on /);
    // Told, and off the list.
    expect(await pending()).toBe(0);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
  });

  it('tell nobody when the process died before the change was made', async () => {
    const { t, occ, a, b, notices, job, meetups, owed, pending } = await setup();
    const o = (await meetups.getOccurrence(occ))!;
    await owed.record(occ, owedByLeaving(o, a.userId, t.now()));
    await owed.record(occ, [{ kind: 'cancelled', at: t.now(), reason: 'Never sent' }]);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([]);
    expect(await pending()).toBe(0);
    for (const kind of ['promoted', 'cancelled']) expect(await notices(b, kind)).toHaveLength(0);
    expect((await a.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');
  });

  it('are not told twice when the request told them but died before taking the record off', async () => {
    const { t, occ, b, notices, job, owed, aLeavesAndDies } = await setup();
    const { record, left } = await aLeavesAndDies();
    await owed.tell(left.occurrence, record);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    // The record as it was before it was taken off:
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: { ...record.key, occurrenceId: occ, owed: record.owed } }),
    );
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 1 }]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    expect(await job()).toEqual([]);
  });

  it('reach everyone with an RSVP when a meetup was cancelled, even if cancelling again does nothing', async () => {
    const { t, owner, occ, a, b, notices, job, meetups, owed } = await setup();
    const reason = 'The park is closed for a storm';
    await owed.record(occ, [{ kind: 'cancelled', at: t.now(), reason }]);
    expect(await meetups.cancelOccurrence(occ, reason, t.now())).not.toBeNull();
    // Cancelling again finds it cancelled and does nothing more…
    expect((await owner.post(`/api/occurrences/${occ}/cancel`, { reason: 'Storm' })).status).toBe(200);
    expect(await notices(a, 'cancelled')).toHaveLength(0);
    // …and the job tells both.
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 2 }]);
    for (const p of [a, b]) {
      const told = await notices(p, 'cancelled');
      expect(told).toHaveLength(1);
      expect(told[0].text).toMatch(/is cancelled: The park is closed for a storm$/);
    }
  });

  it('reach everyone who had a place when a cancelled meetup was put back on, and their feeds forget it', async () => {
    const { t, owner, occ, a, b, notices, job, meetups, owed } = await setup();
    const feed = (await a.post('/api/me/feed')).body.feed.path as string;
    await owner.post(`/api/occurrences/${occ}/cancel`, { reason: 'Storm' });
    const o = (await meetups.getOccurrence(occ))!;
    await owed.record(occ, [{ kind: 'restored', at: t.now(), userIds: [a.userId, b.userId] }]);
    expect(await meetups.restoreOccurrence(occ, o.version, t.now())).not.toBeNull();
    // The process died here: a's feed still has the RSVP the restore did not keep.
    const feeds = createFeedsApp({ db, now: t.now });
    const stale = await feeds.request(feed);
    expect(await stale.text()).toContain(`UID:${occ}@hearth`);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 2 }]);
    for (const p of [a, b]) expect(await notices(p, 'restored')).toHaveLength(1);
    // A calendar app asking whether it changed is told it did, and gets it without the meetup.
    const fresh = await feeds.request(feed, { headers: { 'if-none-match': stale.headers.get('etag')! } });
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).not.toContain(`UID:${occ}@hearth`);
  });

  it('reach everyone with an RSVP when a meetup moved, with both times', async () => {
    const { t, occ, a, b, notices, job, meetups, owed } = await setup();
    const o = (await meetups.getOccurrence(occ))!;
    const set = { startAt: o.startAt + 3_600_000, endAt: o.endAt + 3_600_000 };
    const moved = owedByChange(o, set, t.now());
    expect(moved.map((e) => e.kind)).toEqual(['moved']);
    await owed.record(occ, moved);
    expect(await meetups.updateOccurrence(occ, set, { now: t.now() })).not.toBeNull();
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 2 }]);
    for (const p of [a, b]) {
      const told = await notices(p, 'moved');
      expect(told).toHaveLength(1);
      expect(told[0].text).toMatch(/has moved from .*10:00.* to .*11:00/);
    }
  });

  it('are told by the request itself when nothing fails, and the record goes with it', async () => {
    const { t, occ, a, b, notices, job, pending } = await setup();
    expect((await a.del(`/api/occurrences/${occ}/rsvp`)).status).toBe(200);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    expect(await pending()).toBe(0);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
  });
});
