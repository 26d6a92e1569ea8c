/**
 * Many people at once against one occurrence's ledger, through the API and the real SDK into
 * dynalite: places are never overbooked, nobody is in two places, waiting lists keep order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
let t: ReturnType<typeof testApp>;
let owner: Awaited<ReturnType<ReturnType<typeof testApp>['signedUp']>>;
let groupId: string;
let people: Awaited<ReturnType<ReturnType<typeof testApp>['signedUp']>>[];

beforeAll(async () => {
  ({ db, stop } = await freshDb());
  t = testApp(db);
  owner = await t.signedUp('race-owner');
  groupId = (await owner.post('/api/groups', groupInput())).body.groupId;
  people = [];
  for (let i = 0; i < 200; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async (_, j) => {
        const p = await t.signedUp(`racer-${i + j}`);
        await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
        return p;
      }),
    );
    people.push(...batch);
  }
}, 120_000);
afterAll(() => stop());

async function schedule(start: string) {
  const res = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Crowded session',
    start,
    durationMinutes: 60,
    mode: 'hybrid',
    venue: { name: 'Hall', address: '1 Main Street' },
    online: { url: 'https://meet.example/hall' },
    capacity: { inPerson: 12, online: 20 },
  });
  expect(res.status).toBe(201);
  return res.body.occurrences[0].occurrenceId as string;
}

type Attendee = {
  userId: string;
  status: 'going' | 'waitlisted';
  attendance: 'in_person' | 'online';
  position?: number;
};

async function ledger(occ: string) {
  const list = (await owner.get(`/api/occurrences/${occ}/attendees`)).body.items as Attendee[];
  const seats = (await owner.get(`/api/occurrences/${occ}`)).body.seats;
  return { list, seats };
}

/** The ledger's invariants, whatever happened before. */
function checkInvariants({ list, seats }: Awaited<ReturnType<typeof ledger>>) {
  const ids = list.map((a) => a.userId);
  expect(new Set(ids).size, 'each member at most once').toBe(ids.length);
  for (const [mode, cap, key] of [
    ['in_person', 12, 'inPerson'],
    ['online', 20, 'online'],
  ] as const) {
    const going = list.filter((a) => a.status === 'going' && a.attendance === mode).length;
    const waiting = list.filter((a) => a.status === 'waitlisted' && a.attendance === mode);
    expect(going, `${mode} going ≤ capacity`).toBeLessThanOrEqual(cap);
    expect(seats[key].going, `${mode} count matches the ledger`).toBe(going);
    expect(seats[key].waitlisted).toBe(waiting.length);
    if (waiting.length) expect(going, `${mode}: nobody waits while a place is free`).toBe(cap);
    expect(waiting.map((w) => w.position)).toEqual(waiting.map((_, i) => i + 1));
  }
}

describe('an RSVP storm', () => {
  it('seats exactly 12 in person and 20 online out of 200 at once, waitlists the rest, and promotes in order', async () => {
    const occ = await schedule('2027-05-04T18:30');
    const results = await Promise.all(
      people.map((p, i) =>
        p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: i % 2 ? 'online' : 'in_person' }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const state = await ledger(occ);
    checkInvariants(state);
    expect(state.seats.inPerson).toEqual({ capacity: 12, going: 12, waitlisted: 88 });
    expect(state.seats.online).toEqual({ capacity: 20, going: 20, waitlisted: 80 });
    // Each person's answer agrees with the ledger.
    const byId = new Map(state.list.map((a) => [a.userId, a]));
    for (const [i, r] of results.entries())
      expect(r.body.rsvp.status).toBe(byId.get(people[i]!.userId)!.status);

    // Three people going in person withdraw at once: the first three waiting move up, in order.
    const waitingBefore = state.list.filter((a) => a.status === 'waitlisted' && a.attendance === 'in_person');
    const leaving = state.list
      .filter((a) => a.status === 'going' && a.attendance === 'in_person')
      .slice(0, 3);
    const who = new Map(people.map((p) => [p.userId, p]));
    await Promise.all(leaving.map((a) => who.get(a.userId)!.del(`/api/occurrences/${occ}/rsvp`)));
    const after = await ledger(occ);
    checkInvariants(after);
    const going = new Set(after.list.filter((a) => a.status === 'going').map((a) => a.userId));
    for (const w of waitingBefore.slice(0, 3)) expect(going.has(w.userId)).toBe(true);
    expect(going.has(waitingBefore[3]!.userId)).toBe(false);
    const nowWaiting = after.list
      .filter((a) => a.status === 'waitlisted' && a.attendance === 'in_person')
      .map((a) => a.userId);
    expect(nowWaiting).toEqual(waitingBefore.slice(3).map((w) => w.userId));
  }, 120_000);

  it('keeps every invariant through a storm of joins, withdrawals and mode switches', async () => {
    const occ = await schedule('2027-05-11T18:30');
    await Promise.all(
      people
        .slice(0, 100)
        .map((p, i) =>
          p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: i % 3 ? 'online' : 'in_person' }),
        ),
    );
    const actions = people.map((p, i) => {
      if (i < 100 && i % 4 === 0) return p.del(`/api/occurrences/${occ}/rsvp`);
      if (i < 100 && i % 4 === 1)
        return p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: i % 3 ? 'in_person' : 'online' });
      return p.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: i % 2 ? 'in_person' : 'online' });
    });
    const results = await Promise.all(actions);
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const state = await ledger(occ);
    checkInvariants(state);
    const withdrawn = people.filter((_, i) => i < 100 && i % 4 === 0).map((p) => p.userId);
    const ids = new Set(state.list.map((a) => a.userId));
    for (const id of withdrawn) expect(ids.has(id)).toBe(false);
    expect(state.list).toHaveLength(200 - withdrawn.length);
  }, 120_000);
});
