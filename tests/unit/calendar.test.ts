import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import {
  DISCREET_TITLE,
  eventFor,
  type FeedOccurrence,
  listedFor,
  memberEvent,
  seriesEvents,
  stillShown,
} from '../../functions/core/feeds';
import { planOccurrences } from '../../functions/core/series';
import { writeCalendar } from '../../functions/feeds/ical';
import { expandCalendar, libicalErrors, parseCalendar } from '../support/ical';

const now = Date.parse('2026-11-25T10:00:00Z');

const base: FeedOccurrence = {
  occurrenceId: 'grp-occ-0',
  groupId: 'grp',
  title: 'Tuesday evening circle',
  description: 'Tea, talk and listening; everyone welcome.',
  startAt: 0,
  endAt: 0,
  timezone: 'Europe/London',
  mode: 'hybrid',
  venue: { name: 'Mind Centre', address: '12 Harbour Street, Leeds', neighbourhood: 'City centre' },
  online: { url: 'https://meet.example/quiet-room', notes: 'Camera optional' },
  status: 'scheduled',
  cancelReason: null,
  sequence: 0,
  changedAt: now,
};

/** A weekly series at 18:30 local time in `zone`, as occurrences with the instants Hearth computed. */
function series(zone: string, start: string, count: number): FeedOccurrence[] {
  const plan = planOccurrences({ start, rrule: `FREQ=WEEKLY;COUNT=${count}` }, zone, now);
  if ('problems' in plan) throw new Error(JSON.stringify(plan.problems));
  return plan.occurrences.map((p) => ({
    ...base,
    occurrenceId: `${zone.replace('/', '-')}-${p.index}`,
    timezone: zone,
    startAt: p.startAt,
    endAt: p.startAt + 90 * 60_000,
  }));
}

const going = { status: 'going', attendance: 'in_person' } as const;

