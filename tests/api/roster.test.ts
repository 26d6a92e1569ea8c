import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { rosterRepo } from '../../functions/store/repos/roster';
import { groupWithOwner, testApp } from '../support/api';
import { alarmsByClients, CLIENTS } from '../support/clients';
import { freshDb } from '../support/db';
import { libicalErrors, parseCalendar } from '../support/ical';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

/** A group with an owner, `n` facilitators (trained unless told), a member, and weekly meetups. */
async function setup(n = 3, over: { mode?: string; rrule?: string } = {}) {
  const t = testApp(db);
  const group = await groupWithOwner(t);
  const { owner, groupId } = group;
  const join = (role?: 'facilitator' | 'moderator') => group.join((p) => `Alias ${p.handle}`, role);
  const facilitators = [];
  for (let i = 0; i < n; i++) {
    const f = await join('facilitator');
    await owner.call('PUT', `/api/groups/${groupId}/facilitators/${f.userId}`, { trainedOn: '2026-09-01' });
    facilitators.push(f);
  }
  const member = await join();
  const mode = over.mode ?? 'in_person';
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Tuesday circle',
    start: '2027-03-16T18:30',
    durationMinutes: 90,
    mode,
    ...(mode !== 'online' ? { venue: { name: 'Hall', address: '1 Main Street' } } : {}),
    ...(mode !== 'in_person' ? { online: { url: 'https://meet.example/c' } } : {}),
    capacity: {
      ...(mode !== 'online' ? { inPerson: 10 } : {}),
      ...(mode !== 'in_person' ? { online: 10 } : {}),
    },
    recurrence: { rrule: over.rrule ?? 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const occ = made.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
  return { t, owner, groupId, facilitators, member, join, occ };
}

describe('facilitators', () => {
  it('lists the group’s facilitators with training recorded by an owner; each sets their own availability', async () => {
    const { owner, groupId, facilitators, member } = await setup(2);
    const list = (await owner.get(`/api/groups/${groupId}/facilitators`)).body.items;
    expect(list.map((f: { displayName: string }) => f.displayName)).toContain(
      `Alias ${facilitators[0]!.handle}`,
    );
    const f0 = list.find((f: { userId: string }) => f.userId === facilitators[0]!.userId);
    expect(f0).toMatchObject({
      active: true,
      trainedOn: '2026-09-01',
      trainedBy: owner.handle,
      maxPerMonth: 4,
    });
    const me = facilitators[0]!;
    const avail = await me.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
      weekly: [{ day: 'TU', from: '18:00', to: '21:00' }],
      away: [{ from: '2027-03-22', to: '2027-03-28' }],
    });
    expect(avail.status).toBe(200);
    expect(avail.body.weekly).toHaveLength(1);
    expect(avail.body.trainedBy).toBe(owner.handle); // named, not "Former member"
    // A facilitator sets their own most per month, not their training; members have no profile.
    expect(
      (await me.call('PUT', `/api/groups/${groupId}/facilitators/me`, { maxPerMonth: 2 })).body.maxPerMonth,
    ).toBe(2);
    expect(
      (await me.call('PUT', `/api/groups/${groupId}/facilitators/me`, { trainedOn: '2027-01-01' })).status,
    ).toBe(403);
    expect(
      (
        await member.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
          weekly: [],
          away: [],
        })
      ).status,
    ).toBe(403);
    expect((await member.get(`/api/groups/${groupId}/facilitators`)).status).toBe(403);
    for (const bad of [
      { weekly: [{ day: 'XX', from: '18:00', to: '21:00' }], away: [] },
      { weekly: [{ day: 'TU', from: '21:00', to: '18:00' }], away: [] },
      { weekly: [], away: [{ from: '2027-02-30', to: '2027-03-01' }] },
    ]) {
      expect((await me.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, bad)).status).toBe(
        400,
      );
    }
  });
});

