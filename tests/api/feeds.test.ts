import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCREET_TITLE } from '../../functions/core/feeds';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupOf } from '../../functions/store/keys';
import { groupInput, groupWithOwner, testApp } from '../support/api';
import { readAlike } from '../support/clients';
import { freshDb } from '../support/db';
import { expandCalendar, libicalErrors, parseCalendar } from '../support/ical';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const meetup = (over: Record<string, unknown> = {}) => ({
  title: 'Tuesday evening circle',
  description: 'Tea, talk and listening.',
  start: '2027-03-16T18:30',
  durationMinutes: 90,
  mode: 'hybrid',
  venue: { name: 'Mind Centre', address: '12 Harbour Street, Leeds LS1 1AA', neighbourhood: 'City centre' },
  online: { url: 'https://meet.example/quiet-room', notes: 'Camera optional' },
  capacity: { inPerson: 1, online: 5 },
  recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
  ...over,
});

async function setup() {
  const t = testApp(db);
  const feeds = createFeedsApp({ db, now: t.now });
  const { owner, groupId, join } = await groupWithOwner(t, { name: 'Eating Disorder Support Leeds' });
  const made = await owner.post(`/api/groups/${groupId}/meetups`, meetup());
  const occurrences = made.body.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId) as string[];
  const member = () => join();
  const fetchFeed = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    feeds.request(path, { method, headers });
  const read = async (path: string) => {
    const res = await fetchFeed(path);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(libicalErrors(text)).toEqual([]);
    // Every calendar app reads the same instances from every feed fetched here.
    readAlike(text, t.now() - 30 * 86_400_000, t.now() + 500 * 86_400_000);
    return { res, text, calendar: parseCalendar(text) };
  };
  return { t, feeds, owner, groupId, occurrences, member, fetchFeed, read };
}

