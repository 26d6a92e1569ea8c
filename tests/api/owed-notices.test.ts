/**
 * A change to a meetup that owes its people a notice (someone moved up a waiting list; it moved;
 * it was cancelled) records the notice with the change: a crash before the request told them
 * leaves the record, and the owed-notices job tells them, once. As in consistency.test.ts, the
 * first half of the change is written by the repositories, as a killed process leaves it.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owedByChange } from '../../functions/core/owed';
import { owedNotices } from '../../functions/jobs/owed-notices';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { meetupsRepo } from '../../functions/store/repos/meetups';
import { owedOf, owedRepo } from '../../functions/store/repos/owed';
import { SETTLE_MS } from '../../functions/store/settle';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  // Its own database: the job reads every occurrence owing notices.
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
  return { t, owner, occ, a, b, notices, job };
}

describe('notices a crash kept a change from telling', () => {
  it('reach whoever moved up a waiting list, from the job, once no request can be telling', async () => {
    const { t, occ, a, b, notices, job } = await setup();
    // a withdrew; the process died before b was told.
    const left = await meetupsRepo(db).cancelRsvp(occ, a.userId, t.now());
    expect(left.owed).toHaveLength(1);
    expect((await b.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');
    expect(await notices(b, 'promoted')).toHaveLength(0);
    // A request might still be telling: the job waits.
    expect(await job()).toEqual([]);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 1 }]);
    const [told] = await notices(b, 'promoted');
    expect(told.text).toMatch(/^A place opened up: you are now going to “Thursday walk and talk” on /);
    // Told, and off the list.
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    expect(owedOf((await meetupsRepo(db).getOccurrence(occ)) as { owed?: Set<string> })).toEqual([]);
  });

  it('are not told twice when the request told them but died before taking the record off', async () => {
    const { t, occ, a, b, notices, job } = await setup();
    const left = await meetupsRepo(db).cancelRsvp(occ, a.userId, t.now());
    const owed = owedRepo(db);
    await owed.tell(left.occurrence, left.owed);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    // The record as it was before it was taken off:
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.occurrence(occ),
        UpdateExpression: 'ADD owed :owed SET gsi1pk = :p, gsi1sk = :s',
        ExpressionAttributeValues: {
          ':owed': new Set(left.owed.map((o) => JSON.stringify(o))),
          ...{ ':p': keys.owedNotices(t.now(), occ).gsi1pk, ':s': keys.owedNotices(t.now(), occ).gsi1sk },
        },
      }),
    );
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 1 }]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    expect(await job()).toEqual([]);
  });

  it('reach everyone with an RSVP when a meetup was cancelled, even if cancelling again does nothing', async () => {
    const { t, owner, occ, a, b, notices, job } = await setup();
    expect(
      await meetupsRepo(db).cancelOccurrence(occ, 'The park is closed for a storm', t.now()),
    ).not.toBeNull();
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

  it('reach everyone with an RSVP when a meetup moved, with both times', async () => {
    const { t, occ, a, b, notices, job } = await setup();
    const meetups = meetupsRepo(db);
    const o = (await meetups.getOccurrence(occ))!;
    const set = { startAt: o.startAt + 3_600_000, endAt: o.endAt + 3_600_000 };
    const owed = owedByChange(o, set, t.now());
    expect(owed.map((e) => e.kind)).toEqual(['moved']);
    expect(await meetups.updateOccurrence(occ, set, { now: t.now(), owed })).not.toBeNull();
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([{ occurrenceId: occ, told: 2 }]);
    for (const p of [a, b]) {
      const told = await notices(p, 'moved');
      expect(told).toHaveLength(1);
      expect(told[0].text).toMatch(/has moved from .*10:00.* to .*11:00/);
    }
  });

  it('are told by the request itself when nothing fails, and the record goes with it', async () => {
    const { t, occ, a, b, notices, job } = await setup();
    expect((await a.del(`/api/occurrences/${occ}/rsvp`)).status).toBe(200);
    expect(await notices(b, 'promoted')).toHaveLength(1);
    expect(owedOf((await meetupsRepo(db).getOccurrence(occ)) as { owed?: Set<string> })).toEqual([]);
    t.advance(SETTLE_MS);
    expect(await job()).toEqual([]);
    expect(await notices(b, 'promoted')).toHaveLength(1);
  });
});