describe('the roster', () => {
  it('auto-fills fairly with reasons, previews before applying, and shows gaps plainly', async () => {
    const { owner, groupId, facilitators, occ } = await setup(3);
    const preview = await owner.post(`/api/groups/${groupId}/roster/autofill`, {
      from: '2027-03-01',
      to: '2027-04-30',
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // 6 meetups × (lead, co) = 12 duties among 3 people, at most 4 a month each.
    expect(preview.body.proposals).toHaveLength(12);
    expect(preview.body.applied).toBe(0);
    const counts = facilitators.map(
      (f) => preview.body.proposals.filter((p: { userId: string }) => p.userId === f.userId).length,
    );
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(['only', 'fewestMonth', 'fewestRange', 'fewestRole', 'prefers', 'tied']).toContain(
      preview.body.proposals[0].reason.why,
    );
    // Nothing written by a preview.
    const before = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-01&to=2027-04-30`)).body
      .items;
    expect(before.every((o: { understaffed: boolean }) => o.understaffed)).toBe(true);
    const applied = await owner.post(`/api/groups/${groupId}/roster/autofill`, {
      from: '2027-03-01',
      to: '2027-04-30',
      apply: true,
    });
    expect(applied.body.applied).toBe(12);
    const roster = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-01&to=2027-04-30`)).body
      .items;
    expect(roster.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual(occ);
    expect(
      roster.every(
        (o: { understaffed: boolean; unconfirmed: number }) => !o.understaffed && o.unconfirmed === 2,
      ),
    ).toBe(true);
    // Same input, same roster: a second preview has nothing left to fill.
    const again = await owner.post(`/api/groups/${groupId}/roster/autofill`, {
      from: '2027-03-01',
      to: '2027-04-30',
    });
    expect(again.body.proposals).toEqual([]);
    // Each facilitator sees their duties, and is told.
    const mine = (await facilitators[0]!.get('/api/me/duties')).body.items;
    expect(mine.length).toBe(counts[0]);
    expect((await facilitators[0]!.get('/api/me/notifications')).body.items[0]).toMatchObject({
      kind: 'roster',
      href: '/me/duties',
    });
  });

  it('two owners applying auto-fill at once give each duty once, and tell people only what they got', async () => {
    const { owner, groupId, facilitators } = await setup(3);
    const second = facilitators[2]!;
    await owner.patch(`/api/groups/${groupId}/members/${second.userId}`, { role: 'owner' });
    const apply = (who: typeof owner) =>
      who.post(`/api/groups/${groupId}/roster/autofill`, {
        from: '2027-03-01',
        to: '2027-04-30',
        apply: true,
      });
    const answers = await Promise.all([apply(owner), apply(second)]);
    // 12 duties in all, whoever's request gave them.
    expect(answers.reduce((n, a) => n + a.body.applied, 0)).toBe(12);
    for (const f of facilitators) {
      const held = (await f.get('/api/me/duties')).body.items.length;
      const told = (await f.get('/api/me/notifications')).body.items
        .map((n: { text: string }) => /^You have (\d+) new dut/.exec(n.text))
        .filter(Boolean)
        .reduce((sum: number, m: RegExpExecArray) => sum + Number(m[1]), 0);
      expect(told).toBe(held);
    }
  });

  it('refuses a non-facilitator, an unneeded role, an overlap, someone away, and non-owners', async () => {
    const { owner, groupId, facilitators, member, occ } = await setup(2);
    const [a, b] = facilitators as [(typeof facilitators)[0], (typeof facilitators)[0]];
    const put = (who: typeof owner, o: string, role: string, userId: string) =>
      who.call('PUT', `/api/occurrences/${o}/roster/${role}`, { userId });
    expect((await put(owner, occ[0]!, 'lead', member.userId)).status).toBe(400);
    expect((await put(owner, occ[0]!, 'greeter', a.userId)).status).toBe(400);
    expect((await put(a, occ[0]!, 'lead', a.userId)).status).toBe(403);
    expect((await put(owner, occ[0]!, 'lead', a.userId)).status).toBe(200);
    expect((await put(owner, occ[0]!, 'co', a.userId)).status).toBe(409); // already on this meetup
    expect((await put(owner, occ[0]!, 'lead', b.userId)).status).toBe(409); // held
    await b.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
      weekly: [],
      away: [{ from: '2027-03-23', to: '2027-03-23' }],
    });
    const away = await put(owner, occ[1]!, 'co', b.userId);
    expect(away.status).toBe(409);
    expect(away.body.error).toMatchObject({ message: 'They are away that day', key: 'cannotTakeAway' });
    await owner.call('PUT', `/api/groups/${groupId}/facilitators/${b.userId}`, { active: false });
    const inactive = await put(owner, occ[2]!, 'co', b.userId);
    expect(inactive.status).toBe(409);
    expect(inactive.body.error).toMatchObject({ key: 'cannotTakeInactive' });
    // An overlapping duty in another group is refused.
    const other = await setup(0);
    await other.owner.patch(`/api/groups/${other.groupId}/members/${other.owner.userId}`, {}); // no-op
    const o2 = await otherGroupMeetup(other, a);
    const clash = await other.owner.call('PUT', `/api/occurrences/${o2}/roster/lead`, { userId: a.userId });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ message: 'They have another duty then', key: 'cannotTakeBusy' });
  });

  it('says which held duties new availability no longer fits, and tells the owners once', async () => {
    const { owner, groupId, facilitators, occ } = await setup(1);
    const a = facilitators[0]!;
    for (const o of occ.slice(0, 3))
      expect((await a.call('PUT', `/api/occurrences/${o}/roster/lead`, { userId: a.userId })).status).toBe(
        403,
      );
    for (const o of occ.slice(0, 3))
      expect(
        (await owner.call('PUT', `/api/occurrences/${o}/roster/lead`, { userId: a.userId })).status,
      ).toBe(200);
    const told = async () =>
      (await owner.get('/api/me/notifications')).body.items.filter((n: { text: string }) =>
        n.text.includes('can no longer make'),
      );
    // Away on the second Tuesday, and only free on Wednesdays from then on.
    const saved = await a.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
      weekly: [],
      away: [{ from: '2027-03-23', to: '2027-03-23' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.conflicts).toEqual([
      {
        assignmentId: `${occ[1]}.lead`,
        occurrenceId: occ[1],
        role: 'lead',
        startAt: '2027-03-23T18:30:00.000Z',
        reason: 'away',
      },
    ]);
    expect(await told()).toHaveLength(1);
    expect((await told())[0]).toMatchObject({
      text: expect.stringMatching(
        /^Alias .* can no longer make their lead facilitator duty on Tue 23 Mar 2027 at 18:30: it may need cover\.$/,
      ),
      href: `/groups/${groupId}/roster`,
    });
    // Saved again as it is: nothing new to tell. Then Wednesdays only: the other two clash too.
    await a.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
      weekly: [],
      away: [{ from: '2027-03-23', to: '2027-03-23' }],
    });
    expect(await told()).toHaveLength(1);
    const wednesdays = await a.call('PUT', `/api/groups/${groupId}/facilitators/me/availability`, {
      weekly: [{ day: 'WE', from: '09:00', to: '21:00' }],
      away: [],
    });
    expect(wednesdays.body.conflicts.map((x: { reason: string }) => x.reason)).toEqual([
      'outside',
      'outside',
      'outside',
    ]);
    expect((await told()).map((n: { text: string }) => n.text.replace(/^.* duty on /, '')).sort()).toEqual([
      'Tue 16 Mar 2027 at 18:30 and 1 more: it may need cover.',
      'Tue 23 Mar 2027 at 18:30: it may need cover.',
    ]);
    // The duties stay theirs: the owner decides, or they ask for cover.
    expect((await a.get('/api/me/duties')).body.items).toHaveLength(3);
  });

  it('takes duties back to the roster when their holder leaves, is removed, or stops facilitating', async () => {
    const { owner, groupId, facilitators, occ } = await setup(3);
    const [a, b, f] = facilitators as [
      (typeof facilitators)[0],
      (typeof facilitators)[0],
      (typeof facilitators)[0],
    ];
    const give = (o: string, role: string, who: typeof a) =>
      owner.call('PUT', `/api/occurrences/${o}/roster/${role}`, { userId: who.userId });
    for (const [o, who] of [
      [occ[0]!, a],
      [occ[1]!, a],
      [occ[2]!, b],
      [occ[3]!, f],
    ] as const)
      expect((await give(o, 'lead', who)).status).toBe(200);
    const lead = async (o: string) =>
      (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-16&to=2027-04-30`)).body.items.find(
        (x: { occurrenceId: string }) => x.occurrenceId === o,
      ).slots.lead;
    expect(await a.del(`/api/groups/${groupId}/members/me`)).toMatchObject({ status: 200 });
    expect([await lead(occ[0]!), await lead(occ[1]!)]).toEqual([null, null]);
    expect((await a.get('/api/me/duties')).body.items).toEqual([]);
    const told = (await owner.get('/api/me/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(told).toContain(
      'A facilitator who left or stopped facilitating held 2 duties, from “Tuesday circle” on Tue 16 Mar 2027 at 18:30: they are open again.',
    );
    await owner.patch(`/api/groups/${groupId}/members/${b.userId}`, { status: 'removed' });
    expect(await lead(occ[2]!)).toBeNull();
    // Owners facilitate too: a facilitator made an owner keeps their duties.
    await owner.patch(`/api/groups/${groupId}/members/${f.userId}`, { role: 'owner' });
    expect(await lead(occ[3]!)).toMatchObject({ userId: f.userId });
    await owner.patch(`/api/groups/${groupId}/members/${f.userId}`, { role: 'member' });
    expect(await lead(occ[3]!)).toBeNull();
    expect((await f.get('/api/me/duties')).body.items).toEqual([]);
  });

  it('keeps duties in step when a meetup moves or is cancelled, and tells whoever holds them', async () => {
    const { owner, facilitators, occ } = await setup(1);
    const a = facilitators[0]!;
    for (const o of [occ[0], occ[1]])
      await owner.call('PUT', `/api/occurrences/${o}/roster/lead`, { userId: a.userId });
    await owner.patch(`/api/occurrences/${occ[0]}`, { start: '2027-03-17T10:00' });
    await owner.post(`/api/occurrences/${occ[1]}/cancel`, { reason: 'Room closed' });
    const duties = (await a.get('/api/me/duties')).body.items;
    expect(duties.map((d: { startLocal: string }) => d.startLocal)).toEqual(['2027-03-17T10:00']);
    const notes = (await a.get('/api/me/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(notes.some((t: string) => /has moved: it is now on Wed 17 Mar 2027 at 10:00/.test(t))).toBe(true);
    expect(notes.some((t: string) => /is off: the meetup is cancelled/.test(t))).toBe(true);
    // The old time is free again: another group's meetup then can be theirs.
    const other = await setup(0);
    const o2 = await otherGroupMeetup(other, a);
    expect(
      (await other.owner.call('PUT', `/api/occurrences/${o2}/roster/lead`, { userId: a.userId })).status,
    ).toBe(200);
  });

  it('puts a facilitator’s duties in their calendar feed, with the duty and where it is', async () => {
    const { t, owner, facilitators, occ } = await setup(1);
    const a = facilitators[0]!;
    const feeds = createFeedsApp({ db, now: t.now });
    const path = (await a.post('/api/me/feed')).body.feed.path as string;
    await a.call('PATCH', '/api/me/feed', { discreet: false });
    const fetchFeed = (headers: Record<string, string> = {}) => feeds.request(path, { headers });
    const before = await fetchFeed();
    expect(parseCalendar(await before.text()).events).toHaveLength(0);
    t.advance(1_000);
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/lead`, { userId: a.userId });
    expect((await fetchFeed({ 'if-none-match': before.headers.get('etag')! })).status).toBe(200);
    const text = await (await fetchFeed()).text();
    expect(libicalErrors(text)).toEqual([]);
    const [asked] = parseCalendar(text).events;
    // Not yet confirmed: it says so, and is tentative.
    expect(asked!.summary).toBe('Lead facilitator (please confirm): Tuesday circle');
    expect(asked!.status).toBe('TENTATIVE');
    expect(asked!.location).toContain('1 Main Street');
    const etag = (await fetchFeed()).headers.get('etag')!;
    expect((await a.post(`/api/assignments/${occ[0]}.lead/confirm`)).status).toBe(200);
    expect((await fetchFeed({ 'if-none-match': etag })).status).toBe(200);
    const [event] = parseCalendar(await (await fetchFeed()).text()).events;
    expect(event!.summary).toBe('Lead facilitator: Tuesday circle');
    expect(event!.status).toBe('CONFIRMED');
    // A duty carries its own reminders, not the ones chosen for meetups.
    await a.call('PATCH', '/api/me/feed', { alarms: [15], dutyAlarms: [60, 1440] });
    const reminders = alarmsByClients(await (await fetchFeed()).text());
    for (const client of CLIENTS)
      expect({ client, got: reminders[client] }).toEqual({
        client,
        got: {
          [event!.uid]: [
            [60, 'Lead facilitator: Tuesday circle'],
            [1440, 'Lead facilitator: Tuesday circle'],
          ],
        },
      });
  });

  it('lets a series change the duties its meetups need, but not drop one someone holds', async () => {
    const { owner, groupId, facilitators, occ } = await setup(1);
    const meetupId = (await owner.get(`/api/occurrences/${occ[0]}`)).body.meetupId as string;
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/co`, { userId: facilitators[0]!.userId });
    const dropCo = await owner.patch(`/api/meetups/${meetupId}`, {
      staffing: { roles: ['lead'], minimum: 1 },
    });
    expect(dropCo.status).toBe(409);
    expect(dropCo.body.error.message).toMatch(/co on 2027-03-16/);
    const more = await owner.patch(`/api/meetups/${meetupId}`, {
      staffing: { roles: ['lead', 'co', 'greeter'], minimum: 2 },
    });
    expect(more.status).toBe(200);
    expect(more.body.meetup.staffing).toEqual({ roles: ['lead', 'co', 'greeter'], minimum: 2 });
    const roster = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-01&to=2027-04-30`)).body
      .items;
    expect(roster.every((o: { staffing: { roles: string[] } }) => o.staffing.roles.includes('greeter'))).toBe(
      true,
    );
    // One occurrence cannot be given new dates or duties on its own through its own PATCH.
    expect(
      (await owner.patch(`/api/occurrences/${occ[1]}`, { staffing: { roles: ['lead'], minimum: 1 } })).status,
    ).toBe(400);
  });

  it('confirm, decline, and cover: exactly one of many who accept at once takes the duty', async () => {
    const { owner, groupId, facilitators, occ } = await setup(6);
    const [asker, ...others] = facilitators;
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/lead`, { userId: asker!.userId });
    const assignmentId = `${occ[0]}.lead`;
    expect((await others[0]!.post(`/api/assignments/${assignmentId}/confirm`)).status).toBe(404);
    expect((await asker!.post(`/api/assignments/${assignmentId}/confirm`)).status).toBe(200);
    const asked = await asker!.post(`/api/assignments/${assignmentId}/cover-requests`, {});
    expect(asked.status).toBe(201);
    expect(asked.body.notified).toBe(5);
    const coverId = asked.body.coverRequestId as string;
    expect((await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items).toHaveLength(1);
    expect((await asker!.post(`/api/cover-requests/${coverId}/accept`)).status).toBe(409); // not your own
    // Those asked are sent to the request itself, on the roster.
    expect((await others[0]!.get('/api/me/notifications')).body.items[0]).toMatchObject({
      text: expect.stringMatching(/^Can you cover\?/),
      href: `/groups/${groupId}/roster#cover-${coverId}`,
    });
    const answers = await Promise.all(others.map((o) => o.post(`/api/cover-requests/${coverId}/accept`)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = others[answers.findIndex((r) => r.status === 200)]!;
    const roster = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-16&to=2027-03-16`)).body
      .items[0];
    expect(roster.slots.lead).toMatchObject({
      userId: winner.userId,
      status: 'assigned',
      coverRequestId: null,
    });
    expect((await asker!.get('/api/me/duties')).body.items).toEqual([]);
    expect((await winner.get('/api/me/duties')).body.items).toHaveLength(1);
    for (const o of others.filter((x) => x !== winner))
      expect((await o.get('/api/me/duties')).body.items).toEqual([]);
    expect((await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items).toEqual([]);
    // Asking for cover, then declining: the request is withdrawn with the duty.
    await winner.post(`/api/assignments/${assignmentId}/cover-requests`, {});
    expect((await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items).toHaveLength(1);
    // Declining frees the duty: the meetup is understaffed again.
    expect((await winner.post(`/api/assignments/${assignmentId}/decline`)).status).toBe(200);
    const after = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-16&to=2027-03-16`)).body
      .items[0];
    expect(after).toMatchObject({ understaffed: true, slots: { lead: null } });
    expect((await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items).toEqual([]);
  });
});

