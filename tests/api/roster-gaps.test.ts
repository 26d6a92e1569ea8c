import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterGaps } from '../../functions/jobs/roster-gaps';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

describe('the roster gap job', () => {
  it('finds exactly the meetups of the next 7 days that are understaffed or unconfirmed, in every group, and tells once', async () => {
    const t = testApp(db);
    t.advance(Date.parse('2027-03-14T09:00:00Z') - t.now()); // a Sunday
    const made: Record<string, string> = {};
    type Person = Awaited<ReturnType<typeof t.signedUp>>;
    const groups: { owner: Person; f: Person; groupId: string }[] = [];
    for (const name of ['North', 'South']) {
      const owner = await t.signedUp();
      const groupId = (await owner.post('/api/groups', groupInput({ name: `${name} circle` }))).body
        .groupId as string;
      const f = await t.signedUp();
      await f.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
      await owner.patch(`/api/groups/${groupId}/members/${f.userId}`, { role: 'facilitator' });
      await owner.call('PUT', `/api/groups/${groupId}/facilitators/${f.userId}`, { trainedOn: '2026-01-01' });
      const schedule = async (label: string, start: string) => {
        const res = await owner.post(`/api/groups/${groupId}/meetups`, {
          title: `${name} ${label}`,
          start,
          durationMinutes: 60,
          mode: 'online',
          online: { url: 'https://meet.example/x' },
          capacity: { online: 10 },
          staffing: { roles: ['lead'], minimum: 1 },
        });
        made[`${name} ${label}`] = res.body.occurrences[0].occurrenceId;
        return res.body.occurrences[0].occurrenceId as string;
      };
      const staffed = await schedule('staffed', '2027-03-16T18:30');
      await owner.call('PUT', `/api/occurrences/${staffed}/roster/lead`, { userId: f.userId });
      await f.post(`/api/assignments/${staffed}.lead/confirm`);
      const unconfirmed = await schedule('unconfirmed', '2027-03-17T18:30');
      await owner.call('PUT', `/api/occurrences/${unconfirmed}/roster/lead`, { userId: f.userId });
      await schedule('empty', '2027-03-18T18:30');
      await schedule('next month', '2027-04-18T18:30');
      const cancelled = await schedule('cancelled', '2027-03-19T18:30');
      await owner.post(`/api/occurrences/${cancelled}/cancel`, { reason: 'Holiday' });
      groups.push({ owner, f, groupId });
    }
    const gaps = await rosterGaps.run({ db, now: t.now() });
    const found = Object.fromEntries(gaps.map((g) => [g.occurrenceId, g]));
    expect(Object.keys(found).sort()).toEqual(
      [made['North unconfirmed'], made['North empty'], made['South unconfirmed'], made['South empty']].sort(),
    );
    expect(found[made['North empty']!]).toMatchObject({
      understaffed: true,
      open: ['lead'],
      unconfirmed: [],
    });
    expect(found[made['North unconfirmed']!]).toMatchObject({ understaffed: false, unconfirmed: ['lead'] });
    const told = async (p: (typeof groups)[0]['owner']) =>
      (await p.get('/api/me/notifications')).body.items.filter((n: { text: string }) =>
        n.text.startsWith('Roster gap'),
      );
    expect(await told(groups[0]!.owner)).toHaveLength(2);
    expect(await told(groups[0]!.f)).toHaveLength(2);
    expect((await told(groups[0]!.owner))[0].href).toBe(`/groups/${groups[0]!.groupId}/roster`);
    // Run again: nothing new to tell. Then the gap changes (a lead confirms): told only of that.
    await rosterGaps.run({ db, now: t.now() });
    expect(await told(groups[0]!.owner)).toHaveLength(2);
    await groups[0]!.f.post(`/api/assignments/${made['North unconfirmed']}.lead/confirm`);
    const after = await rosterGaps.run({ db, now: t.now() });
    expect(after.map((g) => g.occurrenceId)).not.toContain(made['North unconfirmed']);
    // A meetup moved into the next 7 days is found on its new day.
    await groups[0]!.owner.patch(`/api/occurrences/${made['North next month']}`, {
      start: '2027-03-20T10:00',
    });
    const moved = await rosterGaps.run({ db, now: t.now() });
    expect(moved.map((g) => g.occurrenceId)).toContain(made['North next month']);
  });
});
