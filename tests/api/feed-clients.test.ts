/**
 * Feeds as calendar apps read them: every feed and file is expanded by four engines nobody here
 * wrote (tests/support/clients.ts), and each occurrence's UTC start, UTC end, status and title
 * must be what the API lists, in every one, with no client warning. The hard dates are the night
 * clocks go back, when a local time names two instants: RFC 5545 takes the first, the apps the
 * second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCREET_TITLE } from '../../functions/core/feeds';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { alarmsByClients, CLIENTS, readByClients, type Seen } from '../support/clients';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const FROM = Date.parse('2027-09-01T00:00:00Z');
const UNTIL = Date.parse('2028-06-30T00:00:00Z');

/** A public group in `timezone`, its organiser, and a way to compare what clients see with the API. */
async function group(timezone: string) {
  const t = testApp(db);
  t.advance(FROM - 30 * 86_400_000 - t.now()); // the feed window reaches the dates below
  const feeds = createFeedsApp({ db, now: t.now });
  const owner = await t.signedUp();
  const groupId = (await owner.post('/api/groups', groupInput({ timezone }))).body.groupId as string;
  const schedule = async (over: Record<string, unknown>) => {
    const res = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Night owls',
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/owls' },
      capacity: { online: 10 },
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const ids = res.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
    return Object.assign(ids, { meetupId: res.body.meetup.meetupId as string });
  };
  type Listed = { startAt: string; endAt: string; status: string; title: string };
  /** An occurrence as the API lists it, as a calendar app should show it. */
  const asSeen = (o: Listed): Seen => ({
    start: Date.parse(o.startAt),
    end: Date.parse(o.endAt),
    status: o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    summary: o.title,
  });
  /** In the order the clients' readings are put in: by start, then title. */
  const listed = async () =>
    (
      (
        await owner.get(
          `/api/groups/${groupId}/occurrences?from=${new Date(FROM).toISOString()}&to=${new Date(UNTIL).toISOString()}`,
        )
      ).body.items as Listed[]
    )
      .map(asSeen)
      .sort((a, b) => a.start - b.start || a.summary.localeCompare(b.summary));
  /** Every client's reading of the group's public feed and of each occurrence's file. */
  const agree = async (occurrences: string[], dropped: string[] = []) => {
    const gone = new Set(
      await Promise.all(
        dropped.map(async (id) => asSeen((await owner.get(`/api/occurrences/${id}`)).body).start),
      ),
    );
    const want = (await listed()).filter((o) => !gone.has(o.start));
    const feed = await feeds.request(`/feeds/groups/${groupId}.ics`);
    expect(feed.status).toBe(200);
    const read = readByClients(await feed.text(), FROM, UNTIL);
    for (const client of CLIENTS) expect({ client, seen: read.seen[client] }).toEqual({ client, seen: want });
    expect(read.warnings).toEqual([]);
    for (const id of occurrences.filter((o) => !dropped.includes(o))) {
      const one = asSeen((await owner.get(`/api/occurrences/${id}`)).body as Listed);
      // A visitor's file: discreet, as a calendar is unless its member chooses full details.
      const file = await feeds.request(`/api/occurrences/${id}/event.ics`);
      const read = readByClients(await file.text(), FROM, UNTIL);
      const seen = [{ ...one, summary: DISCREET_TITLE }];
      for (const client of CLIENTS)
        expect({ client, id, seen: read.seen[client] }).toEqual({ client, id, seen });
    }
  };
  return { t, feeds, owner, groupId, schedule, agree, listed };
}

