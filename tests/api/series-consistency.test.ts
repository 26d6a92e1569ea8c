/**
 * A change to a series writes the series, then each of its meetups: a process that dies between
 * (made to here by failing one write of the request, as a kill would) leaves the change recorded
 * as unfinished, and the organiser's next look at the series finishes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { meetupsRepo } from '../../functions/store/repos/meetups';
import { SETTLE_MS } from '../../functions/store/settle';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

/** The `nth` DynamoDB call whose command matches `command` fails, as if the process died there. */
function dieAt(command: RegExp, nth: number) {
  let seen = 0;
  const name = `die${Math.random()}`;
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (command.test(context.commandName ?? '') && ++seen === nth) throw new Error('killed');
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => db.doc.middlewareStack.remove(name);
}

async function series() {
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
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const meetupId = created.body.meetup.meetupId as string;
  const occ = created.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
  const member = await t.signedUp();
  await member.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
  const schedule = async () =>
    (
      (await owner.get(`/api/groups/${groupId}/occurrences?from=2027-03-01T00:00Z`)).body.items as {
        startLocal: string;
        status: string;
        title: string;
      }[]
    ).map((o) => `${o.startLocal} ${o.status}`);
  const notices = async (kind: string) =>
    (await member.get('/api/me/notifications')).body.items.filter((n: { kind: string }) => n.kind === kind);
  const unfinished = async () => (await meetupsRepo(db).getMeetup(meetupId))!.unfinished;
  return { t, owner, member, meetupId, occ, schedule, notices, unfinished };
}

describe('a change to a series a crash left half-done', () => {
  it('of dates, stopped before the new meetups were written, is finished by the organiser’s next look', async () => {
    const { t, owner, member, meetupId, occ, schedule, notices, unfinished } = await series();
    await member.call('PUT', `/api/occurrences/${occ[5]}/rsvp`, { attendance: 'online' });
    const undo = dieAt(/BatchWrite/, 1);
    const res = await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { start: '2027-03-30T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4' },
    });
    undo();
    expect(res.status).toBe(500);
    expect(await unfinished()).toBeDefined();
    // The old meetups stand; none of the new ones is there yet.
    expect((await schedule()).filter((s) => s.endsWith('scheduled'))).toHaveLength(6);
    // A look while the change could still be running leaves it alone…
    await owner.get(`/api/meetups/${meetupId}`);
    expect((await schedule()).filter((s) => s.endsWith('scheduled'))).toHaveLength(6);
    // …and once settled, finishes it: as the change would have left it.
    t.advance(SETTLE_MS);
    expect((await owner.get(`/api/meetups/${meetupId}`)).status).toBe(200);
    expect(await schedule()).toEqual([
      '2027-03-16T18:30 cancelled',
      '2027-03-23T18:30 cancelled',
      '2027-03-30T18:30 scheduled',
      '2027-04-01T18:30 scheduled',
      '2027-04-06T18:30 scheduled',
      '2027-04-08T18:30 scheduled',
      '2027-04-13T18:30 cancelled',
      '2027-04-20T18:30 cancelled',
    ]);
    expect(await unfinished()).toBeUndefined();
    expect(await notices('cancelled')).toHaveLength(1);
    // Looking again changes nothing more.
    await owner.get(`/api/meetups/${meetupId}`);
    expect((await schedule()).filter((s) => s.endsWith('scheduled'))).toHaveLength(4);
    expect(await notices('cancelled')).toHaveLength(1);
  });

  it('of time and title, stopped part-way through the meetups, is finished by the organiser’s next change', async () => {
    const { t, owner, member, meetupId, occ, schedule, notices, unfinished } = await series();
    await member.call('PUT', `/api/occurrences/${occ[3]}/rsvp`, { attendance: 'in_person' });
    const undo = dieAt(/^Update/, 3); // the series, the first meetup, then the process dies
    const res = await owner.patch(`/api/meetups/${meetupId}`, { time: '19:15', title: 'Evening circle' });
    undo();
    expect(res.status).toBe(500);
    expect((await schedule()).filter((s) => s.startsWith('2027-03-16T19:15'))).toHaveLength(1);
    expect(await notices('moved')).toHaveLength(0);
    t.advance(SETTLE_MS);
    // The next change (of the description) finishes the one before, then makes its own.
    const next = await owner.patch(`/api/meetups/${meetupId}`, { description: 'Tea and talk.' });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(await schedule()).toEqual(
      ['03-16', '03-23', '03-30', '04-06', '04-13', '04-20'].map((d) => `2027-${d}T19:15 scheduled`),
    );
    const titles = (await owner.get(`/api/occurrences/${occ[5]}`)).body;
    expect(titles).toMatchObject({ title: 'Evening circle', description: 'Tea and talk.' });
    expect(await unfinished()).toBeUndefined();
    const moved = await notices('moved');
    expect(moved).toHaveLength(1);
    expect(moved[0].text).toMatch(/has moved from .*18:30.* to .*19:15/);
  });

  it('cancelling it, stopped part-way, is finished by cancelling again', async () => {
    const { owner, member, meetupId, occ, schedule, notices, unfinished } = await series();
    await member.call('PUT', `/api/occurrences/${occ[4]}/rsvp`, { attendance: 'online' });
    const undo = dieAt(/^Update/, 2); // the series is cancelled, then the process dies
    expect((await owner.post(`/api/meetups/${meetupId}/cancel`, { reason: 'The room closed' })).status).toBe(
      500,
    );
    undo();
    expect((await schedule()).filter((s) => s.endsWith('scheduled'))).toHaveLength(6);
    const again = await owner.post(`/api/meetups/${meetupId}/cancel`, { reason: 'The room closed' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.status).toBe('cancelled');
    expect((await schedule()).filter((s) => s.endsWith('scheduled'))).toHaveLength(0);
    expect(await unfinished()).toBeUndefined();
    expect(await notices('cancelled')).toHaveLength(1);
  });
});