describe('asking for cover', () => {
  it('carries a note, says who could take it and why not, and can be withdrawn', async () => {
    const { owner, groupId, facilitators, occ } = await setup(3);
    const [asker, free, busy] = facilitators;
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/lead`, { userId: asker!.userId });
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/co`, { userId: busy!.userId });
    const assignmentId = `${occ[0]}.lead`;
    const long = await asker!.post(`/api/assignments/${assignmentId}/cover-requests`, {
      note: 'x'.repeat(301),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('body.note');
    const asked = await asker!.post(`/api/assignments/${assignmentId}/cover-requests`, {
      note: 'A hospital appointment moved',
    });
    expect(asked.body.notified).toBe(1); // the one with a duty there already is not asked
    const coverId = asked.body.coverRequestId as string;
    const told = (await free!.get('/api/me/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(told).toContainEqual(expect.stringMatching(/They say: “A hospital appointment moved”$/));
    const seenBy = async (p: typeof owner) =>
      (await p.get(`/api/groups/${groupId}/cover-requests`)).body.items[0];
    expect(await seenBy(free!)).toMatchObject({
      note: 'A hospital appointment moved',
      mine: false,
      whyNot: null,
    });
    expect(await seenBy(busy!)).toMatchObject({ whyNot: 'alreadyThere' });
    expect(await seenBy(asker!)).toMatchObject({ mine: true, whyNot: 'own' });
    // Withdrawn by the asker alone: the duty stays theirs, and nobody can take it any more.
    expect((await free!.call('DELETE', `/api/cover-requests/${coverId}`)).status).toBe(404);
    expect((await asker!.call('DELETE', `/api/cover-requests/${coverId}`)).status).toBe(200);
    expect((await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items).toEqual([]);
    // Those who were asked hear it is no longer needed.
    const freeNotes = (await free!.get('/api/me/notifications')).body.items.map(
      (n: { text: string }) => n.text,
    );
    expect(freeNotes).toContainEqual(
      expect.stringMatching(/^No longer needed: .* withdrew their request for cover/),
    );
    const taken = await free!.post(`/api/cover-requests/${coverId}/accept`);
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/withdrawn/);
    const duty = (await asker!.get('/api/me/duties')).body.items[0];
    expect(duty).toMatchObject({ occurrenceId: occ[0], coverRequestId: null });
    // Had a crash left the withdrawn request on the duty, asking again still asks anew.
    await rosterRepo(db).updateSlot(occ[0]!, 'lead', asker!.userId, { coverRequestId: coverId });
    const again = await asker!.post(`/api/assignments/${assignmentId}/cover-requests`, {});
    expect(again.body.coverRequestId).not.toBe(coverId);
    expect(again.body.notified).toBe(1);
  });

  it('tells the asker and the owners at once when nobody can take it', async () => {
    const { owner, facilitators, occ } = await setup(1);
    const [asker] = facilitators;
    await owner.call('PUT', `/api/occurrences/${occ[0]}/roster/lead`, { userId: asker!.userId });
    const asked = await asker!.post(`/api/assignments/${occ[0]}.lead/cover-requests`, {});
    expect(asked.body.notified).toBe(0);
    // (Told in the same millisecond as other notices: found by their words, not their order.)
    const texts = async (p: typeof owner) =>
      (await p.get('/api/me/notifications')).body.items.map((n: { text: string }) => n.text) as string[];
    expect(await texts(asker!)).toContainEqual(
      expect.stringMatching(/^Nobody else can cover your duty .* The group’s owners have been told\.$/),
    );
    expect(await texts(owner)).toContainEqual(
      expect.stringMatching(/^Nobody can cover: .* asked for cover .* no facilitator is free/),
    );
    // Withdrawn: the owners, who were told, hear that it is no longer needed.
    expect((await asker!.call('DELETE', `/api/cover-requests/${asked.body.coverRequestId}`)).status).toBe(
      200,
    );
    expect(await texts(owner)).toContainEqual(
      expect.stringMatching(
        /^No longer needed: .* withdrew their request for cover .* The duty stays theirs\.$/,
      ),
    );
    expect(await texts(asker!)).not.toContainEqual(expect.stringMatching(/^No longer needed/));
  });
});

/** A meetup in another group at the same time as the first setup's first meetup, where `a` facilitates too. */
async function otherGroupMeetup(
  other: Awaited<ReturnType<typeof setup>>,
  a: { userId: string; post: (p: string, b?: unknown) => Promise<unknown> },
) {
  await a.post(`/api/groups/${other.groupId}/members`, { acceptGuidelines: true });
  await other.owner.patch(`/api/groups/${other.groupId}/members/${a.userId}`, { role: 'facilitator' });
  await other.owner.call('PUT', `/api/groups/${other.groupId}/facilitators/${a.userId}`, {
    trainedOn: '2026-01-01',
  });
  return other.occ[0]!;
}
