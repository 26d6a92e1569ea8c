/**
 * Feeds as calendar apps read them: every feed and file is expanded by four engines nobody here
 * wrote (tests/support/clients.ts), and each occurrence's UTC start, UTC end, status and title
 * must be what the API lists, in every one, with no client warning. The hard dates are the night
 * clocks go back, when a local time names two instants: RFC 5545 takes the first, the apps the
 * second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { CLIENTS, readByClients, type Seen } from '../support/clients';
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
    return res.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
  };
  type Listed = { startAt: string; endAt: string; status: string; title: string };
  /** An occurrence as the API lists it, as a calendar app should show it. */
  const asSeen = (o: Listed): Seen => ({
    start: Date.parse(o.startAt),
    end: Date.parse(o.endAt),
    status: o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    summary: o.title,
  });
  const listed = async () =>
    (
      (
        await owner.get(
          `/api/groups/${groupId}/occurrences?from=${new Date(FROM).toISOString()}&to=${new Date(UNTIL).toISOString()}`,
        )
      ).body.items as Listed[]
    ).map(asSeen);
  /** Every client's reading of the group's public feed and of each occurrence's file. */
  const agree = async (occurrences: string[]) => {
    const want = await listed();
    const feed = await feeds.request(`/feeds/groups/${groupId}.ics`);
    expect(feed.status).toBe(200);
    const read = readByClients(await feed.text(), FROM, UNTIL);
    for (const client of CLIENTS) expect({ client, seen: read.seen[client] }).toEqual({ client, seen: want });
    expect(read.warnings).toEqual([]);
    for (const id of occurrences) {
      const one = asSeen((await owner.get(`/api/occurrences/${id}`)).body as Listed);
      const file = await feeds.request(`/api/occurrences/${id}/event.ics`);
      const read = readByClients(await file.text(), FROM, UNTIL);
      for (const client of CLIENTS)
        expect({ client, id, seen: read.seen[client] }).toEqual({ client, id, seen: [one] });
    }
  };
  return { owner, schedule, agree };
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
    const { schedule, agree, owner } = await group('Europe/London');
    const [once] = await schedule({ start: '2027-10-31T01:30' });
    const weekly = await schedule({
      start: '2027-10-17T01:30',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' },
    });
    // Ends in the repeated hour, starting before it.
    const [ending] = await schedule({ start: '2027-10-31T00:45' });
    expect((await owner.get(`/api/occurrences/${once}`)).body.startAt).toBe('2027-10-31T00:30:00.000Z');
    await agree([...weekly, once!, ending!]);
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