describe('a meetup at a time the clocks skip', () => {
  it('is an hour later by the clock in every client, and the weeks after it keep their time (London)', async () => {
    const { schedule, agree, owner } = await group('Europe/London');
    const weekly = await schedule({
      start: '2028-03-12T01:30',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=6' },
    });
    // The week after the skipped date changed on its own: an override in the rule after it.
    expect((await owner.patch(`/api/occurrences/${weekly[4]}`, { title: 'Night owls, spring' })).status).toBe(
      200,
    );
    // And the meetup on the skipped date itself, retitled on its own.
    const short = await owner.patch(`/api/occurrences/${weekly[2]}`, { title: 'Night owls, short night' });
    expect(short.status).toBe(200);
    const [once] = await schedule({ start: '2028-03-26T01:30' });
    expect((await owner.get(`/api/occurrences/${once}`)).body.startAt).toBe('2028-03-26T01:30:00.000Z');
    await agree([...weekly, once!]);
  });

  it('does so with a 30-minute shift (Lord Howe Island)', async () => {
    const { schedule, agree } = await group('Australia/Lord_Howe');
    const weekly = await schedule({
      start: '2027-09-19T02:15',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' },
    });
    await agree(weekly);
  });
});

describe('a meetup in the hour clocks repeat', () => {
  it('starts at the first pass of its time in every client, one-off or in a series (London)', async () => {
    const { t, feeds, groupId, schedule, agree, owner, listed } = await group('Europe/London');
    const [once] = await schedule({ start: '2027-10-31T01:30' });
    const weekly = await schedule({
      start: '2027-10-17T01:30',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' },
    });
    // The meetup on the night itself, retitled on its own.
    const long = await owner.patch(`/api/occurrences/${weekly[2]}`, { title: 'Night owls, long night' });
    expect(long.status).toBe(200);
    // Ends in the repeated hour, starting before it.
    const [ending] = await schedule({ start: '2027-10-31T00:45' });
    expect((await owner.get(`/api/occurrences/${once}`)).body.startAt).toBe('2027-10-31T00:30:00.000Z');
    await agree([...weekly, once!, ending!]);
    // A member's own feed (every meetup of the group, discreet) agrees too.
    const me = await t.signedUp();
    await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    const path = (await me.post('/api/me/feed')).body.feed.path as string;
    await me.patch('/api/me/feed', { scope: 'all' });
    const read = readByClients(await (await feeds.request(path)).text(), FROM, UNTIL);
    const want = (await listed()).map((o) => ({ ...o, summary: 'Hearth session' }));
    for (const client of CLIENTS) expect({ client, seen: read.seen[client] }).toEqual({ client, seen: want });
    expect(read.warnings).toEqual([]);
  });

  it('does so with a 30-minute shift (Lord Howe Island), and cancelled on that date', async () => {
    const { schedule, agree, owner } = await group('Australia/Lord_Howe');
    const weekly = await schedule({
      start: '2028-03-19T01:45',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' },
    });
    const cancelled = await owner.post(`/api/occurrences/${weekly[2]}/cancel`, { reason: 'Clocks change' });
    expect(cancelled.status).toBe(200);
    const [once] = await schedule({ start: '2028-04-02T01:40' });
    await agree([...weekly, once!]);
  });

  it('is plain where there is no daylight saving (Tokyo)', async () => {
    const { schedule, agree } = await group('Asia/Tokyo');
    const weekly = await schedule({
      start: '2027-10-17T01:30',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' },
    });
    await agree(weekly);
  });
});