describe('calendars Hearth writes', () => {
  it('give calendar apps the right instants across DST, with a VTIMEZONE for every TZID, and pass libical', () => {
    const occurrences = [
      ...series('Europe/London', '2027-03-16T18:30', 4), // clocks go forward 28 March
      ...series('America/New_York', '2027-10-26T18:30', 3), // and back 7 November
      ...series('Australia/Sydney', '2027-03-30T18:30', 2), // back 4 April
      ...series('Asia/Kolkata', '2027-03-16T18:30', 2), // no DST
    ];
    const text = writeCalendar(
      'Hearth',
      occurrences.map((o) =>
        eventFor(o, { rsvp: going, groupName: 'Circle', discreet: false, pageUrl: null }),
      ),
    );
    expect(libicalErrors(text)).toEqual([]);
    const parsed = parseCalendar(text);
    expect(parsed.events).toHaveLength(occurrences.length);
    for (const [i, o] of occurrences.entries()) {
      expect(parsed.events[i]!.start, o.occurrenceId).toBe(o.startAt);
      expect(parsed.events[i]!.end).toBe(o.endAt);
      expect(parsed.events[i]!.tzid).toBe(o.timezone);
    }
    // 18:30 in London is 18:30Z before the change and 17:30Z after it.
    expect(new Date(parsed.events[1]!.start).toISOString()).toBe('2027-03-23T18:30:00.000Z');
    expect(new Date(parsed.events[2]!.start).toISOString()).toBe('2027-03-30T17:30:00.000Z');
    expect(new Set(parsed.events.map((e) => e.tzid))).toEqual(new Set(parsed.zones));
    expect(parsed.props).toEqual(
      expect.arrayContaining(
        ['name', 'x-wr-calname', 'refresh-interval', 'x-published-ttl'].map((p) => p.toUpperCase()),
      ),
    );
    expect(text).not.toMatch(/METHOD:/);
    expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Lines end with CRLF and are folded at 75 octets.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes text and keeps every character through folding', () => {
    const title =
      'Tea; talk, and “listening” \\ 🌧️ together — a long title that must fold across lines ✨✨✨';
    const text = writeCalendar('Hearth', [
      eventFor(
        { ...base, title, startAt: now + 86_400_000, endAt: now + 90_000_000 },
        {
          rsvp: going,
          groupName: 'Circle',
          discreet: false,
          pageUrl: null,
        },
      ),
    ]);
    expect(libicalErrors(text)).toEqual([]);
    expect(parseCalendar(text).events[0]!.summary).toBe(title);
  });

  it('in discreet mode show a neutral title and no group name, description or venue name', () => {
    const o = { ...base, startAt: now + 86_400_000, endAt: now + 90_000_000 };
    const as = (rsvp: Parameters<typeof eventFor>[1]['rsvp']) =>
      parseCalendar(
        writeCalendar('Hearth', [
          eventFor(o, {
            rsvp,
            groupName: 'Eating Disorder Support',
            discreet: true,
            pageUrl: 'https://x/#/o',
          }),
        ]),
      ).events[0]!;
    const goingEvent = as(going);
    expect(goingEvent.summary).toBe(DISCREET_TITLE);
    expect(goingEvent.location).toContain('12 Harbour Street');
    const waiting = as({ status: 'waitlisted', attendance: 'in_person', position: 2 });
    expect(waiting.summary).toBe(`${DISCREET_TITLE} (waiting list)`);
    expect(waiting.status).toBe('TENTATIVE');
    for (const e of [goingEvent, waiting, as(null)]) {
      for (const secret of [
        'Eating Disorder',
        'Tea, talk',
        'Mind Centre',
        'Camera optional',
        'https://x/#/o',
      ])
        expect(e.raw).not.toContain(secret);
    }
    // Only those going get the address and the link.
    for (const e of [waiting, as(null)]) {
      expect(e.raw).not.toContain('Harbour Street');
      expect(e.raw).not.toContain('meet.example');
    }
  });

  it('mark cancelled occurrences for 14 days, then drop them', () => {
    const o = {
      ...base,
      status: 'cancelled' as const,
      cancelReason: 'Room flooded',
      startAt: now + 5 * 86_400_000,
    };
    const e = eventFor(
      { ...o, endAt: o.startAt + 3_600_000 },
      { rsvp: going, groupName: 'C', discreet: false, pageUrl: null },
    );
    expect(e.status).toBe('cancelled');
    expect(e.description).toMatch(/Room flooded/);
    // In a discreet calendar, the organiser's words (which may name the group) are left out.
    const discreet = eventFor(
      { ...o, description: '', endAt: o.startAt + 3_600_000 },
      { rsvp: null, groupName: 'C', discreet: true, pageUrl: null },
    );
    expect(discreet.description).toBe('Cancelled');
    // No empty paragraphs where there is no description.
    const plain = eventFor(
      {
        ...o,
        status: 'scheduled',
        description: '',
        online: undefined,
        venue: undefined,
        endAt: o.startAt + 1,
      },
      { rsvp: going, groupName: 'C', discreet: false, pageUrl: null },
    );
    expect(plain.description).toBe('C');
    expect(stillShown({ ...o, endAt: o.startAt + 3_600_000 }, now + 13 * 86_400_000)).toBe(false); // ended
    expect(stillShown({ ...o, endAt: now + 30 * 86_400_000 }, now + 13 * 86_400_000)).toBe(true);
    expect(stillShown({ ...o, endAt: now + 30 * 86_400_000 }, now + 15 * 86_400_000)).toBe(false);
  });
});