/** Counts DynamoDB calls from now on. */
function countCalls() {
  let n = 0;
  const name = `count${Math.random()}`;
  db.doc.middlewareStack.add(
    (next) => async (args) => {
      n++;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => {
    db.doc.middlewareStack.remove(name);
    return n;
  };
}

describe('a member’s private feed', () => {
  it('is made once with a secret URL, holds my meetups discreetly, and follows changes', async () => {
    const { owner, occurrences, member, read, t } = await setup();
    const me = await member();
    const made = await me.post('/api/me/feed');
    expect(made.status).toBe(201);
    const path = made.body.feed.path as string;
    expect(path).toMatch(/^\/feeds\/[\w-]{22}\.[\w-]{43}\.ics$/);
    expect(made.body.feed).toMatchObject({ scope: 'mine', discreet: true });
    // The URL is shown once.
    expect((await me.get('/api/me/feed')).body.feed.path).toBeNull();

    // No RSVPs yet: an empty but valid calendar.
    expect((await read(path)).calendar.events).toEqual([]);

    await me.call('PUT', `/api/occurrences/${occurrences[1]}/rsvp`, { attendance: 'in_person' });
    const other = await member();
    await other.call('PUT', `/api/occurrences/${occurrences[2]}/rsvp`, { attendance: 'in_person' });
    await me.call('PUT', `/api/occurrences/${occurrences[2]}/rsvp`, { attendance: 'in_person' }); // waits
    let { calendar, text } = await read(path);
    expect(calendar.events.map((e) => e.summary)).toEqual([
      DISCREET_TITLE,
      `${DISCREET_TITLE} (waiting list)`,
    ]);
    expect(calendar.events[0]!.location).toContain('12 Harbour Street');
    for (const secret of ['Eating Disorder', 'Tea, talk', 'Mind Centre', 'Camera optional'])
      expect(text).not.toContain(secret);
    // Nothing of the meetup I only wait for: no address, no link.
    expect(calendar.events[1]!.raw).not.toContain('Harbour Street');
    expect(calendar.events[1]!.raw).not.toContain('meet.example');
    const [going] = calendar.events;

    // Moved: same UID, higher SEQUENCE, new time.
    t.advance(60_000);
    expect(
      (await owner.patch(`/api/occurrences/${occurrences[1]}`, { start: '2027-03-23T19:00' })).status,
    ).toBe(200);
    ({ calendar } = await read(path));
    const moved = calendar.events.find((e) => e.uid === going!.uid)!;
    expect(moved.sequence).toBeGreaterThan(going!.sequence);
    expect(new Date(moved.start).toISOString()).toBe('2027-03-23T19:00:00.000Z');

    // Cancelled: STATUS:CANCELLED.
    await owner.post(`/api/occurrences/${occurrences[1]}/cancel`, { reason: 'The room is flooded' });
    ({ calendar } = await read(path));
    expect(calendar.events.find((e) => e.uid === going!.uid)!.status).toBe('CANCELLED');

    // In full, and all of my groups' meetups.
    const patched = await me.patch('/api/me/feed', { discreet: false, scope: 'all' });
    expect(patched.body, JSON.stringify(patched.body)).toMatchObject({
      feed: { scope: 'all', discreet: false },
    });
    ({ calendar, text } = await read(path));
    expect(calendar.events).toHaveLength(4);
    expect(text).toContain('Eating Disorder Support Leeds');
    expect(calendar.events.find((e) => e.uid.startsWith(occurrences[0]!))!.raw).not.toContain(
      'Harbour Street',
    );
  });

  it('answers 304 from one read while nothing changes, and 200 with a new ETag after a change', async () => {
    const { owner, occurrences, member, fetchFeed, t } = await setup();
    const me = await member();
    const path = (await me.post('/api/me/feed')).body.feed.path as string;
    const first = await fetchFeed(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // HTTP caches keep it as long as the calendar asks to be refreshed: one hour both.
    expect(first.headers.get('cache-control')).toBe('private, max-age=3600');
    const body = await first.text();
    expect(body).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/);
    expect(body).toMatch(/X-PUBLISHED-TTL:PT1H\r\n/);
    expect((await fetchFeed(path)).headers.get('etag')).toBe(etag);
    const calls = countCalls();
    const again = await fetchFeed(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(calls()).toBe(1);
    expect((await fetchFeed(path, { 'if-modified-since': lastModified })).status).toBe(304);
    const head = await fetchFeed(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');

    // Each kind of change gives a new ETag: my RSVP, an organiser's change, my settings.
    const seen = new Set([etag]);
    const changes = [
      () => me.call('PUT', `/api/occurrences/${occurrences[0]}/rsvp`, { attendance: 'online' }),
      () => owner.patch(`/api/occurrences/${occurrences[0]}`, { title: 'Moved to the garden room' }),
      () => owner.post(`/api/groups/${groupOf(occurrences[0]!)}/meetups`, meetup({ recurrence: undefined })),
      () => me.patch('/api/me/feed', { discreet: false }),
    ];
    for (const change of changes) {
      t.advance(5_000);
      expect((await change()).status).toBeLessThan(300);
      const changed = await fetchFeed(path, { 'if-none-match': [...seen].join(', ') });
      expect(changed.status).toBe(200);
      seen.add(changed.headers.get('etag')!);
    }
    expect(seen.size).toBe(changes.length + 1);
    expect((await fetchFeed(path, { 'if-modified-since': lastModified })).status).toBe(200);
    // A day later the ETag changes too (what ended drops out by the day).
    const today = await fetchFeed(path);
    t.advance(86_400_000);
    expect((await fetchFeed(path, { 'if-none-match': today.headers.get('etag')! })).status).toBe(200);
  });

  it('stops working when rotated or revoked; unknown and malformed tokens are the same 404', async () => {
    const { member, fetchFeed } = await setup();
    const me = await member();
    const first = (await me.post('/api/me/feed')).body.feed.path as string;
    expect((await fetchFeed(first)).status).toBe(200);
    const second = (await me.post('/api/me/feed')).body.feed.path as string;
    expect(second).not.toBe(first);
    const gone = await fetchFeed(first);
    expect(gone.status).toBe(404);
    const goneText = await gone.text();
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await me.del('/api/me/feed')).status).toBe(200);
    expect((await fetchFeed(second)).status).toBe(404);
    const made = first.replace(/\.[\w-]{43}\.ics$/, `.${'A'.repeat(43)}.ics`);
    for (const path of [made, '/feeds/nonsense.ics', '/feeds/../api/me', `/feeds/${'x'.repeat(200)}.ics`]) {
      const res = await fetchFeed(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe(goneText);
    }
    expect((await me.patch('/api/me/feed', { discreet: false })).status).toBe(404);
    expect((await me.patch('/api/me/feed', { scope: 'everything' })).status).toBe(400);
  });

  it('is an empty but valid calendar for someone in no group', async () => {
    const { t, read } = await setup();
    const loner = await t.signedUp();
    const path = (await loner.post('/api/me/feed')).body.feed.path as string;
    const { calendar, res } = await read(path);
    expect(calendar.events).toEqual([]);
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('starts from the RSVPs made before it, and keeps them through a new link', async () => {
    const { occurrences, member, read } = await setup();
    const me = await member();
    await me.call('PUT', `/api/occurrences/${occurrences[3]}/rsvp`, { attendance: 'online' });
    const first = (await me.post('/api/me/feed')).body.feed.path as string;
    expect((await read(first)).calendar.events.map((e) => e.uid)).toEqual([`${occurrences[3]}@hearth`]);
    const second = (await me.post('/api/me/feed')).body.feed.path as string;
    expect((await read(second)).calendar.events).toHaveLength(1);
    await me.del(`/api/occurrences/${occurrences[3]}/rsvp`);
    expect((await read(second)).calendar.events).toHaveLength(0);
  });

  it('drops a group’s meetups when the member leaves it', async () => {
    const { groupId, occurrences, member, read, fetchFeed, t } = await setup();
    const me = await member();
    const path = (await me.post('/api/me/feed')).body.feed.path as string;
    await me.call('PUT', `/api/occurrences/${occurrences[0]}/rsvp`, { attendance: 'online' });
    const before = await read(path);
    expect(before.calendar.events).toHaveLength(1);
    t.advance(2_000);
    expect((await me.del(`/api/groups/${groupId}/members/me`)).status).toBe(200);
    expect((await read(path)).calendar.events).toHaveLength(0);
    // Clients that only send If-Modified-Since see the change too.
    const since = { 'if-modified-since': before.res.headers.get('last-modified')! };
    expect((await fetchFeed(path, since)).status).toBe(200);
  });
});

describe('a public group’s feed', () => {
  it('holds public information only, and private groups have none', async () => {
    const { t, owner: organiser, groupId, occurrences, read, fetchFeed } = await setup();
    const { calendar, text } = await read(`/feeds/groups/${groupId}.ics`);
    expect(calendar.name).toBe('Eating Disorder Support Leeds');
    // The weekly series is one event with a rule; expanded, it gives the four meetups.
    expect(calendar.events).toHaveLength(1);
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;COUNT=4/);
    expect(
      expandCalendar(text, Date.parse('2028-01-01')).map((i) => new Date(i.start).toISOString()),
    ).toEqual([
      '2027-03-16T18:30:00.000Z',
      '2027-03-23T18:30:00.000Z',
      '2027-03-30T17:30:00.000Z', // summer time
      '2027-04-06T17:30:00.000Z',
    ]);
    expect(text).not.toContain('Harbour Street');
    expect(text).not.toContain('meet.example');
    const etag = (await fetchFeed(`/feeds/groups/${groupId}.ics`)).headers.get('etag')!;
    expect((await fetchFeed(`/feeds/groups/${groupId}.ics`, { 'if-none-match': etag })).status).toBe(304);
    await organiser.post(`/api/occurrences/${occurrences[3]}/cancel`, { reason: 'Holiday' });
    expect((await fetchFeed(`/feeds/groups/${groupId}.ics`, { 'if-none-match': etag })).status).toBe(200);
    const owner = await t.signedUp();
    const privateId = (
      await owner.post('/api/groups', groupInput({ visibility: 'private', joinPolicy: 'invite' }))
    ).body.groupId;
    await owner.post(`/api/groups/${privateId}/meetups`, meetup());
    expect((await fetchFeed(`/feeds/groups/${privateId}.ics`)).status).toBe(404);
  });
});

describe('a series in a group feed', () => {
  it('keeps moved and cancelled occurrences as overrides of the rule, and drops what ended', async () => {
    const { t, owner, groupId, occurrences, read } = await setup();
    t.advance(60_000);
    await owner.patch(`/api/occurrences/${occurrences[1]}`, {
      start: '2027-03-24T19:00',
      title: 'Wednesday, just this once',
    });
    await owner.post(`/api/occurrences/${occurrences[2]}/cancel`, { reason: 'Room flooded' });
    const { text, calendar } = await read(`/feeds/groups/${groupId}.ics`);
    expect(calendar.events.filter((e) => e.raw.includes('RECURRENCE-ID'))).toHaveLength(2);
    expect(new Set(calendar.events.map((e) => e.uid)).size).toBe(1);
    const instances = expandCalendar(text, Date.parse('2028-01-01'));
    expect(instances.map((i) => [new Date(i.start).toISOString(), i.summary, i.status])).toEqual([
      ['2027-03-16T18:30:00.000Z', 'Tuesday evening circle', 'CONFIRMED'],
      ['2027-03-24T19:00:00.000Z', 'Wednesday, just this once', 'CONFIRMED'],
      ['2027-03-30T17:30:00.000Z', 'Tuesday evening circle', 'CANCELLED'],
      ['2027-04-06T17:30:00.000Z', 'Tuesday evening circle', 'CONFIRMED'],
    ]);
    // Months later the first has ended and is dropped: the rule starts at the second. The
    // cancellation is now over 14 days old, so that occurrence is dropped too: an EXDATE.
    t.advance(Date.parse('2027-03-19T12:00:00Z') - t.now());
    const later = await read(`/feeds/groups/${groupId}.ics`);
    expect(later.text).toMatch(/COUNT=3/);
    expect(later.text).toMatch(/EXDATE;TZID=Europe\/London:20270330T183000/);
    expect(expandCalendar(later.text, Date.parse('2028-01-01')).map((i) => [i.start, i.summary])).toEqual([
      [Date.parse('2027-03-24T19:00:00Z'), 'Wednesday, just this once'],
      [Date.parse('2027-04-06T17:30:00Z'), 'Tuesday evening circle'],
    ]);
  });
});

describe('a series given new dates, in a group feed', () => {
  it('stays one rule when made longer, and lists each meetup at its time when its weekdays change', async () => {
    const { t, owner, groupId, occurrences, read } = await setup();
    const meetupId = (await owner.get(`/api/occurrences/${occurrences[0]}`)).body.meetupId as string;
    t.advance(60_000);
    await owner.patch(`/api/meetups/${meetupId}`, { recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' } });
    const longer = await read(`/feeds/groups/${groupId}.ics`);
    expect(longer.calendar.events).toHaveLength(1);
    expect(longer.text).toMatch(/RRULE:FREQ=WEEKLY;COUNT=6/);
    expect(expandCalendar(longer.text, Date.parse('2028-01-01'))).toHaveLength(6);

    t.advance(60_000);
    await owner.patch(`/api/meetups/${meetupId}`, {
      recurrence: { start: '2027-03-23T18:30', rrule: 'FREQ=WEEKLY;BYDAY=TU,FR;COUNT=4' },
    });
    const changed = await read(`/feeds/groups/${groupId}.ics`);
    const shown = expandCalendar(changed.text, Date.parse('2028-01-01'))
      .filter((i) => i.status !== 'CANCELLED')
      .map((i) => new Date(i.start).toISOString());
    expect(shown).toEqual([
      '2027-03-23T18:30:00.000Z',
      '2027-03-26T18:30:00.000Z',
      '2027-03-30T17:30:00.000Z',
      '2027-04-02T17:30:00.000Z',
    ]);
    // The Tuesdays off the new pattern show as cancelled (the first is before its new start).
    const cancelled = expandCalendar(changed.text, Date.parse('2028-01-01')).filter(
      (i) => i.status === 'CANCELLED',
    );
    expect(cancelled.map((i) => new Date(i.start).toISOString())).toEqual([
      '2027-03-16T18:30:00.000Z',
      '2027-04-06T17:30:00.000Z',
      '2027-04-13T17:30:00.000Z',
      '2027-04-20T17:30:00.000Z',
    ]);
  });
});

describe('one occurrence as a file', () => {
  it('shows the address to those going, not to others, and nothing of private groups to outsiders', async () => {
    const { t, feeds, occurrences, member } = await setup();
    const file = (cookie: string, id = occurrences[0]!) =>
      feeds.request(`/api/occurrences/${id}/event.ics`, { headers: cookie ? { cookie } : {} });
    const going = await member();
    await going.call('PUT', `/api/occurrences/${occurrences[0]}/rsvp`, { attendance: 'in_person' });
    const res = await file(going.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    // A file is checked again each time it is asked for (it may show where to go, which changes).
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const text = await res.text();
    expect(libicalErrors(text)).toEqual([]);
    const [seen, ...more] = readAlike(text, t.now(), t.now() + 500 * 86_400_000);
    expect(more).toEqual([]);
    expect(seen).toMatchObject({ start: Date.parse('2027-03-16T18:30:00Z'), status: 'CONFIRMED' });
    const [event] = parseCalendar(text).events;
    expect(event!.location).toContain('12 Harbour Street');
    // Discreet unless the member chose full details for their calendar, as their feed is.
    expect(event!.summary).toBe(DISCREET_TITLE);
    expect(text).not.toContain('Eating Disorder');
    await going.post('/api/me/feed');
    await going.patch('/api/me/feed', { discreet: false, alarms: [60] });
    const full = await (await file(going.cookie)).text();
    expect(parseCalendar(full).events[0]!.summary).toBe('Tuesday evening circle');
    expect(full).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n/);
    const visitor = await (await file('')).text();
    expect(visitor).not.toContain('Harbour Street');
    expect(parseCalendar(visitor).events[0]!.uid).toBe(event!.uid);

    const owner = await t.signedUp();
    const privateId = (
      await owner.post('/api/groups', groupInput({ visibility: 'private', joinPolicy: 'invite' }))
    ).body.groupId;
    const hidden = (await owner.post(`/api/groups/${privateId}/meetups`, meetup())).body.occurrences[0]
      .occurrenceId;
    expect((await file(going.cookie, hidden)).status).toBe(404);
    expect((await file(owner.cookie, hidden)).status).toBe(200);
    expect((await file('', 'not-an-id')).status).toBe(404);
  });
});
