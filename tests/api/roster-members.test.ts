/**
 * A group bigger than a page of members: facilitators among the last members of 150 are listed,
 * auto-filled and asked to cover, as the first ones are (each reader follows every page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

describe('a group of 150 members', () => {
  it('finds the facilitators among the last 50', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const people = [];
    for (let i = 0; i < 15; i++)
      people.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const p = await t.signedUp();
            expect((await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true })).status).toBe(
              201,
            );
            return p;
          }),
        )),
      );
    // The two members read last (members are read in the order of their keys).
    const last = [...people].sort((a, b) =>
      keys.member(groupId, a.userId).sk < keys.member(groupId, b.userId).sk ? -1 : 1,
    );
    const [one, two] = last.slice(-2);
    for (const f of [one!, two!]) {
      await owner.patch(`/api/groups/${groupId}/members/${f.userId}`, { role: 'facilitator' });
      await owner.call('PUT', `/api/groups/${groupId}/facilitators/${f.userId}`, { trainedOn: '2026-09-01' });
    }
    const listed = (await owner.get(`/api/groups/${groupId}/facilitators`)).body.items;
    expect(listed.map((f: { userId: string }) => f.userId).sort()).toEqual([one!.userId, two!.userId].sort());

    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Tuesday circle',
      start: '2027-03-16T18:30',
      durationMinutes: 90,
      mode: 'in_person',
      venue: { name: 'Hall', address: '1 Main Street' },
      capacity: { inPerson: 10 },
      staffing: { roles: ['lead'], minimum: 1 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const occ = made.body.occurrences[0].occurrenceId as string;
    const filled = await owner.post(`/api/groups/${groupId}/roster/autofill`, {
      from: '2027-03-01',
      to: '2027-03-31',
      apply: true,
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.proposals).toHaveLength(1);
    const lead = filled.body.proposals[0].userId as string;
    expect([one!.userId, two!.userId]).toContain(lead);
    // The lead asks for cover: the other facilitator is asked.
    const asker = lead === one!.userId ? one! : two!;
    const asked = await asker.post(`/api/assignments/${occ}.lead/cover-requests`, {});
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.notified).toBe(1);
  });
});