describe('series written as rules', () => {
  for (const [zone, start, rrule] of [
    ['America/New_York', '2027-01-13T18:30', 'FREQ=MONTHLY;BYDAY=2WE;COUNT=12'],
    ['Europe/London', '2027-01-29T10:00', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12'],
    ['Australia/Sydney', '2027-01-31T19:00', 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12'],
    ['Europe/London', '2027-03-01T18:30', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10'],
    ['Asia/Kolkata', '2027-03-01T07:00', 'FREQ=DAILY;INTERVAL=3;COUNT=20'],
  ] as const) {
    it(`expand in calendar apps to the instants Hearth planned: ${rrule} in ${zone}`, () => {
      const plan = planOccurrences({ start, rrule }, zone, now);
      if ('problems' in plan) throw new Error(JSON.stringify(plan.problems));
      // Shown from the third on (the first two ended), the fifth cancelled within 14 days.
      const shown = plan.occurrences.slice(2).map((p) => ({
        ...base,
        occurrenceId: `occ-${p.index}`,
        index: p.index,
        timezone: zone,
        startAt: p.startAt,
        endAt: p.startAt + 90 * 60_000,
        ...(p.index === 4 ? { status: 'cancelled' as const, cancelReason: 'Holiday' } : {}),
      }));
      const events = seriesEvents(
        {
          meetupId: 'series-1',
          title: base.title,
          description: base.description,
          start,
          durationMinutes: 90,
          timezone: zone,
          mode: base.mode,
          venue: base.venue,
          online: base.online,
          rrule,
          version: 1,
          changedAt: now,
        },
        shown,
        { groupName: 'Circle', discreet: false, pageUrl: null },
      )!;
      expect(events).toHaveLength(2); // the rule, and the cancelled one
      const text = writeCalendar('Circle', events);
      expect(libicalErrors(text)).toEqual([]);
      const instances = expandCalendar(text, Date.parse('2030-01-01'));
      expect(instances.map((i) => i.start)).toEqual(shown.map((o) => o.startAt));
      expect(instances.map((i) => i.status)).toEqual(
        shown.map((o) => (o.index === 4 ? 'CANCELLED' : 'CONFIRMED')),
      );
    });
  }
});

/** ical-generator's own folding before the patch in patches/: the reference the patch must match. */
function referenceFold(input: string): string {
  return input
    .split('\r\n')
    .map((line) => {
      let result = '';
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        let ch = line.charAt(i);
        if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
        const size = new TextEncoder().encode(ch).length;
        octets += size;
        if (octets > 74) {
          result += '\r\n ';
          octets = size;
        }
        result += ch;
      }
      return result;
    })
    .join('\r\n');
}

describe('the line-folding patch to ical-generator', () => {
  it('folds exactly as before, for any text (lone surrogates and CRLFs included)', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('\r\n', '\ud83d', '\ude00', '😀', 'é', '語', ' '),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(foldLines(text)).toBe(referenceFold(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('is applied (npm install runs patch-package)', () => {
    expect(foldLines.toString()).not.toContain('TextEncoder');
  });
});

describe('what a member’s own feed holds', () => {
  const soon = { ...base, startAt: now + 86_400_000, endAt: now + 90_000_000 };
  const settings = {
    scope: 'mine' as const,
    discreet: true,
    alarms: [60 as const],
    dutyAlarms: [1440 as const],
  };
  const duty = { name: 'Lead facilitator', unconfirmed: true };
  const going = { status: 'going' as const, attendance: 'online' as const };

  it('lists, in a feed of their own meetups, those they answered or hold a duty at', () => {
    const mine = (answered: boolean, holds: boolean) =>
      listedFor(soon, 'mine', { answered, duty: holds }, now);
    expect([mine(true, false), mine(false, true), mine(false, false)]).toEqual([true, true, false]);
    expect(listedFor(soon, 'all', { answered: false, duty: false }, now)).toBe(true);
    expect(
      listedFor({ ...soon, endAt: now - 3 * 86_400_000 }, 'all', { answered: true, duty: false }, now),
    ).toBe(false);
  });

  it('shows nothing of a meetup in their own feed once they hold neither a place nor a duty', () => {
    expect(memberEvent(soon, { settings, rsvp: null, groupName: 'Circle' })).toBeNull();
    const all = memberEvent(soon, {
      settings: { ...settings, scope: 'all' },
      rsvp: null,
      groupName: 'Circle',
    });
    expect(all).toMatchObject({ summary: DISCREET_TITLE, status: 'confirmed', location: null });
    // No reminder for a meetup they did not answer.
    expect(all?.alarms).toBeUndefined();
  });

  it('names a duty, shows where it is, and keeps it tentative with “(please confirm)” until confirmed', () => {
    const event = memberEvent(soon, { settings, rsvp: null, duty, groupName: 'Circle' });
    expect(event).toMatchObject({
      summary: `Lead facilitator (please confirm): ${DISCREET_TITLE}`,
      status: 'tentative',
      alarms: [1440],
    });
    expect(event?.location).toContain('12 Harbour Street');
    const confirmed = memberEvent(soon, {
      settings,
      rsvp: null,
      duty: { ...duty, unconfirmed: false },
      groupName: '',
    });
    expect(confirmed).toMatchObject({ summary: `Lead facilitator: ${DISCREET_TITLE}`, status: 'confirmed' });
  });

  it('reminds of a meetup they answered, and of nothing cancelled', () => {
    expect(memberEvent(soon, { settings, rsvp: going, groupName: '' })?.alarms).toEqual([60]);
    const cancelled = memberEvent(
      { ...soon, status: 'cancelled' },
      { settings, rsvp: going, duty, groupName: '' },
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', summary: `Lead facilitator: ${DISCREET_TITLE}` });
    expect(cancelled?.alarms).toBeUndefined();
  });
});