describe('reminders a member chooses', () => {
  it('are none at first, any of 15 minutes, an hour and a day before, in the feed’s own wording, in every client', async () => {
    const { t, feeds, groupId, schedule } = await group('Europe/London');
    const [occ] = await schedule({ start: '2027-10-20T18:30' });
    const me = await t.signedUp();
    await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    await me.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    const made = await me.post('/api/me/feed');
    expect(made.body.feed).toMatchObject({ alarms: [], dutyAlarms: [] });
    const path = made.body.feed.path as string;
    const reminders = async () => alarmsByClients(await (await feeds.request(path)).text());
    for (const client of CLIENTS) expect((await reminders())[client]).toEqual({ [`${occ}@hearth`]: [] });

    // Only the offered reminders, each once, refused by the field.
    for (const alarms of [[10], [15, 15], [15, 60, 1440, 15]]) {
      const refused = await me.patch('/api/me/feed', { alarms });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0].path).toMatch(/^body\.alarms/);
    }
    const set = await me.patch('/api/me/feed', { alarms: [1440, 15] });
    expect(set.body.feed).toMatchObject({ alarms: [1440, 15] });
    let seen = await reminders();
    for (const client of CLIENTS)
      expect({ client, got: seen[client] }).toEqual({
        client,
        got: {
          [`${occ}@hearth`]: [
            [1440, 'Hearth session'],
            [15, 'Hearth session'],
          ],
        },
      });
    // In full, the reminder names the meetup; the times still agree in every client.
    await me.patch('/api/me/feed', { discreet: false });
    const text = await (await feeds.request(path)).text();
    seen = alarmsByClients(text);
    for (const client of CLIENTS)
      expect(seen[client][`${occ}@hearth`]!.map((a) => a[1])).toEqual(['Night owls', 'Night owls']);
    const read = readByClients(text, FROM, UNTIL);
    for (const client of CLIENTS)
      expect(read.seen[client].map((i) => i.start)).toEqual([Date.parse('2027-10-20T17:30:00Z')]);
    expect(read.warnings).toEqual([]);
  });

  it('remind of the meetups the member goes to, not of every meetup a feed of all their groups shows', async () => {
    const { t, feeds, groupId, schedule } = await group('Europe/London');
    const [going] = await schedule({ start: '2027-10-20T18:30' });
    const [other] = await schedule({ start: '2027-10-21T18:30' });
    const me = await t.signedUp();
    await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    await me.call('PUT', `/api/occurrences/${going}/rsvp`, { attendance: 'online' });
    const path = (await me.post('/api/me/feed')).body.feed.path as string;
    await me.patch('/api/me/feed', { scope: 'all', alarms: [60] });
    const seen = alarmsByClients(await (await feeds.request(path)).text());
    for (const client of CLIENTS)
      expect({ client, got: seen[client] }).toEqual({
        client,
        got: { [`${going}@hearth`]: [[60, 'Hearth session']], [`${other}@hearth`]: [] },
      });
  });
});

describe('other rules and zones on the nights clocks change', () => {
  it('agrees in every client, through both changes (London, last Sunday of the month)', async () => {
    const { schedule, agree } = await group('Europe/London');
    const monthly = await schedule({
      start: '2027-09-26T01:30',
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=-1SU;COUNT=8' },
    });
    await agree(monthly);
  });

  it('agrees where the clocks change at midnight (Santiago): a skipped half past midnight, a repeated half past eleven', async () => {
    const { schedule, agree } = await group('America/Santiago');
    const sundays = await schedule({
      start: '2027-09-05T00:30', // the first meetup is the skipped one
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' },
    });
    const saturdays = await schedule({
      start: '2028-03-18T23:30',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=4' },
    });
    await agree([...sundays, ...saturdays]);
  });
});

describe('a series as time goes by', () => {
  it('leaves out a meetup cancelled long ago in every client, and lists one given new dates', async () => {
    const { t, schedule, agree, owner } = await group('Europe/London');
    const weekly = await schedule({
      start: '2027-10-05T19:00',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' },
    });
    expect((await owner.post(`/api/occurrences/${weekly[3]}/cancel`, { reason: 'Half term' })).status).toBe(
      200,
    );
    await agree(weekly);
    // Over two weeks on, the feed drops it (an EXDATE between the others); the API still lists it.
    t.advance(15 * 86_400_000);
    await owner.post('/api/auth/login', { handle: owner.handle, passphrase: 'quiet river morning tea' });
    await agree(weekly, [weekly[3]!]);
    // New dates: Thursdays from November; the Tuesdays not on them are cancelled (and shown so).
    const moved = await owner.patch(`/api/meetups/${weekly.meetupId}`, {
      recurrence: { start: '2027-11-04T19:00', rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=4' },
    });
    expect(moved.body).toMatchObject({ added: 4 });
    await agree([weekly[7]!], [weekly[3]!]);
  });
});
